"""Small widgets the pages share."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.i18n import tr

# The narrowest a small form dialog gets (Gast hinzufügen, Befangenheit eintragen …): its
# fields show their placeholders ("z. B. Referentin zu TOP 3") and titles whole.
FORM_DIALOG_WIDTH = 420


def dialog_buttons(
    dialog: QDialog,
    accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    on_accept: Callable[[], None] | None = None,
) -> QDialogButtonBox:
    """The buttons under a small dialog: ``accept`` ("OK"; "Speichern" under a form) and
    "Abbrechen". The first accepts ``dialog``, or calls ``on_accept`` where the dialog
    checks what was typed first; the second rejects it."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def close_buttons(dialog: QDialog, *actions: QAbstractButton) -> QDialogButtonBox:
    """The buttons under a dialog that shows rather than asks: "Schließen", which rejects
    ``dialog``, and the ``actions`` beside it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    for action in actions:
        buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


def required_note_beside(buttons: QWidget) -> QHBoxLayout:
    """The row under a form dialog: "* Pflichtangabe" on the left (what the fields marked
    with * mean), ``buttons`` on the right."""
    row = QHBoxLayout()
    row.addWidget(hint_label(tr("Widgets", "* Pflichtangabe")), 1)
    row.addWidget(buttons)
    return row


def in_row(*widgets: QWidget) -> QWidget:
    """Widgets side by side at their natural width, the rest of the row left empty (a form
    row holding several fields)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


class ElidingComboBox(QComboBox):
    """A combo box whose chosen entry, where the box is too narrow for it, ends in "…"
    (a plain one cuts it mid-word: "TOP 3 Genehmigung d"); its tooltip then shows the
    whole entry. The open list shows every entry whole."""

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
    in "…" and its tooltip shows the whole text (above the label's own tooltip, if it has
    one). ``text()`` stays the whole text."""

    def __init__(
        self, text: str = "", least: int = 20, comfort: int = 40, parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._least = least
        self._comfort = comfort

    def shown_text(self) -> str:
        """The text as the label shows it: cut with "…" to the room it has."""
        return self.fontMetrics().elidedText(
            self.text(),
            Qt.TextElideMode.ElideRight,
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


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


class FigureCard(QFrame):
    """A big number with a caption, for the Übersicht page."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("–")
        self.value.setObjectName("figureValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setObjectName("figureCaption")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        # a card without a detail line, beside one with two, keeps its number at the top
        # in line with theirs
        layout.addStretch(1)
        self._name()

    def set_value(self, value: int | str, detail: str = "") -> None:
        self.value.setText(str(value))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._name()

    def _name(self) -> None:
        """What a screen reader says when the card has the focus (a frame has no text)."""
        parts = (self.caption.text(), self.value.text(), self.detail.text())
        self.setAccessibleName(" ".join(part for part in parts if part))


def colour_icon(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def action_button(action: QAction) -> QPushButton:
    """A button that triggers ``action`` and shows its text (without the "&" shortcut)."""
    button = QPushButton(action.text().replace("&", ""))
    button.clicked.connect(action.trigger)
    return button


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class WholeWrappingLabel(QLabel):
    """A label of plain text that wraps long lines and asks for the height its text needs at
    the width it has: a layout that places it by its minimum (a grid in a splitter pane, as
    high as its minimum) does not cut its last lines."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        if self.width() <= 0:
            return least
        return QSize(least.width(), max(least.height(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # as many lines as the new width needs


def wrapping_label(text: str = "") -> QLabel:
    """A label that shows ``text`` literally (never as rich text) and wraps long lines."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def tab_as_shown(box: QDialogButtonBox) -> None:
    """Tab goes through ``box``'s buttons as they are shown, left to right; Qt keeps the
    order they were made in, so a button added beside a standard one ("Schreiben speichern
    …" left of "Schließen") came after it."""
    row = box.layout()
    shown = [
        widget
        for index in range(row.count())
        if isinstance(widget := row.itemAt(index).widget(), QAbstractButton)
    ]
    for before, after in pairwise(shown):
        QWidget.setTabOrder(before, after)


def keep_wrapped_height(label: QLabel) -> None:
    """A wrapping ``label`` with a style-sheet border (the Übersicht's lines, framed when
    focused) is measured at the width it is painted at. Without an indent, Qt indents a
    framed label's text by half an "x" when painting it but by a whole "x" when measuring
    its height for a width: a text that just fits two painted lines was given the height
    of three, shown with an empty half line above and below it. The style sheet's padding
    keeps the text off the border instead."""
    label.setIndent(0)


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``window`` (a dialog) at ``width`` x ``height``, but never larger than nine tenths of
    its screen: on a small screen (720 x 480) its buttons stay in sight."""
    room = window.screen().availableGeometry().size() * 0.9
    window.resize(QSize(width, height).boundedTo(room))
