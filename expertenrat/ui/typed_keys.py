"""The characters typed in one go into a date or time field: what its field reads when the
focus leaves or Enter is pressed, where Qt refused a key of them (:mod:`ui.date_fields`,
:mod:`ui.time_fields`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

# Keys at which a field reads what was typed before, or says why not: Enter, and the keys
# that move to another part or step the value ("24", Right: 02:00, not a word; found by
# review).
TAKING_KEYS = frozenset(
    {
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    }
)
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


def is_tab(event: QEvent) -> bool:
    """Whether ``event`` is Tab or Shift+Tab, which Qt's field takes before its key handling
    (to the next part, or out of the field)."""
    if event.type() is not QEvent.Type.KeyPress:
        return False
    held = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    return not held and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def typed_in_one_go(keys: str, event: QKeyEvent) -> str:
    """``keys`` (typed in one go so far) after ``event``: with its character added, or
    none after any other key (Backspace, Tab, an arrow key), a modifier alone aside. An
    arrow key back to an earlier part starts anew: "09", the arrow back to the hour, "10"
    showed 10:00 and became 09:10 as the focus left (found by review)."""
    text = event.text()
    if text:
        return keys + text if text.isprintable() else ""
    return keys if event.key() in _MODIFIERS else ""


@dataclass(frozen=True)
class Run:
    """What :meth:`TypedRun.take` hands over as a run of keys ends."""

    keys: str  # the keys typed in one go where Qt refused one of them, else ""
    typed: str  # the keys typed in one go, refused or not
    # Qt refused a digit of them (or the field found them wrong): what it shows is not what
    # was typed ("24:00" showed 02:00, "01.13.2027" 01.01.2027; found by review)
    wrong: bool
    before: QDateTime  # the field's value as the first of them came
    why: str  # the field's own message for them, where it found them wrong
    as_typed: bool  # the field's value is as the last of them left it


class TypedRun:
    """The keys typed in one go into ``field`` and whether Qt refused one of them (the
    field's text, cursor and part the same after it). Only then is the run read as a time
    or date: where Qt took every key, what the field shows is what it keeps (found by
    review: "145" showed 14:05 and became 01:45 as the focus left). ``value`` reads the
    field's date or time: one changed since the last key typed (an arrow key, the mouse
    wheel, the calendar) stays as it is shown, the run is not read (found by review:
    15.01.2027 typed, then Up to the 16th, was the 15th again on Tab). ``take_typed`` is
    the field's reading of the run, which Enter and the keys that move on do too; false
    where the field found it wrong and said why."""

    def __init__(
        self, field: QDateTimeEdit, value: Callable[[], object], take_typed: Callable[[], bool]
    ) -> None:
        self._field = field
        self._value = value
        self._take_typed = take_typed
        self._keys = ""
        self._refused = False
        self._wrong = False
        self._why = ""
        self._before = QDateTime()  # the field's value as the first key typed came
        self._left: object = None  # the field's value as the last key typed left it

    @property
    def typed(self) -> str:
        """The keys typed in one go so far."""
        return self._keys

    def press(self, event: QKeyEvent, handle: Callable[[QKeyEvent], None]) -> None:
        """The field's key press: Enter or a key that moves on first reads the run
        (``take_typed``) and, where it was wrong, does nothing more: the form's Enter
        ("Speichern") would save the value before, an arrow key leave it unsaid. Else
        ``handle`` does ``event``, its key noted."""
        if event.key() in TAKING_KEYS and not self._take_typed():
            event.accept()
            return
        if not self._keys:
            self._before, self._wrong, self._why = self._field.dateTime(), False, ""
        self._keys = typed_in_one_go(self._keys, event)
        before = self._shown()
        handle(event)
        if not self._keys:
            self.clear()
        elif event.text() and self._shown() == before:
            self._refused = True
            self._wrong = self._wrong or event.text().isdigit()
        if event.text():
            self._left = self._value()

    def refuse(self, why: str) -> None:
        """Note the run as wrong, saying ``why`` (12 AM where 00:00 is no time)."""
        self._wrong, self._why = True, why

    def clear(self) -> None:
        self._keys, self._why = "", ""
        self._refused = self._wrong = False

    def take(self) -> Run:
        """The run typed so far; it ends. Its keys are "" where Qt took each of them, and
        it is neither read nor wrong where the field's value changed since the last one."""
        unchanged = self._left is not None and self._value() == self._left
        keys = self._keys if self._refused and unchanged else ""
        run = Run(keys, self._keys, self._wrong and unchanged, self._before, self._why, unchanged)
        self.clear()
        return run

    def _shown(self) -> tuple[str, int, QDateTimeEdit.Section]:
        line = self._field.lineEdit()
        return line.text(), line.cursorPosition(), self._field.currentSection()
