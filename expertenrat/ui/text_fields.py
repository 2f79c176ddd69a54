"""The one-line text fields the forms share (:class:`LineEdit`): they keep what copying
brings along out of the text, and show the start of a long text. The text boxes of several
lines: :mod:`expertenrat.ui.text_boxes`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QDropEvent,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QToolTip,
)

from expertenrat.domain.text_characters import pasted_line
from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import FocusCombo

_CONTEXT = "TextFields"

_LINE_EDIT_MARGINS = 16  # a line edit's frame and text margins, left and right together


def with_placeholder(edit: QLineEdit, placeholder: str) -> QLineEdit:
    """``edit`` with ``placeholder``, never narrower than it: the example stays whole."""
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder) + _LINE_EDIT_MARGINS)
    return edit


def set_read_only(edit: QLineEdit | QPlainTextEdit | QAbstractSpinBox, read_only: bool) -> None:
    """Make ``edit`` read-only, or editable again, and look it: ``app.qss`` draws a
    read-only field on the window's background, as the disabled boxes beside it look, while
    its text stays selectable for copying. A time or count box loses its arrows but keeps
    its width (the width with them is its least), so a row of boxes does not shrink. The
    style sheet selects on ``readOnly``, so the field is polished again."""
    edit.setReadOnly(read_only)
    if isinstance(edit, QAbstractSpinBox):
        if edit.buttonSymbols() != QAbstractSpinBox.ButtonSymbols.NoButtons:
            edit.setMinimumWidth(max(edit.minimumWidth(), edit.sizeHint().width()))
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
    - Pasted (Ctrl+V, the context menu, the middle mouse button) or dropped text has its
      lines joined by spaces and the invisible characters copying brings dropped
      (:func:`~expertenrat.domain.text_characters.pasted_line`); kept, a line break or soft
      hyphen made the text impossible to save, and it shows as nothing in a one-line
      field. The cleaned text is inserted as typed text is, so one Ctrl+Z takes the paste
      back. It is cleaned before the field's length limit counts it; pasted text that still
      does not fit is not cut off silently but left out, and a tooltip under the field says
      so (``paste_refused`` carries the message too). Text that reaches the field some other
      way (an input method) is cleaned after the fact. ``cleaning`` may clean a paste more
      (an agenda item's title: without the number an agenda line was copied with), and
      ``paste_offer`` take a paste elsewhere (returning True; an agenda pasted whole into an
      item's title becomes its items, :mod:`ui.agenda_pasted_lines`).
    """

    paste_refused = Signal(str)  # the German message why a paste was left out

    def __init__(
        self, *args: object, cleaning: Callable[[str], str] = pasted_line, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self._cleaning = cleaning
        self.paste_offer: Callable[[str], bool] | None = None
        self._limit = self.maxLength()
        self.textEdited.connect(self._clean)

    def setMaxLength(self, length: int) -> None:
        self._limit = length
        super().setMaxLength(length)

    def setText(self, text: str) -> None:
        """Show ``text`` whole. Qt's length limit counts UTF-16 code units (an emoji twice),
        the field limits count characters: a stored text within its limit (an imported
        name, a short code of emoji) could be over Qt's count, and Qt cut it when the form
        showed it, so saving the form saved it cut without a word. For such a text the limit
        grows to hold it (the save's check still holds it to the field's limit); a shorter
        text shown later has the field's limit again. A text over the limit however counted
        is cut as before."""
        fits = len(text) <= self._limit  # as the field limits count
        super().setMaxLength(max(self._limit, qt_length(text)) if fits else self._limit)
        super().setText(text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        text = self.text()
        if text and self.selectedText() == text and self.cursorPosition() == len(text):
            self.setSelection(len(text), -len(text))

    # --- pasting and dropping -------------------------------------------------------------

    def insert_pasted(self, text: str, *, offered: bool = True) -> bool:
        """Insert ``text`` as pasted at the cursor (replacing the selection), cleaned, as
        one step that Ctrl+Z takes back, unless ``paste_offer`` takes it (where ``offered``).
        False: it does not fit; nothing is inserted."""
        if self.isReadOnly():
            return False
        if offered and self.paste_offer is not None and self.paste_offer(text):
            return True
        line = self._cleaning(text)
        if not line and not self.hasSelectedText():
            return False
        room = self.maxLength() - qt_length(self.text()) + qt_length(self.selectedText())
        if qt_length(line) > room:
            self._refuse(
                tr(
                    _CONTEXT,
                    "Der eingefügte Text ist zu lang für dieses Feld: höchstens {limit} "
                    "Zeichen, mit dem Text wären es {total}. Er ist nicht eingefügt.",
                ).format(
                    limit=_german_number(self.maxLength()),
                    total=_german_number(qt_length(line) + self.maxLength() - room),
                )
            )
            return False
        self._close_undo_step()
        self.insert(line)
        self._close_undo_step()
        return True

    def _close_undo_step(self) -> None:
        """End the undo step typed so far, as Qt's own paste does (by a private call):
        moving the cursor ends it, so it goes away and back, the selection kept."""
        length = len(self.text())
        if not length:
            return
        start, selected = self.selectionStart(), len(self.selectedText())
        position = self.cursorPosition()
        if selected:
            self.setCursorPosition(start if position != start else start + selected)
            self.setSelection(start, selected)
        else:
            self.setCursorPosition(position - 1 if position > 0 else position + 1)
            self.setCursorPosition(position)

    def _refuse(self, message: str) -> None:
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.paste_refused.emit(message)

    def _paste_from(self, mode: QClipboard.Mode) -> None:
        text = QGuiApplication.clipboard().text(mode)
        if text:
            self.insert_pasted(text)

    def _paste_clipboard(self) -> None:
        self._paste_from(QClipboard.Mode.Clipboard)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            self._paste_clipboard()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clipboard = QGuiApplication.clipboard()
        if (
            event.button() == Qt.MouseButton.MiddleButton
            and clipboard.supportsSelection()
            and not self.isReadOnly()
        ):  # X11's paste of the selection
            self.setCursorPosition(self.cursorPositionAt(event.position().toPoint()))
            self._paste_from(QClipboard.Mode.Selection)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        paste = next((a for a in menu.actions() if a.objectName() == "edit-paste"), None)
        if paste is not None:
            paste.triggered.disconnect()
            paste.triggered.connect(self._paste_clipboard)
        menu.popup(event.globalPos())

    def dropEvent(self, event: QDropEvent) -> None:
        source = event.mimeData()
        if event.source() is self or not source.hasText() or self.isReadOnly():
            super().dropEvent(event)  # a move inside the field: its text is clean
            return
        self.deselect()
        self.setCursorPosition(self.cursorPositionAt(event.position().toPoint()))
        if self.insert_pasted(source.text()):
            event.acceptProposedAction()
        else:
            event.ignore()
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def _clean(self, text: str) -> None:
        cleaned = pasted_line(text)
        if cleaned != text:
            position = self.cursorPosition() - (len(text) - len(cleaned))
            self.setText(cleaned)
            self.setCursorPosition(max(0, position))


def qt_length(text: str) -> int:
    """The length of ``text`` as Qt's ``maxLength`` counts it: in UTF-16 code units, two for
    each emoji or other character beyond U+FFFF (Python counts one). Counted as Python does,
    a paste that did not fit was cut by Qt without a word: "😀" at the end of a field with
    one place left vanished, a family emoji lost its last person."""
    return len(text.encode("utf-16-le")) // 2


def _german_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def line_combo() -> QComboBox:
    """An editable combo box whose text is typed into a :class:`LineEdit`."""
    combo = FocusCombo()
    combo.setLineEdit(LineEdit())  # makes it editable
    return combo
