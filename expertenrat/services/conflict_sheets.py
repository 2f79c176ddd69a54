"""A meeting's conflict sheet read from its rows: per agenda item the recorded conflicts,
the recusals carried over from an earlier item, and the screening's open suggestions
(:class:`~expertenrat.domain.conflict_sheet.ConflictSheet`). Recording them is
:class:`~expertenrat.services.conflicts.ConflictsService`."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceSheet
from expertenrat.domain.conflict_screening import Affiliation, ConflictSuggestion, screen
from expertenrat.domain.conflict_sheet import (
    Conflict,
    ConflictSheet,
    ItemConflicts,
    ItemLink,
    MemberRef,
    recusal_sources,
)
from expertenrat.domain.enums import AttendanceStatus, ConflictDecision, ConflictOrigin
from expertenrat.services.attendance_rows import (
    active_on,
    council_memberships,
    full_name,
    is_cancelled,
    placed_agenda_rows,
)
from expertenrat.services.attendance_sheets import Placed, Recusals, attendance_sheet
from expertenrat.services.recusals import agenda_recusals
from expertenrat.store import models


def conflict_sheet(session: Session, meeting: models.Meeting) -> ConflictSheet:
    """The conflict sheet of ``meeting`` as stored in ``session``'s transaction."""
    return attendance_and_conflicts(session, meeting)[1]


def attendance_and_conflicts(
    session: Session, meeting: models.Meeting, placed: Sequence[Placed] | None = None
) -> tuple[AttendanceSheet, ConflictSheet]:
    """The attendance sheet of ``meeting`` (who was there at each item) and its conflict
    sheet, the agenda (``placed``, as :func:`placed_agenda_rows` reads it, unless the caller
    has), the conflicts recorded at its items, the recusals held there and the council's
    members read once for both."""
    placed = placed_agenda_rows(session, meeting.id) if placed is None else placed
    agenda = [row for row, _where in placed]
    stored = _stored(session, [row.id for row in agenda])
    held = agenda_recusals(session, meeting.id, agenda, stored)
    members = council_memberships(session, {meeting.council_id}).get(meeting.council_id, [])
    attendance = attendance_sheet(session, meeting, agenda=placed, recusals=held, members=members)
    memberships = active_on(members, meeting.starts_at.date())
    sheet = _conflict_sheet(session, meeting, attendance, placed, stored, held, memberships)
    return attendance, sheet


def _conflict_sheet(
    session: Session,
    meeting: models.Meeting,
    attendance: AttendanceSheet,
    placed: Sequence[Placed],
    stored: list[models.ConflictOfInterest],
    held: Recusals,
    memberships: list[models.Membership],
) -> ConflictSheet:
    """``stored``: the conflicts recorded at the items; ``memberships``: those of the
    council active on the meeting's day, by name
    (:func:`~expertenrat.services.attendance_rows.meeting_memberships`)."""
    rows = [(row, where.number) for row, where in placed]
    names = {m.id: full_name(m) for m in memberships}
    names.update(_names(session, {c.membership_id for c in stored} - set(names)))
    # An item above about the same matter where a hint was overruled: decided here too.
    sources = recusal_sources(ItemLink(row.id, row.parent_id, row.project_id) for row, _n in rows)
    overruled = {
        (c.agenda_item_id, c.membership_id)
        for c in stored
        if c.decision == ConflictDecision.OVERRULED.value
    }
    away = {  # not asked about: the minutes leave them out (as ``away_members``)
        e.membership_id: e.status
        for e in attendance.entries
        if e.status is not None and e.status is not AttendanceStatus.PRESENT
    }
    affiliations = [
        Affiliation(m.id, m.person.affiliation) for m in memberships if m.id not in away
    ]
    items = []
    projects = _projects(session, {row.project_id for row, _n in rows})
    for row, number in rows:
        conflicts = tuple(
            conflict_from_row(c, names.get(c.membership_id, ""))
            for c in stored
            if c.agenda_item_id == row.id
        )
        carried = tuple(
            conflict_from_row(c, names.get(c.membership_id, ""))
            for c in held.get(row.id, ())
            if c.agenda_item_id != row.id
        )
        decided = {c.membership_id for c in conflicts + carried} | {
            member for source, member in overruled if source in sources.get(row.id, ())
        }
        # Gone before the item or come after it: not asked about (nor by the minutes' check).
        unasked = decided | (attendance.attending - attendance.present_at(row.id))
        project = projects.get(row.project_id)
        suggestions = _first_per_member(
            s
            for s in screen(affiliations, [p.name for p in project.partners] if project else [])
            if s.member not in unasked
        )
        items.append(
            ItemConflicts(
                AgendaRef(row.id, number, row.title),
                project.title if project else "",
                conflicts,
                suggestions,
                carried,
            )
        )
    return ConflictSheet(
        meeting.id,
        is_cancelled(meeting),
        tuple(
            MemberRef(m.id, full_name(m), m.person.affiliation, away.get(m.id)) for m in memberships
        ),
        tuple(items),
        frozen=attendance.frozen,  # read with the sheet
    )


def _stored(session: Session, item_ids: list[int]) -> list[models.ConflictOfInterest]:
    if not item_ids:
        return []
    return list(
        session.scalars(
            select(models.ConflictOfInterest)
            .where(models.ConflictOfInterest.agenda_item_id.in_(item_ids))
            .order_by(models.ConflictOfInterest.id)
        )
    )


def _names(session: Session, membership_ids: set[int]) -> dict[int, str]:
    if not membership_ids:
        return {}
    rows = session.scalars(
        select(models.Membership)
        .options(selectinload(models.Membership.person))
        .where(models.Membership.id.in_(membership_ids))
    )
    return {m.id: full_name(m) for m in rows}


def _projects(session: Session, project_ids: set[int | None]) -> dict[int, models.Project]:
    """The projects (not deleted) of ``project_ids`` with their partners, by id: two
    statements however many items consult a project (one each per project before)."""
    wanted = project_ids - {None}
    if not wanted:
        return {}
    rows = session.scalars(
        select(models.Project)
        .options(selectinload(models.Project.partners))
        .where(models.Project.id.in_(wanted), models.Project.deleted_at.is_(None))
    )
    return {p.id: p for p in rows}


def away_members(session: Session, meeting_id: int) -> dict[int, AttendanceStatus]:
    """The members recorded as excused or absent at the meeting, with that status."""
    rows = session.execute(
        select(models.Attendance.membership_id, models.Attendance.status).where(
            models.Attendance.meeting_id == meeting_id,
            models.Attendance.status != AttendanceStatus.PRESENT.value,
        )
    )
    return {member: AttendanceStatus(status) for member, status in rows}


def _first_per_member(suggestions) -> tuple[ConflictSuggestion, ...]:
    seen: set[int] = set()
    kept = []
    for suggestion in suggestions:
        if suggestion.member not in seen:
            seen.add(suggestion.member)
            kept.append(suggestion)
    return tuple(kept)


def conflict_from_row(row: models.ConflictOfInterest, name: str) -> Conflict:
    """A stored conflict as the sheet shows it, the member named ``name``."""
    return Conflict(
        id=row.id,
        item_id=row.agenda_item_id,
        membership_id=row.membership_id,
        member_name=name,
        reason=row.reason,
        origin=ConflictOrigin(row.origin),
        decision=ConflictDecision(row.decision),
        decided_by=row.decided_by,
        decision_reason=row.decision_reason,
        version=row.version,
    )
