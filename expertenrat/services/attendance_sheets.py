"""The attendance sheet of a meeting as stored: every member of the meeting on its day with
their line (or none yet), the guests, the agenda items and the quorum, for the meeting and
per item, where members recused from an item (``services.conflicts``) do not count.

Read by :mod:`services.attendance` after each change and by the minutes in their own
transactions; the annual report and the OParl and open data exports read the sheets of
many meetings together (:func:`attendance_sheets`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.attendance_order import agenda_mismatch, next_day_hint
from expertenrat.domain.attendance_sheet import (
    AgendaRef,
    AttendanceEntry,
    AttendanceSheet,
    GuestEntry,
    ItemQuorum,
)
from expertenrat.domain.enums import AttendanceStatus, MemberRole, QuorumRule
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_quorum import quorum_spans
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.quorum import attendance_quorum, present_at_opening, quorum_per_item
from expertenrat.domain.quorum_forecast import quorum_forecast
from expertenrat.domain.step_outs import away_mismatch
from expertenrat.services.attendance_rows import (
    Placed,
    active_on,
    council_memberships,
    full_name,
    is_cancelled,
    placed_agendas,
    sort_name,
)
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_freeze import frozen_meetings
from expertenrat.services.recusals import meetings_recusals
from expertenrat.services.unit_of_work import fetch
from expertenrat.store import models

Recusals = Mapping[int, Sequence[models.ConflictOfInterest]]  # held at each item, by its id


def attendance_sheet(
    session: Session,
    meeting: models.Meeting,
    *,
    today: date | None = None,
    agenda: Sequence[Placed] | None = None,
    recusals: Recusals | None = None,
    members: Sequence[models.Membership] | None = None,
) -> AttendanceSheet:
    """The sheet of ``meeting`` as stored in ``session``'s transaction; ``today`` (default:
    the council's) says whether the meeting is still ahead (apologies only). ``agenda``:
    the meeting's agenda as :func:`~expertenrat.services.attendance_rows.placed_agenda_rows`
    gives it, and ``recusals`` those held at its items
    (:func:`~expertenrat.services.recusals.meetings_recusals`), and ``members`` the
    council's memberships (:func:`~expertenrat.services.attendance_rows.council_memberships`),
    where the caller has read them (the minutes, the conflicts), else read here."""
    agendas = None if agenda is None else {meeting.id: agenda}
    councils = None if members is None else {meeting.council_id: list(members)}
    return _sheet(meeting, _Reads(session, [meeting], today, agendas, recusals, councils))


def attendance_sheets(
    session: Session, meetings: Sequence[models.Meeting], *, today: date | None = None
) -> dict[int, AttendanceSheet]:
    """The sheets of ``meetings`` by meeting id, read in a few statements however many
    meetings there are (the OParl export reads every meeting of a council)."""
    reads = _Reads(session, meetings, today)
    return {m.id: _sheet(m, reads) for m in meetings}


class _Reads:
    """What the sheets of some meetings hold, each kind read once for all of them."""

    def __init__(
        self,
        session: Session,
        meetings: Sequence[models.Meeting],
        today: date | None,
        agendas: Mapping[int, Sequence[Placed]] | None = None,
        recusals: Recusals | None = None,
        members: Mapping[int, list[models.Membership]] | None = None,
    ) -> None:
        ids = [m.id for m in meetings]
        councils = {
            m.council_id: fetch(session, models.Council, m.council_id, "Das Gremium")
            for m in meetings
        }
        self.rules = {i: QuorumRule(c.quorum_rule) for i, c in councils.items()}
        self.today = {i: today or council_clock(session, i).today() for i in councils}
        self.stored: dict[int, dict[int, models.Attendance]] = defaultdict(dict)
        for row in session.scalars(
            select(models.Attendance).where(models.Attendance.meeting_id.in_(ids))
        ):
            self.stored[row.meeting_id][row.membership_id] = row
        self.members = (
            council_memberships(session, {m.council_id for m in meetings})
            if members is None
            else members
        )
        agendas = placed_agendas(session, ids) if agendas is None else agendas
        self.items = {
            meeting_id: [AgendaRef(row.id, p.number, row.title) for row, p in placed]
            for meeting_id, placed in agendas.items()
        }
        meeting_of = {
            row.id: meeting_id for meeting_id, placed in agendas.items() for row, _ in placed
        }
        self.recusals: dict[int, dict[int, set[int]]] = defaultdict(dict)
        held = meetings_recusals(session, ids) if recusals is None else recusals
        for item_id, conflicts in held.items():
            self.recusals[meeting_of[item_id]][item_id] = {c.membership_id for c in conflicts}
        self.frozen = frozen_meetings(session, ids)
        self.guests: dict[int, list[GuestEntry]] = defaultdict(list)
        for guest in session.scalars(
            select(models.Guest).where(models.Guest.meeting_id.in_(ids)).order_by(models.Guest.id)
        ):
            self.guests[guest.meeting_id].append(guest_entry(guest))
        missing = {
            membership_id
            for m in meetings
            for membership_id in self.stored[m.id].keys() - {a.id for a in self.active(m)}
        }
        former = (  # recorded before a term changed: keep the line
            session.scalars(
                select(models.Membership)
                .options(selectinload(models.Membership.person))
                .where(models.Membership.id.in_(missing))
            ).all()
            if missing
            else ()
        )
        self.former = {m.id: m for m in former}

    def active(self, meeting: models.Meeting) -> list[models.Membership]:
        return active_on(self.members.get(meeting.council_id, ()), meeting.starts_at.date())


def _sheet(meeting: models.Meeting, reads: _Reads) -> AttendanceSheet:
    stored = reads.stored[meeting.id]
    memberships = {m.id: m for m in reads.active(meeting)}
    memberships.update((i, reads.former[i]) for i in stored.keys() - memberships.keys())
    entries = tuple(
        _entry(m, stored.get(m.id)) for m in sorted(memberships.values(), key=sort_name)
    )
    items = tuple(reads.items.get(meeting.id, ()))
    rule = reads.rules[meeting.council_id]
    marks = [e.as_attendance() for e in entries]
    try:
        per_item = quorum_per_item(
            [i.id for i in items], marks, rule, reads.recusals.get(meeting.id, {})
        )
        spans = quorum_spans([(i.id, i.number) for i in items], marks, rule)
        opening: int | None = present_at_opening([i.id for i in items], marks)
        problem = ""
    except ValidationError as error:  # the agenda changed under recorded arrivals
        per_item, spans, opening = {}, (), None
        problem = agenda_mismatch(items, entries) or away_mismatch(items, entries)
        problem = problem or error.message
    return AttendanceSheet(
        meeting_id=meeting.id,
        cancelled=is_cancelled(meeting),
        frozen=meeting.id in reads.frozen,
        entries=entries,
        guests=tuple(reads.guests.get(meeting.id, ())),
        items=items,
        quorum=attendance_quorum(marks, rule),
        item_quorums=tuple(ItemQuorum(i, per_item[i.id]) for i in items if i.id in per_item),
        quorum_spans=spans,
        quorum_opening=opening,
        problem=problem,
        forecast=quorum_forecast(marks, rule) if meeting.state in NOT_YET_HELD else None,
        next_day_hint=next_day_hint(
            meeting.starts_at, meeting.ends_at, meeting.opened_at, meeting.closed_at
        ),
        ahead_of=day
        if (day := meeting.starts_at.date()) > reads.today[meeting.council_id]
        else None,
    )


def today_of(session: Session, meeting: models.Meeting, today: date | None = None) -> date:
    """``today``, or by default today in the council's time zone."""
    return today or council_clock(session, meeting.council_id).today()


def _entry(membership: models.Membership, row: models.Attendance | None) -> AttendanceEntry:
    entry = AttendanceEntry(
        membership_id=membership.id,
        name=full_name(membership),
        sort_name=sort_name(membership),
        role=MemberRole(membership.role),
        affiliation=membership.person.affiliation,
        voting_right=membership.voting_right,
        given_name=membership.person.given_name,
        family_name=membership.person.family_name,
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
        digital=row.digital,
        away_item_id=row.away_item_id,
        away_at=row.away_at,
        back_item_id=row.back_item_id,
        back_at=row.back_at,
    )


def guest_entry(row: models.Guest) -> GuestEntry:
    return GuestEntry(
        row.id, row.name, row.affiliation, row.note, row.version, row.non_public_only, row.digital
    )
