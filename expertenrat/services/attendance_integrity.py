"""The integrity check's rules for who is at and invited to a meeting: each attendance
line names a member of the meeting's council whose term covers the meeting's day, where
the meeting holds terms (``chairs_ahead.holds_terms``): a cancelled meeting's lines stay
as its history; each invitation sent on late names a member of the meeting's council.
Deleted meetings are left out, as in ``integrity``."""

from __future__ import annotations

from sqlalchemy import Connection, select

from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.services.chairs_ahead import holds_terms
from expertenrat.services.integrity_meetings import MEETING, meeting_label
from expertenrat.store.models import Attendance, LateInvitation, Meeting, Membership, Person


def attendance_findings(connection: Connection) -> list[Finding]:
    """Attendance lines of members of another council, or outside their terms at a meeting
    that holds terms, in the order of the meetings."""
    query = (
        select(
            *MEETING,
            Meeting.council_id,
            holds_terms(),
            Membership.council_id,
            Membership.term_start,
            Membership.term_end,
            Person.given_name,
            Person.family_name,
        )
        .select_from(Attendance)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Membership, Membership.id == Attendance.membership_id)
        .join(Person, Person.id == Membership.person_id)
        .where(Meeting.deleted_at.is_(None))
        .order_by(Meeting.starts_at, Attendance.id)
    )
    findings = []
    for (
        number,
        kind,
        starts_at,
        title,
        council,
        holds,
        member_council,
        start,
        end,
        given,
        family,
    ) in connection.execute(query):
        day = starts_at.date()
        outside = day < start or (end is not None and day > end)
        if council != member_council or (holds and outside):
            meeting = meeting_label(number, kind, starts_at, title)
            findings.append(
                Finding(
                    FindingKind.ATTENDANCE,
                    f"{meeting}: {given} {family} steht in der Anwesenheit, war an "
                    "diesem Tag aber kein Mitglied des Gremiums.",
                )
            )
    return findings


def late_invitation_findings(connection: Connection) -> list[Finding]:
    """Invitations sent on late to a member of another council than the meeting's (only a
    change made around the program can record one), in the order of the meetings."""
    query = (
        select(
            *MEETING,
            Person.given_name,
            Person.family_name,
        )
        .select_from(LateInvitation)
        .join(Meeting, Meeting.id == LateInvitation.meeting_id)
        .join(Membership, Membership.id == LateInvitation.membership_id)
        .join(Person, Person.id == Membership.person_id)
        .where(Meeting.deleted_at.is_(None), Membership.council_id != Meeting.council_id)
        .order_by(Meeting.starts_at, LateInvitation.id)
    )
    return [
        Finding(
            FindingKind.INVITATION,
            f"{meeting_label(number, kind, starts_at, title)}: "
            f"Die nachgesandte Einladung an {given} {family} gilt einem Mitglied eines "
            "anderen Gremiums.",
        )
        for number, kind, starts_at, title, given, family in connection.execute(query)
    ]
