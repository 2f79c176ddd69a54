"""Attendance of a meeting: who is present, excused or absent, who came late or left early
(by agenda item, optionally with a time), voting rights, guests, and the quorum.

Each member's line is saved on its own with a version check, so two people recording
attendance on two PCs only collide on the same member. A cancelled meeting refuses every
change. The quorum follows the council's rule (``domain.quorum``), for the meeting and per
agenda item; members recused from an item (``services.conflicts``) do not count there. The
sheet read back is :mod:`services.attendance_sheets`; what is refused before a line is
stored, :mod:`services.attendance_refusals`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from expertenrat.domain.attendance_sheet import (
    AttendanceEntry,
    AttendanceSheet,
    GuestEntry,
    ahead_problems,
    clean_guest,
    guest_problems,
)
from expertenrat.domain.enums import AttendanceStatus, AuditAction
from expertenrat.domain.errors import ConcurrentEditError, NotFoundError
from expertenrat.domain.minutes_attendees import DIGITAL
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_refusals import (
    check_entry,
    guest_row,
    refuse_non_member,
    refuse_twin,
)
from expertenrat.services.attendance_rows import changeable_meeting, full_name, live_meeting
from expertenrat.services.attendance_sheets import attendance_sheet, guest_entry, today_of
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

    def sheet(self, meeting_id: int, *, today: date | None = None) -> AttendanceSheet:
        """Every member of the meeting with their attendance, the guests and the quorum;
        ``today`` (default: the council's) says whether the meeting is still ahead."""
        with reading(self._db) as session:
            return attendance_sheet(session, live_meeting(session, meeting_id), today=today)

    def quorum_warning(self, meeting_id: int) -> str:
        """Where the apologies recorded for a planned or invited meeting leave too few
        voting members for a quorum under the council's rule, the warning that says so
        (:attr:`AttendanceSheet.quorum_warning`), else ""."""
        return self.sheet(meeting_id).quorum_warning

    def save_entry(
        self, meeting_id: int, entry: AttendanceEntry, *, today: date | None = None
    ) -> AttendanceSheet:
        """Record one member's attendance; returns the sheet as it is now (new quorum).

        ``entry.id``/``entry.version`` are those the caller read: a line recorded meanwhile
        by someone else raises :class:`ConcurrentEditError`. Before the meeting's day
        (``today``, default: the council's) only an apology ("entschuldigt") is taken.
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
            refuse_non_member(session, meeting, membership, row)
            if row is None and entry.id is not None:
                raise NotFoundError(gone(what))
            if row is not None and (entry.id is None or entry.id != row.id):
                raise ConcurrentEditError(what)
            check_entry(session, meeting, entry)
            day = meeting.starts_at.date()
            raise_if_invalid(ahead_problems(entry.status, day, today_of(session, meeting, today)))
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
            row.away_item_id, row.away_at = entry.away_item_id, entry.away_at
            row.back_item_id, row.back_at = entry.back_item_id, entry.back_at
            # Only who is present takes part in the room or digitally.
            row.digital = entry.digital and entry.status is AttendanceStatus.PRESENT
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE if before is None else AuditAction.UPDATE,
                "attendance",
                row.id,
                council_id=meeting.council_id,
                summary=(
                    f"Anwesenheit von {isolated(full_name(membership))} in "
                    f"{meeting_name(meeting, isolated)}: "
                    f"{entry.status.label}" + (f", {DIGITAL}" if row.digital else "")  # type: ignore[union-attr]
                ),
                before=before,
                after=audit.snapshot(row),
            )
            return attendance_sheet(session, meeting, today=today)

    def record_unrecorded(
        self, meeting_id: int, status: AttendanceStatus, *, today: date | None = None
    ) -> AttendanceSheet:
        """Give every member without a recorded line ``status`` ("Übrige anwesend"); before
        the meeting's day only "entschuldigt" (see :meth:`save_entry`)."""
        with changing(self._db, "Die Anwesenheit") as session:
            meeting = changeable_meeting(session, meeting_id)
            hold_council(session, meeting.council_id)  # the lines another PC records at once
            day = meeting.starts_at.date()
            raise_if_invalid(ahead_problems(status, day, today_of(session, meeting, today)))
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
                        f"Anwesenheit von {isolated(entry.name)} in "
                        f"{meeting_name(meeting, isolated)}: {status.label}"
                    ),
                    after=audit.snapshot(row),
                )
            return attendance_sheet(session, meeting, today=today)

    def save_guest(self, meeting_id: int, guest: GuestEntry) -> GuestEntry:
        """Add a guest (``id`` None) or change one; name, institution and role as typed,
        whether the guest attended only the non-public part and whether digitally."""
        guest = clean_guest(guest)
        raise_if_invalid(guest_problems(guest))
        what = f"{GUEST} „{guest.name}“"
        with changing(self._db, what) as session:
            meeting = changeable_meeting(session, meeting_id)
            hold_council(session, meeting.council_id)  # the same guest added at once elsewhere
            refuse_twin(session, meeting, guest)
            before = None
            if guest.id is None:
                row = models.Guest(meeting_id=meeting.id)
                session.add(row)
            else:
                row = guest_row(session, meeting, guest.id, what)
                check_version(row, guest.version, what)
                before = audit.snapshot(row)
            row.name, row.affiliation, row.note = guest.name, guest.organisation, guest.role
            row.non_public_only, row.digital = guest.non_public_only, guest.digital
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE if before is None else AuditAction.UPDATE,
                "guest",
                row.id,
                council_id=meeting.council_id,
                summary=f"Gast {isolated(guest.name)} in {meeting_name(meeting, isolated)} "
                + ("eingetragen" if before is None else "geändert"),
                before=before,
                after=audit.snapshot(row),
            )
            return guest_entry(row)

    def remove_guest(self, meeting_id: int, guest: GuestEntry) -> None:
        what = f"{GUEST} „{guest.name}“"
        with changing(self._db, what) as session:
            meeting = changeable_meeting(session, meeting_id)
            row = guest_row(session, meeting, guest.id, what)
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
                summary=f"Gast {isolated(row.name)} aus {meeting_name(meeting, isolated)} entfernt",
                before=before,
            )
