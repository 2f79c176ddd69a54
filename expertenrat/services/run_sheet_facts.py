"""What the chair's run sheet (Ablaufplan) adds to the meeting's document from other
records (found by a tester): the quorum forecast of a meeting ahead, and at each item
approving earlier minutes that those minutes have not gone out yet (a draft cannot be
approved, ``services.minutes_approval``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemKind, MinutesState
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.quorum_forecast import QuorumForecast
from expertenrat.services import agenda_rows
from expertenrat.services.approval_meetings import earlier_held
from expertenrat.services.approval_titles import approved_by
from expertenrat.services.attendance_sheets import attendance_sheet
from expertenrat.services.minutes_rows import latest_state
from expertenrat.store import models


def run_sheet_facts(
    session: Session, meeting: models.Meeting, doc: MeetingDocument, today: date | None
) -> tuple[MeetingDocument, QuorumForecast | None]:
    """``doc`` with the approval notes added to its items' notes, and the forecast."""
    unsent = _unsent_approvals(session, meeting)
    agenda = tuple(
        replace(e, notes="\n".join(filter(None, (e.notes, unsent[e.title]))))
        if e.title in unsent
        else e
        for e in doc.agenda
    )
    forecast = attendance_sheet(session, meeting, today=today).forecast
    return replace(doc, agenda=agenda), forecast


def _unsent_approvals(session: Session, meeting: models.Meeting) -> dict[str, str]:
    """The note by title of each approval item whose minutes are not sent yet."""
    earlier = earlier_held(session, meeting)
    titles = session.scalars(
        select(models.AgendaItem.title).where(
            models.AgendaItem.meeting_id == meeting.id,
            models.AgendaItem.deleted_at.is_(None),
            models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
        )
    ).all()
    notes = {}
    for title in titles if earlier else ():
        approved = approved_by(title, earlier)
        if latest_state(session, approved.id) is MinutesState.DRAFT:
            notes[title] = (
                f"Das Protokoll {agenda_rows.meeting_name(approved)} ist noch nicht "
                "versandt: Genehmigung erst nach dem Versand möglich."
            )
    return notes
