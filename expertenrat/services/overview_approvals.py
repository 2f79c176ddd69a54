"""Which planned meeting is to approve circulated minutes, for the Übersicht: the first
planned or invited meeting whose agenda carries an item approving them ("Genehmigung des
Protokolls der 6. Sitzung", or the standard "… der letzten Sitzung" for the last meeting
held before it, :func:`~expertenrat.services.approval_titles.approved_by`), as the
minutes' circulation and the carried approvals put it there. One query, however many
meetings."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meetings import list_label
from expertenrat.domain.overview import meeting_day
from expertenrat.services.approval_titles import APPROVAL_TITLE_START, approved_by
from expertenrat.store import models

MEETING_NAMING = (  # what a line needs to name a meeting ("7. Sitzung am 11.12.2026")
    models.Meeting.id,
    models.Meeting.number,
    models.Meeting.kind,
    models.Meeting.title,
    models.Meeting.starts_at,
    models.Meeting.ends_at,
)


def approving_meetings(session: Session, council_id: int) -> dict[int, str]:
    """By the id of a held meeting, the first planned or invited meeting whose agenda
    approves its minutes, as the Übersicht names it: "7. Sitzung am 14.12.2026". Rows
    that name a meeting (number, kind, title, start) stand in for the meetings: the
    approval titles read only those."""
    meeting = models.Meeting
    of_council = (meeting.council_id == council_id) & meeting.deleted_at.is_(None)
    no_item = sa.cast(sa.null(), models.AgendaItem.title.type)
    held = select(*MEETING_NAMING, no_item.label("item_title")).where(
        of_council, meeting.state == MeetingState.HELD.value
    )
    carrying = (
        select(*MEETING_NAMING, models.AgendaItem.title.label("item_title"))
        .join(models.AgendaItem, models.AgendaItem.meeting_id == meeting.id)
        .where(
            of_council,
            meeting.state.in_((MeetingState.PLANNED.value, MeetingState.INVITED.value)),
            models.AgendaItem.deleted_at.is_(None),
            models.AgendaItem.title.startswith(APPROVAL_TITLE_START, autoescape=True),
        )
    )
    both = union_all(held, carrying).subquery()
    rows = session.execute(select(both).order_by(both.c.starts_at, both.c.id)).all()
    held_rows = [row for row in rows if row.item_title is None]
    items = [row for row in rows if row.item_title is not None]
    approving: dict[int, str] = {}
    for item in items:
        earlier = [row for row in held_rows if row.starts_at < item.starts_at]
        if not earlier:
            continue
        approved = approved_by(item.item_title, earlier)
        label = list_label(item.number, MeetingKind(item.kind), item.title)
        approving.setdefault(approved.id, f"{label} am {meeting_day(item.starts_at, item.ends_at)}")
    return approving
