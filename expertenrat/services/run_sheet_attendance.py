"""The attendance a meeting's run sheet (Ablaufplan) notes at its items: who is excused,
who comes late, leaves early or steps out for a while, read for
:mod:`services.meeting_document_rows`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.run_sheet_notes import ExpectedMove
from expertenrat.services.document_item_rows import person_order, printed_name
from expertenrat.store import models


def run_sheet_attendance(
    session: Session, meeting_ids: list[int]
) -> dict[int, list[tuple[models.Attendance, str]]]:
    """The attendance recorded per meeting with the member's name, by name: what the run
    sheet's notes are made of (:func:`expected_moves`)."""
    rows = session.execute(
        select(models.Attendance, models.Person)
        .join(models.Membership, models.Membership.id == models.Attendance.membership_id)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(models.Attendance.meeting_id.in_(meeting_ids))
    ).all()  # a council's members per meeting: sorted here by name_sort_key, not by SQL
    found: dict[int, list[tuple[models.Attendance, str]]] = {}
    for attendance, person in sorted(rows, key=lambda row: person_order(row[1])):
        found.setdefault(attendance.meeting_id, []).append((attendance, printed_name(person)))
    return found


def expected_moves(
    attendance: list[tuple[models.Attendance, str]], numbers: dict[int, str]
) -> dict[str, dict[str, list[ExpectedMove]]]:
    """Expected arrivals, departures and times away (leaving, coming back) of present
    members, keyed by item number."""
    moves: dict[str, dict[str, list[ExpectedMove]]] = {
        kind: {} for kind in ("arrivals", "departures", "stepping_out", "returning")
    }
    for row, name in attendance:
        if row.status != AttendanceStatus.PRESENT.value:
            continue
        for kind, item_id, at in (
            ("arrivals", row.arrived_item_id, row.arrived_at),
            ("departures", row.left_item_id, row.left_at),
            ("stepping_out", row.away_item_id, row.away_at),
            ("returning", row.back_item_id, row.back_at),
        ):
            if item_id in numbers:
                moves[kind].setdefault(numbers[item_id], []).append(ExpectedMove(name, at))
    return moves
