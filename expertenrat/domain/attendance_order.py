"""Whether a member's arrival and departure are in order, naming the member: the departure
may not come before the arrival, neither by agenda item nor by time, both must still fit
the agenda after it was reordered, and their times lie within the meeting
(:func:`outside_meeting`, which the minutes' checklist applies too).

(Which items may be named at all is :func:`quorum.validate_attendance`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.german_dates import WEEKDAYS
from expertenrat.domain.minutes import recorded_times
from expertenrat.domain.quorum import LEAVING_BEFORE_COMING

# How long a meeting may run past its planned end before a time after it is refused.
OVERRUN = timedelta(hours=2)


def agenda_mismatch(items: tuple[AgendaRef, ...], entries: tuple[AttendanceEntry, ...]) -> str:
    """Why the recorded arrivals and departures no longer fit the agenda, naming who: the
    items were reordered after a late arrival and an early departure were recorded (on
    the day, the agenda of an invited meeting may still change). "" where they fit."""
    crossed = [text for e in entries if (text := _crossed(items, e))]
    if not crossed:
        return ""
    return (
        f"Kommen und Gehen passen nicht zur Tagesordnung: {'; '.join(crossed)}. "
        "Bitte berichtigen Sie die Anwesenheit."
    )


def order_problems(items: Sequence[AgendaRef], entry: AttendanceEntry) -> list[FieldProblem]:
    """A departure after an agenda item before the one the member arrives at, naming
    the member: "Anna Berg kommt zu TOP 3 und geht schon nach TOP 1. …"."""
    crossed = _crossed(items, entry)
    return [FieldProblem("left_item_id", f"{crossed}. {LEAVING_BEFORE_COMING}")] if crossed else []


def _crossed(items: Sequence[AgendaRef], entry: AttendanceEntry) -> str:
    """ "Anna Berg kommt zu TOP 3 und geht schon nach TOP 1" where ``entry`` leaves
    before it arrives in the order of ``items``, else ""."""
    index = {item.id: i for i, item in enumerate(items)}
    arrived, left = entry.arrived_item_id, entry.left_item_id
    if (
        entry.status is not AttendanceStatus.PRESENT
        or arrived not in index
        or left not in index
        or index[arrived] <= index[left]
    ):
        return ""
    number = {item.id: item.number for item in items}
    return f"{entry.name} kommt zu TOP {number[arrived]} und geht schon nach TOP {number[left]}"


@dataclass(frozen=True, slots=True)
class MeetingSpan:
    """The meeting's times for :func:`time_problems`: ``start`` and ``end`` as they are
    named, ``latest`` the latest time taken (each ``None`` where not checked);
    ``recorded``: the minutes record both (to be corrected there, not entered)."""

    start: time | None
    end: time | None
    latest: time | None
    recorded: bool = False
    # A meeting over midnight, under a day long (19:00–00:30, a Klausur Friday 16:00 to
    # Saturday 13:00): a time before this one, its start's, is of its next day.
    next_day_before: time | None = None

    def order(self, moment: time) -> tuple[bool, time]:
        """What puts ``moment`` in the meeting's order: Saturday 09:00 after Friday 17:00
        (found by a tester)."""
        return (self.next_day_before is not None and moment < self.next_day_before, moment)


def meeting_span(
    start: datetime, end: datetime | None, opened_at: time | None, closed_at: time | None
) -> MeetingSpan:
    """The meeting's times as its minutes record them, else as planned
    (:func:`~expertenrat.domain.minutes.recorded_times`); none for a meeting a day long or
    longer, where a time alone cannot tell. A planned end is passed by up to
    :data:`OVERRUN` before a time after it counts as a typo: a departure recorded while
    the meeting runs longer than planned, before its end is entered, is none (found by
    review); not past midnight, nor for a meeting over midnight past its start's time."""
    start, end = recorded_times(start, end, opened_at, closed_at)
    if end is not None and end - start >= timedelta(days=1):
        return MeetingSpan(None, None, None)
    over_midnight = end is not None and end.date() != start.date()
    latest = end
    if end is not None and closed_at is None:
        cap = (
            start + timedelta(days=1, microseconds=-1)
            if over_midnight
            else datetime.combine(end.date(), time.max, end.tzinfo)
        )
        latest = min(end + OVERRUN, cap)
    return MeetingSpan(
        start.time(),
        end.time() if end is not None else None,
        latest.time() if latest is not None else None,
        recorded=opened_at is not None and closed_at is not None,
        next_day_before=start.time() if over_midnight else None,
    )


def next_day_hint(
    start: datetime, end: datetime | None, opened_at: time | None, closed_at: time | None
) -> str:
    """ "Uhrzeiten vor 16:00 Uhr gelten für Samstag, 12.12.2026." for a meeting over
    midnight under a day long (:attr:`MeetingSpan.next_day_before`), else "": which day a
    time alone is read as, said under the attendance."""
    before = meeting_span(start, end, opened_at, closed_at).next_day_before
    if before is None:
        return ""
    day = start.date() + timedelta(days=1)
    return f"Uhrzeiten vor {before:%H:%M} Uhr gelten für {WEEKDAYS[day.weekday()]}, {day:%d.%m.%Y}."


def outside_meeting(moment: time | None, start: time | None, end: time | None) -> bool:
    """``moment`` lies before the meeting's ``start`` or after its ``end`` (each where
    known); for a meeting over midnight (``end`` before ``start`` on the clock) between
    its end and its start: 14:00 for a Klausur Friday 16:00 to Saturday 13:00, not 09:00
    (of the Saturday) nor 21:00 (of the Friday)."""
    if moment is None:
        return False
    if start is not None and end is not None and end < start:
        return end < moment < start
    return (start is not None and moment < start) or (end is not None and moment > end)


def span_text(start: time | None, end: time | None) -> str:
    """ "10:00–12:00 Uhr", "ab 10:00 Uhr" or "bis 12:00 Uhr" (one of them known)."""
    if start is not None and end is not None:
        return f"{start:%H:%M}–{end:%H:%M} Uhr"
    return f"ab {start:%H:%M} Uhr" if start is not None else f"bis {end:%H:%M} Uhr"


def time_problems(entry: AttendanceEntry, span: MeetingSpan) -> list[FieldProblem]:
    """Times belong to an agenda item; arriving and leaving at one item keep their order;
    both lie within the meeting's ``span`` (each end where known): 16:40 for a meeting
    10:00–12:00 is a typo (found by a tester)."""
    problems = []
    times = (entry.arrived_at, entry.left_at)
    if entry.status is not AttendanceStatus.PRESENT and times != (None, None):
        return [
            FieldProblem(
                "arrived_at",
                "Kommen und Gehen lassen sich nur für anwesende Mitglieder erfassen.",
            )
        ]
    if entry.arrived_at is not None and entry.arrived_item_id is None:
        problems.append(
            FieldProblem(
                "arrived_at", "Die Uhrzeit des Kommens gehört zu einem Tagesordnungspunkt."
            )
        )
    if entry.left_at is not None and entry.left_item_id is None:
        problems.append(
            FieldProblem("left_at", "Die Uhrzeit des Gehens gehört zu einem Tagesordnungspunkt.")
        )
    if (
        entry.arrived_at is not None
        and entry.left_at is not None
        and span.order(entry.left_at) < span.order(entry.arrived_at)
    ):
        problems.append(
            FieldProblem(
                "left_at",
                f"{entry.name} kommt um {entry.arrived_at:%H:%M} Uhr und geht schon um "
                f"{entry.left_at:%H:%M} Uhr. {LEAVING_BEFORE_COMING}",
            )
        )
    # Times the minutes record are corrected there, not entered (found by a tester).
    remedy = "berichtigen Sie zuerst" if span.recorded else "tragen Sie zuerst"
    ending = "." if span.recorded else " ein."
    for field, verb, moment in (
        ("arrived_at", "kommt", entry.arrived_at),
        ("left_at", "geht", entry.left_at),
    ):
        if outside_meeting(moment, span.start, span.latest):
            problems.append(
                FieldProblem(
                    field,
                    f"{entry.name} {verb} um {moment:%H:%M} Uhr, außerhalb der Sitzung "
                    f"({span_text(span.start, span.end)}). Bitte prüfen Sie die Uhrzeit; "
                    f"begann oder endete die Sitzung zu einer anderen Zeit, {remedy} Beginn "
                    f"und Ende im Protokoll{ending}",
                )
            )
    return problems
