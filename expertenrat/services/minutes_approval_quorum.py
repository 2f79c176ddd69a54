"""Whether a meeting that may approve earlier minutes could decide, as its attendance says:
at its item approving minutes, or as a whole where it has none. An approval is a
resolution; where the council was not quorate, the approval dialog says so when that
meeting is chosen (as a vote without quorum is saved with a warning)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.services.approval_meetings import approval_item_ids
from expertenrat.services.attendance_sheets import attendance_sheets
from expertenrat.services.minutes_assembly import meeting_label
from expertenrat.store import models


def quorum_notes(session: Session, meetings: Sequence[models.Meeting]) -> dict[int, str]:
    """:func:`without_quorum` of each meeting by id, their attendance read together (a
    decade of a council's meetings may approve old minutes)."""
    sheets = attendance_sheets(session, meetings)
    items = approval_item_ids(session, [m.id for m in meetings])
    return {m.id: without_quorum(m, sheets[m.id], items.get(m.id)) for m in meetings}


def without_quorum(meeting: models.Meeting, sheet: AttendanceSheet, item_id: int | None) -> str:
    """ "Laut Anwesenheit war die 2. Sitzung am 12.05.2026 bei TOP 4 nicht
    beschlussfähig." (without an approval item: as a whole), or "" where it was quorate
    or the attendance (``sheet``) is not taken; ``item_id``: its approval item, if any."""
    if sheet.unrecorded:
        return ""
    at_item = next((q for q in sheet.item_quorums if q.item.id == item_id), None)
    quorate = at_item.quorum.quorate if at_item is not None else sheet.quorum.quorate
    if quorate:
        return ""
    where = f" bei TOP {at_item.item.number}" if at_item is not None else ""
    return (
        f"Laut Anwesenheit war die {meeting_label(meeting)}{where} nicht beschlussfähig; "
        "eine Genehmigung dort wäre kein wirksamer Beschluss."
    )
