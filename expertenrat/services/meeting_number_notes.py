"""The note that a meeting planned before one whose number is fixed (invited, held, or
cancelled after its invitation) gets a higher number than that one
(:func:`~expertenrat.domain.meeting_numbers.before_fixed`): for one meeting saved in the
Sitzung tab, and for the dates of a series before it is created."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_numbers import (
    NUMBER_ORDER_FIELD,
    NumberedMeeting,
    before_fixed,
    fixed_after,
    meeting_name,
)
from expertenrat.domain.wording import listed
from expertenrat.services.meeting_rows import numbered_meetings
from expertenrat.store import models

_FIXED = {
    MeetingState.INVITED: "ist bereits eingeladen",
    MeetingState.HELD: "hat bereits stattgefunden",
    MeetingState.CANCELLED: "wurde nach ihrer Einladung abgesagt",
}


def number_order_warnings(
    session: Session,
    clock: CouncilClock,
    council_id: int,
    meeting_id: int | None,
    draft: MeetingDraft,
) -> list[FieldProblem]:
    """A note where a new planned meeting (or one moved) comes before a meeting whose
    number is fixed already, so that it gets a higher number than that later one."""
    row = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    start = clock.wall(draft.start)
    if row is not None and (row.state != MeetingState.PLANNED or row.starts_at == start):
        return []
    found = fixed_after(numbered_meetings(session, council_id), meeting_id, start)
    if found is None:
        return []
    number, later = found
    return [_note(later, f"diese Sitzung erhält deshalb die Nummer {number}")]


def series_number_warnings(
    session: Session, clock: CouncilClock, council_id: int, starts: Sequence[datetime]
) -> list[FieldProblem]:
    """A note per meeting whose number is fixed that dates of a new series (``starts``,
    aware) come before: they get higher numbers than it ("die 2 Termine davor erhalten
    deshalb die Nummern 8 und 9")."""
    new = [
        NumberedMeeting(-1 - index, MeetingState.PLANNED, clock.wall(start), None)
        for index, start in enumerate(starts)
    ]
    by_later: dict[NumberedMeeting, list[tuple[NumberedMeeting, int]]] = {}
    for planned, number, later in before_fixed(numbered_meetings(session, council_id), new):
        by_later.setdefault(later, []).append((planned, number))
    notes = []
    for later, found in by_later.items():
        if len(found) == 1:
            ((planned, number),) = found
            what = f"der Termin am {planned.start:%d.%m.%Y} erhält deshalb die Nummer {number}"
        else:
            numbers = listed([str(number) for _, number in found])
            what = f"die {len(found)} Termine davor erhalten deshalb die Nummern {numbers}"
        notes.append(_note(later, what))
    return notes


def _note(later: NumberedMeeting, what: str) -> FieldProblem:
    return FieldProblem(
        NUMBER_ORDER_FIELD,
        f"Die spätere {meeting_name(later.number)} am {later.start:%d.%m.%Y} "
        f"{_FIXED[later.state]} und behält ihre Nummer; {what}.",
        True,
    )
