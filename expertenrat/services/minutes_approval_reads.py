"""What the minutes' approval shows of a meeting: the status of its minutes, and the later
meetings that may approve them (for :mod:`expertenrat.services.minutes_approval`)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState, MinutesState
from expertenrat.domain.minutes_approval import Choice, MinutesStatus
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.approval_meetings import later_meetings
from expertenrat.services.attendance_rows import placed_agenda_rows
from expertenrat.services.minutes_approval_quorum import quorum_notes
from expertenrat.services.minutes_assembly import meeting_label
from expertenrat.services.minutes_finishing import draft_finish
from expertenrat.services.minutes_freeze import frozen_meetings
from expertenrat.services.minutes_snapshot import changed_since
from expertenrat.services.overview_approvals import approving_meetings
from expertenrat.store import models


def minutes_status(
    session: Session, meeting: models.Meeting, stored: list[models.MinutesVersion]
) -> MinutesStatus:
    """The status of ``meeting``'s minutes; ``stored``: their versions (``rows.versions``)."""
    placed = placed_agenda_rows(session, meeting.id)  # the objections' and the snapshot's
    found = rows.status(session, meeting, stored, placed)
    latest = found.latest
    if latest is None and found.held:
        return replace(found, finish=draft_finish(session, meeting))
    if latest is None or latest.state is not MinutesState.CIRCULATED:
        return found
    changed = changed_since(session, meeting, stored[-1].content, placed=placed)
    planned_in = approving_meetings(session, meeting.council_id).get(meeting.id)
    return replace(found, changed_since_sent=changed, approval_planned_in=planned_in)


def approving_choices(
    session: Session, meeting: models.Meeting, stored: list[models.MinutesVersion]
) -> list[Choice]:
    """The later held meetings that may approve ``meeting``'s minutes (none before they
    went out, none whose own minutes are final), each with its quorum note; ``stored`` as
    for :func:`minutes_status`."""
    sent = stored[-1].circulated_on if stored else None
    later = [
        m
        for m in later_meetings(session, meeting, (MeetingState.HELD,))
        if sent is None or m.starts_at.date() >= sent  # approving after the sending
    ]
    frozen = frozen_meetings(session, [m.id for m in later])  # could no longer say so
    choosable = [m for m in later if m.id not in frozen]
    notes = quorum_notes(session, choosable)
    return [Choice(m.id, meeting_label(m), m.starts_at.date(), notes[m.id]) for m in choosable]
