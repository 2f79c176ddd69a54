"""The characters typed in one go into a date or time field: what its field reads when the
focus leaves or Enter is pressed, where Qt refused the keys (:mod:`ui.date_fields`,
:mod:`ui.time_fields`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

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
