"""Attendance of a meeting: who is present, excused or absent, who came late or left early
(by agenda item, optionally with a time), voting rights, guests, and the quorum.

Each member's line is saved on its own with a version check, so two people recording
attendance on two PCs only collide on the same member. A cancelled meeting refuses every
change. The quorum follows the council's rule (``domain.quorum``), for the meeting and per
agenda item; members recused from an item (``services.conflicts``) do not count there.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.attendance_sheet import (
    AttendanceEntry,
    AttendanceSheet,
    GuestEntry,
    ItemQuorum,
    clean_guest,
    guest_problems,
    time_problems,
)
from expertenrat.domain.enums import (
    AttendanceStatus,
    AuditAction,
    ConflictDecision,
    MemberRole,
    QuorumRule,
)
from expertenrat.domain.errors import (
    ConcurrentEditError,
    FieldProblem,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.quorum import (
    attendance_quorum,
    quorum_per_item,
    quorum_spans,
    validate_attendance,
)
from expertenrat.services import audit
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_rows import (
    agenda_refs,
    changeable_meeting,
    full_name,
    is_cancelled,
    live_meeting,
    meeting_memberships,
    sort_name,
)
from expertenrat.services.minutes_freeze import is_frozen
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    gone,
    hold_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

GUEST = "Der Gast"


class AttendanceService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def sheet(self, meeting_id: int) -> AttendanceSheet:
        """Every member of the meeting with their attendance, the guests and the quorum."""
        with reading(self._db) as session:
            return attendance_sheet(session, live_meeting(session, meeting_id))

    def save_entry(self, meeting_id: int, entry: AttendanceEntry) -> AttendanceSheet:
        """Record one member's attendance; returns the sheet as it is now (new quorum).

        ``entry.id``/``entry.version`` are those the caller read: a line recorded meanwhile
        by someone else raises :class:`ConcurrentEditError`.
        """
        what = f"Die Anwesenheit von „{entry.name}“"
        with changing(self._db, what) as session:
            meeting = changeable_meeting(session, meeting_id)
            hold_council(session, meeting.council_id)  # a line saved at once elsewhere: first
            membership = fetch(session, models.Membership, entry.membership_id, "Das Mitglied")
            row = session.scalar(
                select(models.Attendance).where(
                    models.Attendance.meeting_id == meeting.id,
                    models.Attendance.membership_id == membership.id,
                )
            )
            _check_member(session, meeting, membership, row)
            if row is None and entry.id is not None:
                raise NotFoundError(gone(what))
            if row is not None and (entry.id is None or entry.id != row.id):
                raise ConcurrentEditError(what)
            _check_entry(session, meeting, entry)
            before = None
            if row is None:
                row = models.Attendance(meeting_id=meeting.id, membership_id=membership.id)
                session.add(row)
            else:
                check_version(row, entry.version, what)
                before = audit.snapshot(row)
            row.status = entry.status.value  # type: ignore[union-attr]
            row.voting_right = entry.voting_right
            row.arrived_item_id, row.arrived_at = entry.arrived_item_id, entry.arrived_at
            row.left_item_id, row.left_at = entry.left_item_id, entry.left_at
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE if before is None else AuditAction.UPDATE,
                "attendance",
                row.id,
                council_id=meeting.council_id,
                summary=(
                    f"Anwesenheit von {full_name(membership)} in {meeting_name(meeting)}: "
                    f"{entry.status.label}"  # type: ignore[union-attr]
                ),
                before=before,
                after=audit.snapshot(row),
            )
            return attendance_sheet(session, meeting)

    def record_unrecorded(self, meeting_id: int, status: AttendanceStatus) -> AttendanceSheet:
        """Give every member without a recorded line ``status`` ("Übrige anwesend")."""
        with changing(self._db, "Die Anwesenheit") as session:
            meeting = changeable_meeting(session, meeting_id)
            hold_council(session, meeting.council_id)  # the lines another PC records at once
            open_entries = [e for e in attendance_sheet(session, meeting).entries if e.id is None]
            rows = [
                models.Attendance(
                    meeting_id=meeting.id,
                    membership_id=e.membership_id,
                    status=status.value,
                    voting_right=e.voting_right,
                )
                for e in open_entries
            ]
            session.add_all(rows)
            session.flush()
            for entry, row in zip(open_entries, rows, strict=True):
                audit.record(
                    session,
                    self._actor,
                    AuditAction.CREATE,
                    "attendance",
                    row.id,
                    council_id=meeting.council_id,
                    summary=(
                        f"Anwesenheit von {entry.name} in {meeting_name(meeting)}: {status.label}"
                    ),
                    after=audit.snapshot(row),
                )
            return attendance_sheet(session, meeting)

    def save_guest(self, meeting_id: int, guest: GuestEntry) -> GuestEntry:
        """Add a guest (``id`` None) or change one; name, institution and role as typed."""
        guest = clean_guest(guest)
        raise_if_invalid(guest_problems(guest))
        what = f"{GUEST} „{guest.name}“"
        with changing(self._db, what) as session:
            meeting = changeable_meeting(session, meeting_id)
            before = None
            if guest.id is None:
                row = models.Guest(meeting_id=meeting.id)
                session.add(row)
            else:
                row = _guest_row(session, meeting, guest.id, what)
                check_version(row, guest.version, what)
                before = audit.snapshot(row)
            row.name, row.affiliation, row.note = guest.name, guest.organisation, guest.role
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE if before is None else AuditAction.UPDATE,
                "guest",
                row.id,
                council_id=meeting.council_id,
                summary=f"Gast {guest.name} in {meeting_name(meeting)} "
                + ("eingetragen" if before is None else "geändert"),
                before=before,
                after=audit.snapshot(row),
            )
            return _guest_entry(row)

    def remove_guest(self, meeting_id: int, guest: GuestEntry) -> None:
        what = f"{GUEST} „{guest.name}“"
        with changing(self._db, what) as session:
            meeting = changeable_meeting(session, meeting_id)
            row = _guest_row(session, meeting, guest.id, what)
            check_version(row, guest.version, what)
            before = audit.snapshot(row)
            session.delete(row)
            audit.record(
                session,
                self._actor,
                AuditAction.DELETE,
                "guest",
                guest.id,
                council_id=meeting.council_id,
                summary=f"Gast {row.name} aus {meeting_name(meeting)} entfernt",
                before=before,
            )


def attendance_sheet(session: Session, meeting: models.Meeting) -> AttendanceSheet:
    """The sheet of ``meeting`` as stored in ``session``'s transaction."""
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
        problem = ""
    except ValidationError as error:  # the agenda changed under recorded arrivals
        per_item, spans, problem = {}, (), error.message
    return AttendanceSheet(
        meeting_id=meeting.id,
        cancelled=is_cancelled(meeting),
        frozen=is_frozen(session, meeting.id),
        entries=entries,
        guests=tuple(
            _guest_entry(g)
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
        problem=problem,
    )


def recusals(session: Session, meeting_id: int) -> dict[int, set[int]]:
    """The members recused from each agenda item of the meeting, by item id."""
    rows = session.execute(
        select(models.ConflictOfInterest.agenda_item_id, models.ConflictOfInterest.membership_id)
        .join(models.AgendaItem, models.AgendaItem.id == models.ConflictOfInterest.agenda_item_id)
        .where(
            models.AgendaItem.meeting_id == meeting_id,
            models.ConflictOfInterest.decision == ConflictDecision.RECUSED.value,
        )
    )
    found: dict[int, set[int]] = {}
    for item_id, membership_id in rows:
        found.setdefault(item_id, set()).add(membership_id)
    return found


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


def _check_member(
    session: Session,
    meeting: models.Meeting,
    membership: models.Membership,
    row: models.Attendance | None,
) -> None:
    if row is not None:
        return
    active = {m.id for m in meeting_memberships(session, meeting)}
    if membership.id not in active:
        raise ValidationError(
            [
                FieldProblem(
                    "membership_id",
                    f"{full_name(membership)} war am {meeting.starts_at:%d.%m.%Y} kein Mitglied "
                    "dieses Gremiums.",
                )
            ]
        )


def _check_entry(session: Session, meeting: models.Meeting, entry: AttendanceEntry) -> None:
    if entry.status is None:
        raise ValidationError(
            [FieldProblem("status", "Bitte wählen Sie anwesend, entschuldigt oder abwesend.")]
        )
    raise_if_invalid(time_problems(entry))
    order = [item.id for item in agenda_refs(session, meeting.id)]
    validate_attendance(order, [entry.as_attendance()])


def _guest_row(
    session: Session, meeting: models.Meeting, guest_id: int | None, what: str
) -> models.Guest:
    row = fetch(session, models.Guest, guest_id, what)
    if row.meeting_id != meeting.id:
        raise NotFoundError(f"{what} gehört nicht zu dieser Sitzung.")
    return row


def _guest_entry(row: models.Guest) -> GuestEntry:
    return GuestEntry(row.id, row.name, row.affiliation, row.note, row.version)
