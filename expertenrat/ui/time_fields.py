"""The window's time fields ("HH:mm"), one of them can be empty ("––:––"): the start or
end of minutes, an arrival or departure, not yet known.

A time typed as on a PC set to English, "4:30 PM", became 04:30 without a word: Qt's field
has no part for "PM" and dropped it (found by a tester). A "p" typed after the time makes
it one of the afternoon, an "a" makes 12:xx one after midnight; a time pasted so ("4:30 PM"
from an invitation in English) is read so too (found by review: the field kept its old
time without a word).

A time typed with a part Qt refused ("24:00", "25") showed what was left of it, 02:00, and
so it was saved; "12a" (12 AM, midnight) in a field that may be empty became 00:00, which
shows no time there. Now the field keeps its time before and says why, and Enter saves
nothing (found by review; :mod:`ui.field_notice`)."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import QEvent, Qt, QTime, QTimer
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

from expertenrat.ui.field_notice import FieldNotice
from expertenrat.ui.field_paste import PasteWatch, copied_texts, quoted, say_under
from expertenrat.ui.i18n import tr
from expertenrat.ui.refused_click import CLICKS
from expertenrat.ui.time_span_paste import SpanPaste
from expertenrat.ui.typed_keys import Run, TypedRun, is_tab
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

    # 00:00 is a time of this field; in one that may be empty it means no time.
    HOLDS_MIDNIGHT = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paste = PasteWatch(self)  # what is pasted, known as it is pasted
        self.span_paste = SpanPaste(self, _copied_time)  # "16:00–18:00 Uhr" pasted
        # typed since the focus came, a click or another key
        self._keys = TypedRun(self, self.time, self.take_typed)
        self.notice = FieldNotice(self)  # why a time typed is not the field's

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
        times = ((found, _copied_time(found)) for found in candidates)
        candidate, meant = next(((c, t) for c, t in times if t is not None), ("", None))
        if meant is not None and self._midnight_refused(meant, candidate):
            self.notice.refuse(_midnight_message(candidate))
        elif meant is not None:
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

    def event(self, event: QEvent) -> bool:
        if is_tab(event):  # to another part ("24", Tab: 02:00, not a word; found by review)
            self.take_typed()
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._keys.clear()
        CLICKS.came(self)
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.take_typed()  # a click into another part: what follows is typed anew
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        CLICKS.left(self, self.take_typed(), event.reason())
        super().focusOutEvent(event)

    def take_typed(self) -> bool:
        """What was typed in one go where Qt refused a key of it, where it reads as a time
        ("16:30", "1630", "4:30 PM"), becomes the field's time, unless the time was changed
        since the last key typed (an arrow key, the mouse wheel). Where Qt refused a digit of
        it ("24:00") and it reads as no time, or it is midnight where 00:00 is no time, the
        field goes back to its time before and says why: false."""
        run = self._keys.take()
        meant = _copied_time(run.keys) or _digits_typed(run.keys)
        if meant is not None and self._midnight_refused(meant, run.keys):
            self._refuse(run, _midnight_message(run.typed))
            return False
        if meant is not None:
            if meant != self.time():
                self.setTime(meant)
            return True
        if run.wrong:
            self._refuse(run)
            return False
        return True

    def _refuse(self, run: Run, message: str = "") -> None:
        """Go back to the time before ``run`` and say ``message`` (else why it is wrong)."""
        self.setDateTime(run.before)
        unread = tr(
            "TimeFields",
            "{typed} ist keine Uhrzeit, die sich lesen lässt, und wurde nicht übernommen. "
            "Bitte als HH:MM angeben, etwa 16:30.",
        )
        self.notice.refuse(message or run.why or unread.format(typed=quoted(run.typed)))

    def _midnight_refused(self, meant: QTime, typed: str) -> bool:
        """Whether ``typed`` names 12 AM (``meant``: 00:00) where 00:00 is no time."""
        return not self.HOLDS_MIDNIGHT and meant == NO_TIME and _names_am(typed)

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
            in_half = self.time().addSecs((meant - hour) * 3600)
            if self._midnight_refused(in_half, half):
                self._keys.refuse(_midnight_message(self._keys.typed))
            else:
                self.setTime(in_half)
        super().keyPressEvent(event)


def _names_am(text: str) -> bool:
    """Whether ``text`` names a time before noon in English ("12 AM", "12a")."""
    found = _COPIED.fullmatch(text)
    return text.casefold() == "a" or (found is not None and found[4] in ("a", "A"))


def _midnight_message(typed: str) -> str:
    message = tr(
        "TimeFields",
        "{typed} ist 0:00 Uhr (Mitternacht) und wurde nicht übernommen: In diesem Feld "
        "heißt 00:00 keine Uhrzeit (––:––). Bitte 23:59 oder 00:01 angeben.",
    )
    return message.format(typed=quoted(typed))


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
    12 AM typed or pasted ("12a", "12:00 AM") is midnight, which it cannot hold: said.
    """

    HOLDS_MIDNIGHT = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.specialValueText() and self.time() == NO_TIME and event.text().isdigit():
            self.setSpecialValueText("")
            self.setCurrentSection(QDateTimeEdit.Section.HourSection)
            self.setSelectedSection(QDateTimeEdit.Section.HourSection)
        super().keyPressEvent(event)

    def take_typed(self) -> bool:
        taken = super().take_typed()
        if not taken and self.time() == NO_TIME:  # gone back to no time: shown so again
            self.setSpecialValueText(_NO_TIME_TEXT)
        return taken

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
