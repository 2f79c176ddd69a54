"""Which meetings record each membership of a council: its attendance, the meetings it
chaired and the agenda items it was recused at (deleted meetings and items left out), as
the first and the last of them (``domain.member_history``).

An apology for a meeting still ahead (before its day only apologies are recorded) does not
hold a term: a member who resigns before that meeting simply does not come. Once the term
no longer covers the meeting, :func:`drop_apologies_outside_terms` removes the apology.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingKind
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.member_history import RecordedMeeting, RecordedSpan
from expertenrat.domain.members import Member
from expertenrat.services import audit
from expertenrat.store import models

_Row = tuple[int, int | None, str, datetime]


def recorded_spans(session: Session, council_id: int, today: date) -> dict[int, RecordedSpan]:
    """The first and last meeting recording each membership of the council that any
    meeting records, by membership id (attendance only up to ``today``)."""
    meeting = models.Meeting
    columns = (meeting.number, meeting.kind, meeting.starts_at)
    live = (meeting.council_id == council_id, meeting.deleted_at.is_(None))
    attendance = (
        select(models.Attendance.membership_id, *columns)
        .join(meeting, meeting.id == models.Attendance.meeting_id)
        .where(*live, meeting.starts_at < _day_after(today))
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


def drop_apologies_outside_terms(
    session: Session, actor: str, council_id: int, members: Iterable[Member], today: date
) -> None:
    """Remove the attendance (apologies) of ``members`` as saved for meetings after
    ``today`` that their terms no longer cover, each audited."""
    terms = {m.id: m for m in members if m.id is not None}
    if not terms:
        return
    meeting, attendance = models.Meeting, models.Attendance
    rows = session.execute(
        select(attendance, meeting)
        .join(meeting, meeting.id == attendance.meeting_id)
        .where(
            meeting.council_id == council_id,
            meeting.deleted_at.is_(None),
            meeting.starts_at >= _day_after(today),
        )
    ).all()
    for row, held_on in rows:
        member = terms.get(row.membership_id)
        day = held_on.starts_at.date()
        if member is None or member.is_active(day):
            continue
        before = audit.snapshot(row)
        session.delete(row)
        label = dated_meeting_label(held_on.number, MeetingKind(held_on.kind), day)
        audit.record(
            session,
            actor,
            AuditAction.DELETE,
            "attendance",
            row.id,
            council_id=council_id,
            summary=f"Anwesenheit von {member.full_name} in der {label} entfernt: "
            "außerhalb der Amtszeit",
            before=before,
        )
    session.flush()


def _day_after(today: date) -> datetime:
    return datetime.combine(today + timedelta(days=1), time())


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
