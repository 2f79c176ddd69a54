"""Reading a meeting's sign-in sheet (:mod:`domain.attendance_list`) out of the store: the
members active on the meeting's day by name with role and primary action field (and whether
their attendance says "entschuldigt"), the guests recorded for it and the presenters its
agenda names."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.attendance_list import AttendanceListDocument, ListedMember, known_guests
from expertenrat.domain.enums import AttendanceStatus, MemberRole
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.services.attendance_rows import full_name, meeting_memberships, sort_name
from expertenrat.services.attendance_sheets import guest_entry
from expertenrat.store import models


def attendance_list_of(
    session: Session, meeting: models.Meeting, doc: MeetingDocument
) -> AttendanceListDocument:
    """The sign-in sheet of ``meeting``, whose invitation document is ``doc``."""
    council = session.get(models.Council, meeting.council_id)
    assert council is not None  # a foreign key with ON DELETE CASCADE
    titles = council.role_titles
    memberships = sorted(meeting_memberships(session, meeting), key=sort_name)
    fields = dict(
        session.execute(
            select(models.ActionField.id, models.ActionField.name).where(
                models.ActionField.id.in_({m.primary_field_id for m in memberships})
            )
        ).all()
    )
    excused = set(
        session.scalars(
            select(models.Attendance.membership_id).where(
                models.Attendance.meeting_id == meeting.id,
                models.Attendance.status == AttendanceStatus.EXCUSED.value,
            )
        )
    )
    members = tuple(
        ListedMember(
            full_name(m),
            titles.of(MemberRole(m.role)),
            fields.get(m.primary_field_id, ""),
            m.id in excused,
        )
        for m in memberships
    )
    guests = session.scalars(
        select(models.Guest).where(models.Guest.meeting_id == meeting.id).order_by(models.Guest.id)
    )
    return AttendanceListDocument(
        doc, members, known_guests((guest_entry(g) for g in guests), doc.agenda)
    )
