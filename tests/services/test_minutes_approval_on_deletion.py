"""A planned meeting deleted hands the approval of earlier minutes its agenda named on to
the next planned meeting, as a cancelled one does: the next one kept "… der letzten
Sitzung" (or nothing), and the minutes waited for an approval no agenda named."""

from __future__ import annotations

from datetime import date, datetime

from meeting_rows import add_meeting
from minutes_setup import held_minutes
from sqlalchemy import select

from expertenrat.services.agenda import AgendaService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

APPROVAL = "Genehmigung des Protokolls der 1. Sitzung"


def _titles(database, meeting_id: int) -> list[str]:
    return [i.title for i in AgendaService(database, "t").agenda(meeting_id).items]


def test_a_deleted_meeting_hands_the_approval_on_to_the_next_one(
    database, actor, council, fields
) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    after = add_meeting(database, council.id, starts_at=datetime(2026, 6, 9, 16), titles=())
    AgendaService(database, actor).add_opening_items(after.meeting_id)
    MinutesApprovalService(database, actor, render_minutes).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    assert APPROVAL in _titles(database, minutes.next_id)
    meetings = MeetingsService(database, actor)

    meetings.delete(minutes.next_id, meetings.get(minutes.next_id).version)

    after_titles = _titles(database, after.meeting_id)
    assert APPROVAL in after_titles
    assert "Genehmigung des Protokolls der letzten Sitzung" not in after_titles
    assert len(after_titles) == 4  # renamed, not added
    with database.reading() as session:
        trail = list(
            session.scalars(
                select(models.AuditEntry.summary)
                .where(models.AuditEntry.entity == "agenda_item")
                .order_by(models.AuditEntry.id)
            )
        )
    # named by the number the next meeting has once the deleted one gave up its own
    assert trail[-1] == f"TOP 4 „{APPROVAL}“ der 2. Sitzung umbenannt"
