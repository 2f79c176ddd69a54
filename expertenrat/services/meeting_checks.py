"""Checks of a meeting's draft: the domain's rules, and warnings for a public holiday in the
council's Bundesland and for overlaps with its other meetings."""

from __future__ import annotations

from types import EllipsisType

from sqlalchemy.orm import Session

from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import clean_text
from expertenrat.domain.meeting_draft import MeetingDraft, validate_meeting
from expertenrat.domain.meetings import NOTES, clean_draft, entry_problems
from expertenrat.domain.series_warnings import (
    holiday_warnings,
    overlap_warnings,
    weekend_warnings,
)
from expertenrat.services.meeting_number_notes import number_order_warnings
from expertenrat.services.meeting_rows import existing_meetings
from expertenrat.services.moved_apologies import moved_apology_warnings
from expertenrat.services.moved_members import moved_member_problems
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models


def draft_problems(
    session: Session,
    clock: CouncilClock,
    council_id: int,
    draft: MeetingDraft,
    *,
    meeting_id: int | None,
    notes: str,
    chair: int | EllipsisType | None = ...,
) -> list[FieldProblem]:
    """Errors and warnings of ``draft`` (cleaned first) as it would be saved now with
    ``chair`` (``...``: the stored one); overlaps are looked for only when there are no
    errors, and never with ``meeting_id`` itself."""
    draft = clock.localise(clean_draft(draft))
    problems = validate_meeting(draft) + entry_problems(draft, notes)
    if any(not p.warning for p in problems):
        return problems
    occurrence = clock.occurrence(draft)
    others = existing_meetings(session, clock, council_id, leave_out=meeting_id)
    return (
        problems
        + _invited_change_warnings(session, clock, meeting_id, draft)
        + moved_apology_warnings(session, clock, meeting_id, draft)
        + _moved_member_problems(session, clock, meeting_id, draft, chair)
        + number_order_warnings(session, clock, council_id, meeting_id, draft)
        + weekend_warnings([occurrence])
        + holiday_warnings([occurrence], clock.bundesland)
        + overlap_warnings([occurrence], others)
    )


def _invited_change_warnings(
    session: Session, clock: CouncilClock, meeting_id: int | None, draft: MeetingDraft
) -> list[FieldProblem]:
    """A reminder that the members were invited to the old time or place: they need the
    changed invitation and calendar file."""
    row = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    if row is None or row.state != MeetingState.INVITED:
        return []
    before = (row.starts_at, row.ends_at, row.place, row.room, row.online_link)
    after = (
        clock.wall(draft.start), clock.wall(draft.end), draft.place, draft.room,
        draft.online_link,
    )  # fmt: skip
    if before == after:
        return []
    return [
        FieldProblem(
            "dates",
            "Zu dieser Sitzung wurde bereits eingeladen: Bitte senden Sie den Mitgliedern die "
            "geänderte Einladung und die Kalenderdatei (beides zusammen: „Einladung …“ → "
            "„Als E-Mail-Entwurf speichern …“; „Kalender …“ ist die öffentliche Datei).",
            True,
        )
    ]


def _moved_member_problems(
    session: Session,
    clock: CouncilClock,
    meeting_id: int | None,
    draft: MeetingDraft,
    chair: int | EllipsisType | None,
) -> list[FieldProblem]:
    """An error where the stored meeting moved to the draft's day records members, or has
    a ``chair``, who are none on that day (:mod:`services.moved_members`)."""
    row = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    day = clock.wall(draft.start).date()
    if row is None or row.starts_at.date() == day:
        return []
    return moved_member_problems(session, row, day, chair)


def checked_draft(clock: CouncilClock, draft: MeetingDraft, notes: str) -> tuple[MeetingDraft, str]:
    """The cleaned draft in the council's zone and notes; raises on errors, not warnings."""
    draft = clock.localise(clean_draft(draft))
    notes = clean_text(notes, NOTES)
    raise_if_invalid(validate_meeting(draft) + entry_problems(draft, notes))
    return draft, notes
