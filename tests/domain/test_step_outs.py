"""A member's time away checked against the agenda, naming the member: after the items were
reordered the sheet says who no longer fits, and why."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from expertenrat.domain.attendance_order import MeetingSpan
from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.step_outs import away_mismatch, step_out_problems

ITEMS = tuple(AgendaRef(n * 10, str(n), f"Punkt {n}") for n in (1, 2, 3, 4))
PAL = AttendanceEntry(
    1, "Ödön Pál", "Pál", status=AttendanceStatus.PRESENT, away_item_id=20, back_item_id=40
)
SPAN = MeetingSpan(time(16), time(18), time(18))


def test_a_time_away_in_order_has_no_problem() -> None:
    assert step_out_problems(ITEMS, PAL, SPAN) == []
    assert away_mismatch(ITEMS, [PAL]) == ""


def test_after_the_items_were_reordered_the_sheet_names_who_no_longer_fits() -> None:
    reordered = (ITEMS[0], ITEMS[3], ITEMS[1], ITEMS[2])  # TOP 4 moved up to second place

    assert away_mismatch(reordered, [PAL]) == (
        "Unterbrechungen passen nicht zur Tagesordnung: Ödön Pál verlässt die Sitzung während "
        "TOP 2 und kehrt zu TOP 4 zurück. Ein Mitglied kann nicht zurückkehren, bevor es die "
        "Sitzung verlassen hat. Die Rückkehr ist der erste Punkt, an dem das Mitglied wieder "
        "teilnimmt. Bitte berichtigen Sie die Anwesenheit."
    )


def test_a_return_before_the_arrival_time_is_refused() -> None:
    """(found by review) Arrived at 17:00 (TOP 1), away during TOP 2, back at 16:30: only
    a leaving before the arrival was checked, the return was saved."""
    entry = replace(PAL, arrived_item_id=10, arrived_at=time(17), back_at=time(16, 30))

    (problem,) = step_out_problems(ITEMS, entry, SPAN)

    assert (problem.field, problem.message) == (
        "back_at",
        "Ödön Pál kehrt um 16:30 Uhr zurück, vor dem Kommen (17:00 Uhr). Bitte prüfen Sie "
        "die Uhrzeit.",
    )


def test_a_leaving_after_the_departure_time_is_refused() -> None:
    """(found by review) Leaves at 17:00 after TOP 4, but steps out during TOP 2 at 17:30:
    only a return after the departure was checked, the leaving was saved."""
    entry = replace(PAL, left_item_id=40, left_at=time(17), away_at=time(17, 30))

    (problem,) = step_out_problems(ITEMS, entry, SPAN)

    assert (problem.field, problem.message) == (
        "away_at",
        "Ödön Pál verlässt die Sitzung um 17:30 Uhr, nach dem Gehen (17:00 Uhr). Bitte prüfen "
        "Sie die Uhrzeit.",
    )


def test_a_time_away_over_the_night_of_a_klausur_is_in_order() -> None:
    """Friday 16:00 to Saturday 13:00: away from 21:00 during TOP 2, back at 09:00 on
    Saturday, after arriving at 16:30 on Friday (found by a tester)."""
    over_night = MeetingSpan(None, None, None, next_day_before=time(16))
    entry = replace(
        PAL, arrived_item_id=10, arrived_at=time(16, 30), away_at=time(21), back_at=time(9)
    )
    assert step_out_problems(ITEMS, entry, over_night) == []
    on_one_day = step_out_problems(ITEMS, entry, SPAN)
    assert "kehrt schon um 09:00 Uhr zurück" in on_one_day[0].message
