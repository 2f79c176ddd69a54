"""Small widgets the pages share."""

from __future__ import annotations

from datetime import time
from itertools import pairwise

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTime
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTimeEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.field_limits import pasted_line, pasted_text

NO_TIME = QTime(0, 0)
# The narrowest a small form dialog gets (Gast hinzufügen, Befangenheit eintragen …): its
# fields show their placeholders ("z. B. Referentin zu TOP 3") and titles whole.
FORM_DIALOG_WIDTH = 420
_LINE_EDIT_MARGINS = 16  # a line edit's frame and text margins, left and right together


def with_placeholder(edit: QLineEdit, placeholder: str) -> QLineEdit:
    """``edit`` with ``placeholder``, never narrower than it: the example stays whole."""
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder) + _LINE_EDIT_MARGINS)
    return edit


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
        painter = QPainter(self)
        room = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        self.style().drawItemText(
            painter,
            room,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.shown_text() != self.text():
            whole = "\n".join(t for t in (self.text(), self.toolTip()) if t)
            QToolTip.showText(event.globalPos(), whole, self)  # a QHelpEvent
            return True
        return super().event(event)


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


def show_text(edit: QLineEdit, text: str) -> None:
    """Fill ``edit`` with ``text`` and show its start: a text longer than the field shows
    "Fraunhofer-Institut für …", not "…titut für Graphische Datenverarbeitung" (``setText``
    puts the cursor, and so the view, at the end)."""
    edit.setText(text)
    edit.setCursorPosition(0)


class LineEdit(QLineEdit):
    """The one-line text field every form uses (a password field excepted).

    - Reached by Tab or opened with the focus, Qt selects the whole text (typing replaces
      it) and puts the cursor, and so the view, at its end: "…titut für Graphische
      Datenverarbeitung". Here the text stays selected and the cursor goes to its start (as
      :func:`show_text` leaves it).
    - Pasted (or dropped, or typed) text has its lines joined by spaces and the invisible
      characters copying brings dropped (:func:`~expertenrat.domain.field_limits.pasted_line`);
      kept, a line break or soft hyphen made the text impossible to save, and it shows as
      nothing in a one-line field.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.textEdited.connect(self._clean)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        text = self.text()
        if text and self.selectedText() == text and self.cursorPosition() == len(text):
            self.setSelection(len(text), -len(text))

    def _clean(self, text: str) -> None:
        cleaned = pasted_line(text)
        if cleaned != text:
            position = self.cursorPosition() - (len(text) - len(cleaned))
            self.setText(cleaned)
            self.setCursorPosition(max(0, position))


def line_combo() -> QComboBox:
    """An editable combo box whose text is typed into a :class:`LineEdit`."""
    combo = QComboBox()
    combo.setLineEdit(LineEdit())  # makes it editable
    return combo


class PlainTextEdit(QPlainTextEdit):
    """A text box that drops the invisible characters pasted or dropped text brings along
    (a soft hyphen from a PDF: :func:`~expertenrat.domain.field_limits.pasted_text`);
    otherwise the text could not be saved, and nobody could see why."""

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(pasted_text(source.text()))
        else:
            super().insertFromMimeData(source)


def plain_text_edit(lines: int, *, grows: bool) -> QPlainTextEdit:
    """A text box ``lines`` high that only grows with the dialog if ``grows``."""
    edit = PlainTextEdit()
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 2 * edit.frameWidth() + 8
    edit.setMinimumHeight(height)
    if not grows:
        edit.setMaximumHeight(height)
    return edit


def plain_scroll_area(content: QWidget, *, sideways: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only when it is shorter (or,
    ``sideways``, narrower) than the content's minimum, on the background of what it sits
    in."""
    scroll = QScrollArea()
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return _plain(scroll, content)


def _plain(scroll: QScrollArea, content: QWidget) -> QScrollArea:
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty stop for the Tab key
    scroll.setWidget(content)
    # setWidget() makes the content paint the window colour, not the tab's own.
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll


class _UpDownScrollArea(QScrollArea):
    """Scrolls up and down only, and is never narrower than its content's minimum (with
    room for the scroll bar): the content is never squeezed sideways."""

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        least = super().minimumSizeHint()
        if content is None:
            return least
        width = content.minimumSizeHint().expandedTo(content.minimumSize()).width()
        width += self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(width, least.height())


def up_down_scroll_area(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area (as :func:`plain_scroll_area`) that scrolls
    only up and down where it is shorter than the content, and keeps the content's
    minimum width (a panel beside a table that is taller than a short window)."""
    scroll = _UpDownScrollArea()
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return _plain(scroll, content)


def colour_icon(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


_NO_TIME_TEXT = "––:––"


class OptionalTimeEdit(QTimeEdit):
    """A time edit where 00:00 shows "––:––" and means no time.

    A time is typed into it as into a filled one: at the first digit the dashes give way
    to 00:00 with the hours selected ("1605" is 16:05); they come back when the focus
    leaves. (Qt appended the digits to the dashes, "––:––605", and kept no time.)
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.specialValueText() and self.time() == NO_TIME and event.text().isdigit():
            self.setSpecialValueText("")
            self.setCurrentSection(QDateTimeEdit.Section.HourSection)
            self.setSelectedSection(QDateTimeEdit.Section.HourSection)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.specialValueText():
            self.setSpecialValueText(_NO_TIME_TEXT)


def optional_time_edit() -> QTimeEdit:
    """A time edit where 00:00 shows "––:––" and means no time (:class:`OptionalTimeEdit`)."""
    edit = OptionalTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText(_NO_TIME_TEXT)
    edit.setTime(NO_TIME)
    return edit


def optional_time(edit: QTimeEdit) -> time | None:
    value = edit.time()
    return None if value == NO_TIME else value.toPython()


def set_optional_time(edit: QTimeEdit, value: time | None) -> None:
    edit.setTime(QTime(value) if value is not None else NO_TIME)


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
