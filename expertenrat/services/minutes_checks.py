"""Gathering what the completeness check of the minutes looks at (``domain.minutes_checklist``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.attendance_order import meeting_span
from expertenrat.domain.attendance_sheet import AttendanceEntry
from expertenrat.domain.enums import (
    AgendaItemKind,
    AgendaItemOutcome,
    AttendanceStatus,
    MinutesApproval,
    MinutesState,
    ObjectionState,
)
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.member_guests import member_named
from expertenrat.domain.minutes_attendees import GuestLine
from expertenrat.domain.minutes_checklist import checklist
from expertenrat.domain.minutes_checklist_facts import (
    AttendanceTimes,
    ChecklistFacts,
    PreviousMinutes,
    UndecidedConflict,
)
from expertenrat.domain.minutes_checklist_lines import Checklist
from expertenrat.services.approval_meetings import earlier_held
from expertenrat.services.approval_put_off import (
    approval_items,
    approval_put_off,
    previous_held,
)
from expertenrat.services.attendance_rows import full_name
from expertenrat.services.invitation_trail import held_moves, unsent_changes
from expertenrat.services.meeting_facts import MeetingFacts, meeting_facts
from expertenrat.services.minutes_assembly import unnamed_among
from expertenrat.services.minutes_attendance import present_member
from expertenrat.services.minutes_rows import header_of, label_of, minutes_from_facts
from expertenrat.services.unit_of_work import fetch
from expertenrat.store import models


def minutes_checklist(session: Session, meeting: models.Meeting) -> Checklist:
    return checked_minutes(session, meeting)[0]


def checked_minutes(session: Session, meeting: models.Meeting) -> tuple[Checklist, MinutesState]:
    """The completeness check of the meeting's minutes, and their state as read for it."""
    council = fetch(session, models.Council, meeting.council_id, "Das Gremium")
    facts = meeting_facts(session, meeting)
    placed = facts.agenda
    agenda = [row for row, _ in placed]
    minutes = minutes_from_facts(session, meeting, facts, placed)
    chair = _chair(session, meeting, facts)
    unsent = unsent_changes(session, meeting, facts.placed)
    place = ", ".join(p.strip() for p in (meeting.place, meeting.room) if p.strip())
    unnamed = unnamed_among(  # may not be named in public
        session,
        meeting.council_id,
        [GuestLine(g.name, non_public_only=g.non_public_only) for g in facts.sheet.guests],
        [(row.presenter, where.public) for row, where in facts.placed],
    )
    approval_item = min(
        (row.id for row in agenda if row.kind == AgendaItemKind.MINUTES_APPROVAL.value),
        default=None,
    )  # the first item approving earlier minutes, as ``approval_item_id`` finds it
    previous = _previous(session, meeting)
    span = meeting_span(meeting.starts_at, meeting.ends_at, meeting.opened_at, meeting.closed_at)
    lines = checklist(
        ChecklistFacts(
            meeting_day=meeting.starts_at.date(),
            place=place or meeting.online_link.strip(),
            invitation_sent_on=meeting.invitation_sent_on,
            notice_period_days=council.notice_period_days,
            header=header_of(meeting),
            times_checked=span.start is not None,  # not for a meeting a day long or longer
            chair_name=chair.name if chair is not None else "",
            unrecorded=tuple(e.name for e in facts.sheet.entries if e.status is None),
            attendance_times=tuple(
                AttendanceTimes(e.name, e.arrived_at, e.left_at, e.away_at, e.back_at)
                for e in facts.sheet.entries
                if e.status is AttendanceStatus.PRESENT
                and (e.arrived_at or e.left_at or e.away_at or e.back_at)
            ),
            attendance_problem=facts.sheet.problem,
            quorum_statement=facts.sheet.meeting_quorum.statement,
            quorum_throughout=facts.sheet.meeting_quorum.throughout,
            attendance_taken=not facts.sheet.unrecorded,
            no_members=not facts.sheet.entries,
            chair_status=chair.status if chair is not None else None,
            chair_partial=chair.partial if chair is not None else "",
            chair_title=council.chair_title,
            approval=MinutesApproval(council.minutes_approval),
            previous=previous,
            approvals=_approvals(session, meeting, previous, agenda),
            approval_item_id=approval_item,
            approval_put_off=approval_put_off(session, meeting.id, agenda, approval_item),
            items=minutes.items,
            # The sheet's hints leave out the members away or not there at the item; of
            # the rest, those whose attendance is not recorded are the attendance's line.
            moved_items=held_moves(session, meeting, agenda),
            unsent_items=unsent.added,
            unsent_dropped=unsent.dropped,
            unsent_certain=unsent.certain,
            member_guests=tuple(
                (member.name, guest.name)
                for guest in facts.sheet.guests
                if (member := member_named(guest.name, facts.sheet.entries)) is not None
            ),
            unnamed=unnamed,  # and the items whose texts the public minutes leave out
            non_public_items=frozenset(row.id for row, where in facts.placed if not where.public)
            if unnamed
            else frozenset(),
            undecided_conflicts=tuple(
                UndecidedConflict(i.item.id, i.item.number, facts.conflicts.name_of(s.member))
                for i in facts.conflicts.items
                for s in i.suggestions
                if s.member in facts.sheet.attending
            ),
        )
    )
    return lines, minutes.state


@dataclass(frozen=True, slots=True)
class _Chair:
    name: str
    status: AttendanceStatus | None
    partial: str = ""  # "bis TOP 5 (17:00 Uhr)": came late or left early


def _chair(session: Session, meeting: models.Meeting, facts: MeetingFacts) -> _Chair | None:
    """The chair of ``meeting`` with their attendance as the sheet has it (one not on it,
    not a member that day, is read: no status)."""
    if meeting.chair_membership_id is None:
        return None
    numbers = {item.id: item.number for item in facts.sheet.items}
    for entry in facts.sheet.entries:
        if entry.membership_id == meeting.chair_membership_id:
            led = _chaired_throughout(entry, meeting, facts)
            return _Chair(entry.name, entry.status, present_member(led, numbers).partial)
    chair = session.get(models.Membership, meeting.chair_membership_id)
    return _Chair(full_name(chair), None) if chair is not None else None


def _chaired_throughout(
    entry: AttendanceEntry, meeting: models.Meeting, facts: MeetingFacts
) -> AttendanceEntry:
    """``entry`` without an arrival at the first item at or before the meeting's start, nor
    a departure after the last item at or after its end (as the minutes record them, else
    as planned; or at no time given): the member was there from the start, or to the end,
    not late nor gone early (found by a tester: a chair who opened the meeting was warned
    that someone else led the rest)."""
    items = facts.sheet.items
    if not items:
        return entry
    span = meeting_span(meeting.starts_at, meeting.ends_at, meeting.opened_at, meeting.closed_at)
    if entry.arrived_item_id == items[0].id and (
        entry.arrived_at is None
        or (span.start is not None and span.order(entry.arrived_at) <= span.order(span.start))
    ):
        entry = replace(entry, arrived_item_id=None, arrived_at=None)
    if entry.left_item_id == items[-1].id and (
        entry.left_at is None
        or (span.end is not None and span.order(entry.left_at) >= span.order(span.end))
    ):
        entry = replace(entry, left_item_id=None, left_at=None)
    return entry


def _previous(session: Session, meeting: models.Meeting) -> PreviousMinutes | None:
    """The minutes of the council's last held meeting before ``meeting``."""
    previous = previous_held(session, meeting)
    return _minutes_of(session, previous) if previous is not None else None


def _approvals(
    session: Session,
    meeting: models.Meeting,
    previous: PreviousMinutes | None,
    agenda: list[models.AgendaItem],
) -> tuple[PreviousMinutes, ...]:
    """With more than one approval item on the agenda: the minutes each names, in agenda
    order, with the item and what became of it (the previous meeting's at the end where
    none names them); else none (``previous`` has the line). ``agenda``: the meeting's
    agenda items (not deleted)."""
    approvals = approval_items(session, meeting, earlier_held(session, meeting), agenda)
    if len(approvals) < 2:
        return ()
    found: dict[int, PreviousMinutes] = {}
    for approval in approvals:
        if approval.minutes_of.id not in found:
            found[approval.minutes_of.id] = _minutes_of(
                session, approval.minutes_of, approval.item_id, approval.put_off
            )
    if previous is not None and previous.meeting_id not in found:
        found[previous.meeting_id] = previous
    return tuple(found.values())


def _minutes_of(
    session: Session,
    previous: models.Meeting,
    item_id: int | None = None,
    put_off: AgendaItemOutcome | None = None,
) -> PreviousMinutes:
    """The state of the minutes of the held meeting ``previous``."""
    version = session.scalar(
        select(models.MinutesVersion)
        .where(models.MinutesVersion.meeting_id == previous.id)
        .order_by(models.MinutesVersion.number.desc())
        .limit(1)
    )
    state = MinutesState(version.state) if version is not None else None
    if state is MinutesState.DRAFT:
        state = None  # a finished draft is neither circulated nor approved
    open_objections = 0
    if version is not None:
        open_objections = (
            session.scalar(
                select(func.count(models.Objection.id)).where(
                    models.Objection.minutes_version_id == version.id,
                    models.Objection.state == ObjectionState.OPEN.value,
                )
            )
            or 0
        )
    return PreviousMinutes(
        label_of(previous),
        state,
        version.approved_on if version is not None else None,
        open_objections,
        previous.id,
        item_id,
        put_off,
    )


def refuse_unless_complete(session: Session, meeting: models.Meeting) -> Checklist:
    """The green checklist of the meeting's minutes, or a refusal naming every missing line
    (field = the line's target): before "Entwurf abschließen" and before circulating."""
    checklist = minutes_checklist(session, meeting)
    if not checklist.complete:
        raise ValidationError(
            [FieldProblem(line.target.field, line.text) for line in checklist.missing]
        )
    return checklist
