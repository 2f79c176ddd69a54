"""Combo boxes and labels that end a text too long for their room in "…" and show the
whole text in their tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

from expertenrat.ui.widgets import FocusCombo


class ElidingComboBox(FocusCombo):
    """A combo box whose chosen entry, where the box is too narrow for it, ends in "…"
    (a plain one cuts it mid-word: "TOP 3 Genehmigung d"); its tooltip then shows the
    whole entry. The open list shows every entry whole. It takes the wheel only when focused
    (:class:`~expertenrat.ui.widgets.FocusCombo`)."""

    def shown_text(self) -> str:
        """The chosen entry as the box shows it: cut with "…" to the room it has."""
        option = self._style_option()
        return self._elided(option)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = self._style_option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
            option.currentText = self.placeholderText()
        option.currentText = self._elided(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            text = self.currentText()
            if self.shown_text() != text:
                QToolTip.showText(event.globalPos(), text, self)  # a QHelpEvent
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _style_option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def _elided(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        room = field.width() - 4  # the label's own margins
        if not option.currentIcon.isNull():
            room -= option.iconSize.width() + 4
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(room, 0)
        )


def paint_label_text(label: QLabel, painter: QPainter, text: str, alignment: int) -> None:
    """Paint ``text`` (not the label's own, e.g. one cut with "…") as ``label`` paints its
    text: inside its contents and margin, in its palette and state."""
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    label.style().drawItemText(
        painter,
        room,
        alignment,
        label.palette(),
        label.isEnabled(),
        text,
        label.foregroundRole(),
    )


class ElidedLabel(QLabel):
    """A one-line label of plain text that gets by with ``least`` letters and asks for
    room for its whole text, up to ``comfort`` letters (one very long text does not take
    the room of what stands beside it). Where it is narrower than its text, the text ends
    in "…" (or, with ``elide`` ``ElideMiddle``, its middle: a checksum keeps both ends)
    and its tooltip shows the whole text (above the label's own tooltip, if it has one).
    ``text()`` stays the whole text."""

    def __init__(
        self,
        text: str = "",
        least: int = 20,
        comfort: int = 40,
        parent: QWidget | None = None,
        *,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._least = least
        self._comfort = comfort
        self._elide = elide

    def shown_text(self) -> str:
        """The text as the label shows it: cut with "…" to the room it has."""
        return self.fontMetrics().elidedText(
            self.text(),
            self._elide,
            self.contentsRect().width() - 2 * self.margin(),
        )

    def minimumSizeHint(self) -> QSize:
        return self._at_most(super().minimumSizeHint(), self._least)

    def sizeHint(self) -> QSize:
        return self._at_most(super().sizeHint(), self._comfort)

    def _at_most(self, whole: QSize, characters: int) -> QSize:
        """``whole`` no wider than ``characters`` average letters and the margins."""
        margins = self.contentsMargins().left() + self.contentsMargins().right()
        width = self.fontMetrics().averageCharWidth() * characters + margins + 2 * self.margin()
        return QSize(min(whole.width(), width), whole.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_label_text(self, QPainter(self), self.shown_text(), int(self.alignment()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.shown_text() != self.text():
            whole = "\n".join(t for t in (self.text(), self.toolTip()) if t)
            QToolTip.showText(event.globalPos(), whole, self)  # a QHelpEvent
            return True
        return super().event(event)


class YieldingComboBox(ElidingComboBox):
    """A combo box as wide as its longest entry where there is room for it, giving way
    down to ``characters`` letters in a narrow window (the chosen entry then ends in
    "…"): long entries do not make the page scroll sideways."""

    def __init__(self, characters: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._characters = characters

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.horizontalAdvance("x") * self._characters, metrics.height())
        least = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(min(hint.width(), least.width()), hint.height())


def compact_combo(characters: int) -> QComboBox:
    """A combo box as wide as ``characters`` letters, however long its entries: a list of
    long titles (projects, agenda items) does not widen the form it sits in; a chosen one
    too long for it ends in "…" (:class:`ElidingComboBox`)."""
    combo = ElidingComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
