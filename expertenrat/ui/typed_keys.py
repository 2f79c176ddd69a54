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
    review: "145" showed 14:05 and became 01:45 as the focus left). ``value`` reads the
    field's date or time: one changed since the last key typed (an arrow key, the mouse
    wheel, the calendar) stays as it is shown, the run is not read (found by review:
    15.01.2027 typed, then Up to the 16th, was the 15th again on Tab). ``take_typed`` is
    the field's reading of the run, which Enter does too."""

    def __init__(
        self, field: QDateTimeEdit, value: Callable[[], object], take_typed: Callable[[], None]
    ) -> None:
        self._field = field
        self._value = value
        self._take_typed = take_typed
        self._keys = ""
        self._refused = False
        self._left: object = None  # the field's value as the last key typed left it

    def press(self, event: QKeyEvent, handle: Callable[[QKeyEvent], None]) -> None:
        """The field's key press: Enter first reads the run (``take_typed``), then ``handle``
        does ``event``, its key noted."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._take_typed()
        self._keys = typed_in_one_go(self._keys, event)
        before = self._shown()
        handle(event)
        if not self._keys:
            self._refused = False
        elif event.text() and self._shown() == before:
            self._refused = True
        if event.text():
            self._left = self._value()

    def clear(self) -> None:
        self._keys = ""
        self._refused = False

    def take(self) -> str:
        """The keys typed in one go where Qt refused one of them and the field's value is
        still as the last of them left it, else ""; the run ends."""
        unchanged = self._left is not None and self._value() == self._left
        keys = self._keys if self._refused and unchanged else ""
        self.clear()
        return keys

    def _shown(self) -> tuple[str, int, QDateTimeEdit.Section]:
        line = self._field.lineEdit()
        return line.text(), line.cursorPosition(), self._field.currentSection()
