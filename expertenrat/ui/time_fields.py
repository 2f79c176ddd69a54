"""The window's time fields ("HH:mm"), one of them can be empty ("––:––"): the start or
end of minutes, an arrival or departure, not yet known.

A time typed as on a PC set to English, "4:30 PM", became 04:30 without a word: Qt's field
has no part for "PM" and dropped it (found by a tester). A "p" typed after the time makes
it one of the afternoon, an "a" makes 12:xx one after midnight; a time pasted so ("4:30 PM"
from an invitation in English) is read so too (found by review: the field kept its old
time without a word)."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QTimeEdit,
    QWidget,
)

from expertenrat.ui.field_paste import PasteWatch, copied_texts, quoted, say_under
from expertenrat.ui.i18n import tr
from expertenrat.ui.time_span_paste import SpanPaste
from expertenrat.ui.typed_keys import TypedRun
from expertenrat.ui.widgets import wheel_only_when_focused

NO_TIME = QTime(0, 0)


_NO_TIME_TEXT = "––:––"
# A time as an invitation or a mail writes it: "16.30 Uhr", "16:30 Uhr", "9:05", "16:30:00",
# the hour alone with its "Uhr" ("um 10 Uhr"; found by a tester), and one in English, "4:30 PM",
# "4:30 p.m.", "4 PM".
_COPIED = re.compile(
    r"\s*(?:um\s+)?(\d{1,2})(?:[:.](\d{2})(?::\d{2})?)?\s*(Uhr|([ap])\.?\s*m\.?)?\s*",
    re.IGNORECASE,
)

_DIGITS_ONLY = re.compile(r"(\d{1,2})(\d{2})")  # "1630", "905", typed in one go


class TimeEdit(QTimeEdit):
    """A :class:`QTimeEdit` that reads "PM" and "AM" typed after a time, and takes a time
    pasted as an invitation writes it ("16.30 Uhr"), which Qt refused without a word,
    the field keeping its old time (found by a tester). A time typed in one go where Qt
    refused its keys (over the whole field selected, after its end) is taken when the
    focus leaves or Enter is pressed: "16:30" typed over 14:00 was 14:30 (found by a
    tester)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paste = PasteWatch(self)  # what is pasted, known as it is pasted
        self.span_paste = SpanPaste(self, _copied_time)  # "16:00–18:00 Uhr" pasted
        # typed since the focus came, a click or another key
        self._keys = TypedRun(self, self.time, self.take_typed)

    def validate(self, text: str, pos: int) -> object:
        checked = super().validate(text, pos)
        # Pasted into the empty field, the time follows its "––:––", which Qt keeps.
        copied = text.removeprefix(_NO_TIME_TEXT)
        if checked[0] is not QValidator.State.Invalid and copied == text:
            return checked
        # pasted over the whole field, or into a part of it
        pasted = self._paste.pasted_in(text, self.text())
        candidates = copied_texts(copied, pasted)
        if pasted is not None and self.span_paste.taken(candidates):
            return checked
        times = (_copied_time(candidate) for candidate in candidates)
        if (meant := next(filter(None, times), None)) is not None:
            QTimer.singleShot(0, self, lambda: self.setTime(meant))
        elif pasted is not None:  # refused without a word before (found by review)
            message = tr(
                "TimeFields",
                "{pasted} ist keine Uhrzeit, die sich lesen lässt. Bitte als HH:MM angeben, "
                "etwa 16:30.",
            )
            say_under(self, message.format(pasted=quoted(pasted)))
        return checked

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._keys.press(event, self._key_pressed)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._keys.clear()
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._keys.clear()  # a click into another part: what follows is no time typed in one go
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.take_typed()
        super().focusOutEvent(event)

    def take_typed(self) -> None:
        """What was typed in one go where Qt refused a key of it, where it reads as a time
        ("16:30", "1630", "4:30 PM"), becomes the field's time, unless the time was changed
        since the last key typed (an arrow key, the mouse wheel)."""
        keys = self._keys.take()
        meant = _copied_time(keys) or _digits_typed(keys)
        if meant is not None and meant != self.time():
            self.setTime(meant)

    def _key_pressed(self, event: QKeyEvent) -> None:
        if event.text() == " ":
            # The field's text has no space. Refused by Qt, the one before "PM" made the
            # field go back to 04:30 when the focus left it (found by a tester).
            event.accept()
            return
        held = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier  # Alt+P is no "PM"
        half = "" if held else event.text().casefold()
        hour = self.time().hour()
        if half in ("a", "p") and (meant := _in_half(hour, half)) != hour:
            self.setTime(self.time().addSecs((meant - hour) * 3600))
        super().keyPressEvent(event)


def _copied_time(text: str) -> QTime | None:
    """The time ``text`` names as an invitation or a mail writes it ("16.30 Uhr", "4:30 PM",
    "10 Uhr")."""
    if (found := _COPIED.fullmatch(text)) is None or not (found[2] or found[3]):
        return None  # a number alone ("10") is no time
    hour, minute = _in_half(int(found[1]), (found[4] or "").casefold()), int(found[2] or 0)
    return QTime(hour, minute) if hour < 24 and minute < 60 else None


def _digits_typed(keys: str) -> QTime | None:
    """The time ``keys`` name as three or four digits alone ("1630", "905")."""
    if (found := _DIGITS_ONLY.fullmatch(keys)) is None:
        return None
    hour, minute = int(found[1]), int(found[2])
    return QTime(hour, minute) if hour < 24 and minute < 60 else None


def _in_half(hour: int, half: str) -> int:
    """The hour of the day ``hour`` is in the ``half`` named ("p": PM, "a": AM, "": none):
    4 PM is 16, 12 AM is 0; an hour that is no English one (16 PM) stays."""
    if half == "p" and 0 < hour < 12:
        return hour + 12
    if half == "a" and hour == 12:
        return 0
    return hour


class OptionalTimeEdit(TimeEdit):
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


def time_edit() -> TimeEdit:
    """A time field "HH:mm" that takes the mouse wheel only when focused (the wheel passing
    over it scrolls the form)."""
    edit = wheel_only_when_focused(TimeEdit())
    edit.setDisplayFormat("HH:mm")
    return edit


def optional_time_edit() -> TimeEdit:
    """A time edit where 00:00 shows "––:––" and means no time (:class:`OptionalTimeEdit`),
    taking the mouse wheel only when focused."""
    edit = wheel_only_when_focused(OptionalTimeEdit())
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText(_NO_TIME_TEXT)
    edit.setTime(NO_TIME)
    return edit


def pair_times(start: TimeEdit, end: TimeEdit) -> None:
    """Make ``start`` and ``end`` the two times of a span: a span pasted into either fills
    the other where it is empty (:mod:`expertenrat.ui.time_span_paste`)."""
    start.span_paste.pair(end, is_start=True)
    end.span_paste.pair(start, is_start=False)


def optional_time(edit: QTimeEdit) -> time | None:
    value = edit.time()
    return None if value == NO_TIME else value.toPython()


def set_optional_time(edit: QTimeEdit, value: time | None) -> None:
    edit.setTime(QTime(value) if value is not None else NO_TIME)
