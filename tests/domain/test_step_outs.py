"""A member's time away checked against the agenda, naming the member: after the items were
reordered the sheet says who no longer fits, and why."""

from __future__ import annotations

from datetime import time

from expertenrat.domain.attendance_order import MeetingSpan
from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.step_outs import away_mismatch, step_out_problems

ITEMS = tuple(AgendaRef(n * 10, str(n), f"Punkt {n}") for n in (1, 2, 3, 4))
PAL = AttendanceEntry(
    1, "Ödön Pál", "Pál", status=AttendanceStatus.PRESENT, away_item_id=20, back_item_id=40
)


def test_a_time_away_in_order_has_no_problem() -> None:
    assert step_out_problems(ITEMS, PAL, MeetingSpan(time(16), time(18), time(18))) == []
    assert away_mismatch(ITEMS, [PAL]) == ""


def test_after_the_items_were_reordered_the_sheet_names_who_no_longer_fits() -> None:
    reordered = (ITEMS[0], ITEMS[3], ITEMS[1], ITEMS[2])  # TOP 4 moved up to second place

    assert away_mismatch(reordered, [PAL]) == (
        "Unterbrechungen passen nicht zur Tagesordnung: Ödön Pál verlässt die Sitzung während "
        "TOP 2 und kehrt zu TOP 4 zurück. Ein Mitglied kann nicht zurückkehren, bevor es die "
        "Sitzung verlassen hat. Die Rückkehr ist der erste Punkt, an dem das Mitglied wieder "
        "teilnimmt. Bitte berichtigen Sie die Anwesenheit."
    )
