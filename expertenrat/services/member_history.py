"""Which meetings record each membership of a council: its attendance, the meetings it
chaired and the agenda items it was recused at (deleted meetings and items left out), as
the first and the last of them (``domain.member_history``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.member_history import RecordedMeeting, RecordedSpan
from expertenrat.store import models

_Row = tuple[int, int | None, str, datetime]


def recorded_spans(session: Session, council_id: int) -> dict[int, RecordedSpan]:
    """The first and last meeting recording each membership of the council that any
    meeting records, by membership id."""
    meeting = models.Meeting
    columns = (meeting.number, meeting.kind, meeting.starts_at)
    live = (meeting.council_id == council_id, meeting.deleted_at.is_(None))
    attendance = (
        select(models.Attendance.membership_id, *columns)
        .join(meeting, meeting.id == models.Attendance.meeting_id)
        .where(*live)
    )
    chair = select(meeting.chair_membership_id, *columns).where(
        *live, meeting.chair_membership_id.is_not(None)
    )
    item = models.AgendaItem
    recusals = (
        select(models.ConflictOfInterest.membership_id, *columns)
        .join(item, item.id == models.ConflictOfInterest.agenda_item_id)
        .join(meeting, meeting.id == item.meeting_id)
        .where(*live, item.deleted_at.is_(None))
    )
    return _spans(_rows(session, (attendance, chair, recusals)))


def _rows(session: Session, queries: Iterable[Select]) -> Iterable[_Row]:
    for query in queries:
        yield from session.execute(query)


def _spans(rows: Iterable[_Row]) -> dict[int, RecordedSpan]:
    spans: dict[int, RecordedSpan] = {}
    for membership_id, number, kind, starts_at in rows:
        day = starts_at.date()
        found = RecordedMeeting(dated_meeting_label(number, MeetingKind(kind), day), day)
        span = spans.get(membership_id)
        spans[membership_id] = RecordedSpan(found, found) if span is None else span.widened(found)
    return spans
