"""The characters typed in one go into a date or time field: what its field reads when the
focus leaves or Enter is pressed, where Qt refused a key of them (:mod:`ui.date_fields`,
:mod:`ui.time_fields`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

# Keys held for another one (Shift for ":" or "/"): no break in what is typed.
_MODIFIERS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
    }
)


def typed_in_one_go(keys: str, event: QKeyEvent) -> str:
    """``keys`` (typed in one go so far) after ``event``: with its character added, or
    none after any other key (Backspace, Tab, an arrow key), a modifier alone aside. An
    arrow key back to an earlier part starts anew: "09", the arrow back to the hour, "10"
    showed 10:00 and became 09:10 as the focus left (found by review)."""
    text = event.text()
    if text:
        return keys + text if text.isprintable() else ""
    return keys if event.key() in _MODIFIERS else ""


class TypedRun:
    """The keys typed in one go into ``field`` and whether Qt refused one of them (the
    field's text, cursor and part the same after it). Only then is the run read as a time
    or date: where Qt took every key, what the field shows is what it keeps (found by
    review: "145" showed 14:05 and became 01:45 as the focus left)."""

    def __init__(self, field: QDateTimeEdit) -> None:
        self._field = field
        self._keys = ""
        self._refused = False

    def press(self, event: QKeyEvent, handle: Callable[[QKeyEvent], None]) -> None:
        """Let ``handle`` do ``event`` and note its key."""
        self._keys = typed_in_one_go(self._keys, event)
        before = self._shown()
        handle(event)
        if not self._keys:
            self._refused = False
        elif event.text() and self._shown() == before:
            self._refused = True

    def clear(self) -> None:
        self._keys = ""
        self._refused = False

    def take(self) -> str:
        """The keys typed in one go where Qt refused one of them, else ""; the run ends."""
        keys = self._keys if self._refused else ""
        self.clear()
        return keys

    def _shown(self) -> tuple[str, int, QDateTimeEdit.Section]:
        line = self._field.lineEdit()
        return line.text(), line.cursorPosition(), self._field.currentSection()
