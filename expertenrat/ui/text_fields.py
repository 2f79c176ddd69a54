"""The text fields the forms share: one-line fields (:class:`LineEdit`) and text boxes
(:class:`PlainTextEdit`) that keep what copying brings along out of the text, and show
the start of a long text."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import (
    QFocusEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)

from expertenrat.domain.field_limits import pasted_line, pasted_text

_LINE_EDIT_MARGINS = 16  # a line edit's frame and text margins, left and right together


def with_placeholder(edit: QLineEdit, placeholder: str) -> QLineEdit:
    """``edit`` with ``placeholder``, never narrower than it: the example stays whole."""
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder) + _LINE_EDIT_MARGINS)
    return edit


def set_read_only(edit: QLineEdit | QPlainTextEdit | QAbstractSpinBox, read_only: bool) -> None:
    """Make ``edit`` read-only, or editable again, and look it: ``app.qss`` draws a
    read-only field on the window's background, as the disabled boxes beside it look, while
    its text stays selectable for copying. A time box loses its arrows. The style sheet
    selects on ``readOnly``, so the field is polished again."""
    edit.setReadOnly(read_only)
    if isinstance(edit, QAbstractSpinBox):
        edit.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
    edit.style().unpolish(edit)
    edit.style().polish(edit)
    edit.update()


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
