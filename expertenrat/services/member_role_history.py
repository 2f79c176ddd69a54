"""A membership has one role for its whole term: a role changed by editing it is the role
of every meeting of the term. Approved minutes are frozen; those not yet approved of meetings
held (circulated or drafts) would name the member in the new role, so the member dialog
warns before saving (:func:`role_change_warnings`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.councils import RoleTitles
from expertenrat.domain.enums import MeetingKind, MeetingState, MemberRole, MinutesState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.members import Member
from expertenrat.services.member_history import meetings_named
from expertenrat.store import models


def role_change_warnings(
    session: Session, member: Member, titles: RoleTitles
) -> list[FieldProblem]:
    """A warning where ``member``'s role differs from the stored one while minutes not yet
    approved of held meetings list the member in their attendance."""
    stored = session.get(models.Membership, member.id) if member.id is not None else None
    if stored is None or stored.role == member.role.value:
        return []
    meeting = models.Meeting
    approved = select(models.MinutesVersion.meeting_id).where(
        models.MinutesVersion.state == MinutesState.APPROVED.value
    )
    held = session.execute(
        select(meeting.number, meeting.kind, meeting.starts_at, meeting.title)
        .join(models.Attendance, models.Attendance.meeting_id == meeting.id)
        .where(
            models.Attendance.membership_id == member.id,
            meeting.deleted_at.is_(None),
            meeting.state == MeetingState.HELD.value,
            meeting.id.not_in(approved),
        )
        .order_by(meeting.starts_at, meeting.id)
    ).all()
    if not held:
        return []
    labels = [
        dated_meeting_label(number, MeetingKind(kind), starts_at.date(), title)
        for number, kind, starts_at, title in held
    ]
    one = len(labels) == 1
    minutes = (
        "das noch nicht genehmigte Protokoll" if one else "die noch nicht genehmigten Protokolle"
    )
    names = "nennt" if one else "nennen"
    before = titles.of(MemberRole(stored.role))
    return [
        FieldProblem(
            "role",
            f"Die Rolle gilt für die ganze Amtszeit: {minutes} {meetings_named(labels, 'der')} "
            f"{names} {member.full_name or 'das Mitglied'} dann als {titles.of(member.role)} "
            f"statt als {before}. Wechselt die Rolle erst jetzt, bitte die Amtszeit beenden "
            "(„Amtszeit beenden …“) und mit „Weitere Amtszeit …“ in der neuen Rolle "
            "fortsetzen.",
            warning=True,
        )
    ]
