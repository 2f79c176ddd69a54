"""Arrival and departure times against the meeting's (``domain.attendance_order``)."""

from __future__ import annotations

from datetime import datetime, time

from expertenrat.domain.attendance_order import (
    MeetingSpan,
    meeting_span,
    next_day_hint,
    outside_meeting,
    time_problems,
)
from expertenrat.domain.attendance_sheet import AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus

START = datetime(2026, 3, 10, 10, 0)


def test_the_span_is_the_recorded_one_else_the_planned_one() -> None:
    end = datetime(2026, 3, 10, 12, 0)
    assert meeting_span(START, end, time(10, 5), time(12, 40)) == MeetingSpan(
        time(10, 5), time(12, 40), time(12, 40), recorded=True
    )
    assert meeting_span(START, None, None, None) == MeetingSpan(time(10, 0), None, None)


def test_a_planned_end_may_be_passed_by_two_hours() -> None:
    """A departure recorded while the meeting runs longer than planned, before its end
    is entered, was refused as a typo (found by review)."""
    end = datetime(2026, 3, 10, 12, 0)
    assert meeting_span(START, end, None, None) == MeetingSpan(
        time(10, 0), time(12, 0), time(14, 0)
    )
    evening = meeting_span(datetime(2026, 3, 10, 20, 0), datetime(2026, 3, 10, 23, 0), None, None)
    assert evening.latest == time.max


def test_a_meeting_over_midnight_is_checked_round_the_clock() -> None:
    """19:00 to 00:30: a time is outside only between its end (plus the overrun) and its
    start; a time before the start's is of the next day (found by a tester)."""
    late = datetime(2026, 3, 10, 22, 0)
    assert meeting_span(late, datetime(2026, 3, 11, 0, 30), None, None) == MeetingSpan(
        time(22, 0), time(0, 30), time(2, 30), next_day_before=time(22, 0)
    )
    assert not outside_meeting(time(0, 10), time(22, 0), time(0, 30))
    assert not outside_meeting(time(23, 10), time(22, 0), time(0, 30))
    assert outside_meeting(time(0, 40), time(22, 0), time(0, 30))
    assert outside_meeting(time(21, 50), time(22, 0), time(0, 30))
    assert not outside_meeting(time(0, 30), time(22, 0), time(0, 30))


def test_the_overrun_does_not_run_round_to_the_start() -> None:
    """Friday 19:00 to Saturday 18:00: two hours more would pass the start's 19:00."""
    span = meeting_span(datetime(2026, 3, 13, 19, 0), datetime(2026, 3, 14, 18, 0), None, None)
    assert span.latest is not None and span.latest < time(19, 0)
    for moment in (time(18, 30), time(18, 59), time(19, 0), time(12, 0)):
        assert not outside_meeting(moment, span.start, span.latest)


KLAUSUR = (datetime(2026, 12, 11, 16, 0), datetime(2026, 12, 12, 13, 0))


def _present(**times: object) -> AttendanceEntry:
    return AttendanceEntry(
        1, "Anna Berg", "Berg", status=AttendanceStatus.PRESENT, arrived_item_id=2,
        left_item_id=7, away_item_id=4, back_item_id=5, **times,
    )  # fmt: skip


def test_times_of_a_klausur_s_second_day_come_after_its_first() -> None:
    """A time before the start's belongs to the next day of a meeting over midnight:
    arriving Friday 16:30 and leaving Saturday 11:00, stepping out Friday 21:00 and
    back Saturday 09:00 are in order (found by a tester)."""
    span = meeting_span(*KLAUSUR, time(16, 5), None)
    assert span.order(time(9, 0)) > span.order(time(21, 0))
    fine = _present(arrived_at=time(16, 30), left_at=time(11, 0))
    assert time_problems(fine, span) == []
    assert span == MeetingSpan(time(16, 5), time(13, 0), time(15, 0), next_day_before=time(16, 5))
    (early,) = time_problems(_present(arrived_at=time(15, 30)), span)
    assert early.message.startswith(
        "Anna Berg kommt um 15:30 Uhr, außerhalb der Sitzung (16:05–13:00 Uhr)."
    )
    crossed = _present(arrived_at=time(11, 0), left_at=time(16, 30))
    (problem,) = time_problems(crossed, span)
    assert problem.message.startswith("Anna Berg kommt um 11:00 Uhr und geht schon um 16:30")


def test_a_meeting_over_a_day_long_keeps_the_clock_s_order() -> None:
    """Friday 10:00 to Saturday 16:00: a time alone cannot tell its day."""
    span = meeting_span(datetime(2026, 12, 11, 10, 0), datetime(2026, 12, 12, 16, 0), None, None)
    assert span == MeetingSpan(None, None, None)
    assert span.order(time(9, 0)) < span.order(time(21, 0))


def test_without_an_end_only_the_start_counts() -> None:
    assert outside_meeting(time(9, 30), time(10, 0), None)
    assert not outside_meeting(time(16, 40), time(10, 0), None)
    assert outside_meeting(time(16, 40), time(10, 0), time(12, 0))
    assert not outside_meeting(time(12, 0), time(10, 0), time(12, 0))
    assert not outside_meeting(None, time(10, 0), time(12, 0))


def test_times_the_minutes_record_are_to_be_corrected_not_entered() -> None:
    """(found by a tester) With Beginn and Ende in the minutes, a departure after them was
    told "tragen Sie zuerst Beginn und Ende im Protokoll ein"."""
    entry = AttendanceEntry(
        1, "Anna Berg", "Berg", status=AttendanceStatus.PRESENT, left_item_id=7,
        left_at=time(15, 0),
    )  # fmt: skip
    end = datetime(2026, 3, 10, 12, 0)
    (recorded,) = time_problems(entry, meeting_span(START, end, time(10, 5), time(12, 40)))
    assert recorded.message.endswith(
        "begann oder endete die Sitzung zu einer anderen Zeit, berichtigen Sie zuerst Beginn "
        "und Ende im Protokoll."
    )
    (planned,) = time_problems(entry, meeting_span(START, end, None, None))
    assert planned.message.endswith("tragen Sie zuerst Beginn und Ende im Protokoll ein.")


def test_the_hint_names_the_day_a_time_before_the_start_s_is_of() -> None:
    assert next_day_hint(*KLAUSUR, time(16, 5), None) == (
        "Uhrzeiten vor 16:05 Uhr gelten für Samstag, 12.12.2026."
    )
    late = datetime(2026, 3, 10, 19, 0)
    assert next_day_hint(late, datetime(2026, 3, 11, 0, 30), None, None) == (
        "Uhrzeiten vor 19:00 Uhr gelten für Mittwoch, 11.03.2026."
    )
    assert next_day_hint(late, datetime(2026, 3, 10, 23, 0), None, None) == ""
    assert next_day_hint(START, datetime(2026, 3, 11, 16, 0), None, None) == ""
