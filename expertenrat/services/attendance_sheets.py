"""The attendance sheet of a meeting as stored: every member of the meeting on its day with
their line (or none yet), the guests, the agenda items and the quorum, for the meeting and
per item, where members recused from an item (``services.conflicts``) do not count.

Read by :mod:`services.attendance` after each change and by the minutes and the annual
report in their own transactions.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.attendance_order import agenda_mismatch
from expertenrat.domain.attendance_sheet import (
    AttendanceEntry,
    AttendanceSheet,
    GuestEntry,
    ItemQuorum,
)
from expertenrat.domain.enums import AttendanceStatus, MemberRole, QuorumRule
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.quorum import (
    attendance_quorum,
    present_at_opening,
    quorum_per_item,
    quorum_spans,
)
from expertenrat.services.attendance_rows import (
    agenda_refs,
    full_name,
    is_cancelled,
    meeting_memberships,
    sort_name,
)
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_freeze import is_frozen
from expertenrat.services.recusals import held_recusals
from expertenrat.services.unit_of_work import fetch
from expertenrat.store import models


def attendance_sheet(
    session: Session, meeting: models.Meeting, *, today: date | None = None
) -> AttendanceSheet:
    """The sheet of ``meeting`` as stored in ``session``'s transaction; ``today`` (default:
    the council's) says whether the meeting is still ahead (apologies only)."""
    stored = {
        row.membership_id: row
        for row in session.scalars(
            select(models.Attendance).where(models.Attendance.meeting_id == meeting.id)
        )
    }
    memberships = {m.id: m for m in meeting_memberships(session, meeting)}
    missing = set(stored) - set(memberships)
    if missing:  # recorded before a term changed: keep the line
        memberships.update(
            (m.id, m)
            for m in session.scalars(
                select(models.Membership)
                .options(selectinload(models.Membership.person))
                .where(models.Membership.id.in_(missing))
            )
        )
    entries = tuple(
        _entry(m, stored.get(m.id)) for m in sorted(memberships.values(), key=sort_name)
    )
    items = tuple(agenda_refs(session, meeting.id))
    rule = QuorumRule(fetch(session, models.Council, meeting.council_id, "Das Gremium").quorum_rule)
    marks = [e.as_attendance() for e in entries]
    try:
        per_item = quorum_per_item(
            [i.id for i in items], marks, rule, recusals(session, meeting.id)
        )
        spans = quorum_spans([(i.id, i.number) for i in items], marks, rule)
        opening: int | None = present_at_opening([i.id for i in items], marks)
        problem = ""
    except ValidationError as error:  # the agenda changed under recorded arrivals
        per_item, spans, opening = {}, (), None
        problem = agenda_mismatch(items, entries) or error.message
    return AttendanceSheet(
        meeting_id=meeting.id,
        cancelled=is_cancelled(meeting),
        frozen=is_frozen(session, meeting.id),
        entries=entries,
        guests=tuple(
            guest_entry(g)
            for g in session.scalars(
                select(models.Guest)
                .where(models.Guest.meeting_id == meeting.id)
                .order_by(models.Guest.id)
            )
        ),
        items=items,
        quorum=attendance_quorum(marks, rule),
        item_quorums=tuple(ItemQuorum(i, per_item[i.id]) for i in items if i.id in per_item),
        quorum_spans=spans,
        quorum_opening=opening,
        problem=problem,
        ahead_of=day
        if (day := meeting.starts_at.date()) > today_of(session, meeting, today)
        else None,
    )


def today_of(session: Session, meeting: models.Meeting, today: date | None = None) -> date:
    """``today``, or by default today in the council's time zone."""
    return today or council_clock(session, meeting.council_id).today()


def recusals(session: Session, meeting_id: int) -> dict[int, set[int]]:
    """The members recused from each agenda item of the meeting, by item id, also those
    recused at an item above it about the same project (:func:`held_recusals`)."""
    item_ids = session.scalars(
        select(models.AgendaItem.id).where(
            models.AgendaItem.meeting_id == meeting_id, models.AgendaItem.deleted_at.is_(None)
        )
    ).all()
    return {
        item_id: {c.membership_id for c in conflicts}
        for item_id, conflicts in held_recusals(session, item_ids).items()
    }


def _entry(membership: models.Membership, row: models.Attendance | None) -> AttendanceEntry:
    entry = AttendanceEntry(
        membership_id=membership.id,
        name=full_name(membership),
        sort_name=sort_name(membership),
        role=MemberRole(membership.role),
        affiliation=membership.person.affiliation,
        voting_right=membership.voting_right,
    )
    if row is None:
        return entry
    return replace(
        entry,
        status=AttendanceStatus(row.status),
        voting_right=row.voting_right,
        arrived_item_id=row.arrived_item_id,
        arrived_at=row.arrived_at,
        left_item_id=row.left_item_id,
        left_at=row.left_at,
        id=row.id,
        version=row.version,
    )


def guest_entry(row: models.Guest) -> GuestEntry:
    return GuestEntry(row.id, row.name, row.affiliation, row.note, row.version)
