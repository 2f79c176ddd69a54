"""A membership has one role for its whole term: a role changed by editing it is the role
of every meeting of the term. Approved minutes are frozen; those not yet approved of meetings
held (circulated or drafts) would name the member in the new role, so the member dialog
warns before saving (:func:`role_change_warnings`), as it does where a member leaving the
chair still chairs (Sitzungsleitung) meetings planned or invited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from expertenrat.domain.councils import RoleTitles
from expertenrat.domain.enums import MeetingKind, MeetingState, MemberRole, MinutesState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.meetings import dated_meeting_label, meetings_named
from expertenrat.domain.members import Member
from expertenrat.store import models


def role_change_warnings(
    session: Session, member: Member, titles: RoleTitles, stored: MemberRole | None
) -> list[FieldProblem]:
    """Warnings where ``member``'s role differs from the ``stored`` one (as its caller read
    it; None: not stored) while minutes not yet approved of held meetings list the member
    in their attendance, or while the member, no longer chair, chairs meetings planned or
    invited."""
    if stored is None or stored is member.role:
        return []
    # the titles inside a sentence: "dann stellv. Vorsitz statt Vorsitz"
    change = (titles.in_sentence(member.role), titles.in_sentence(stored))
    left_chair = stored is MemberRole.CHAIR
    chairs = _chair_warnings(session, member, change) if left_chair else []
    return _minutes_warnings(session, member, change) + chairs


def _chair_warnings(
    session: Session, member: Member, change: tuple[str, str]
) -> list[FieldProblem]:
    """A warning where a member leaving the chair (``change``: the titles after and
    before) still chairs (Sitzungsleitung) meetings planned or invited, naming them: the
    secretariat names another there, or keeps the member on purpose."""
    meeting = models.Meeting
    chaired = session.execute(
        select(meeting.number, meeting.kind, meeting.starts_at, meeting.title)
        .where(
            meeting.chair_membership_id == member.id,
            meeting.deleted_at.is_(None),
            meeting.state.in_(NOT_YET_HELD),
        )
        .order_by(meeting.starts_at, meeting.id)
    ).all()
    if not chaired:
        return []
    labels = _labels(chaired)
    after, before = change
    these = "diese Sitzung" if len(labels) == 1 else "diese Sitzungen"
    return [
        FieldProblem(
            "role",
            f"{member.full_name or 'Das Mitglied'} ist als Sitzungsleitung "
            f"{meetings_named(labels, 'der')} eingetragen und dann {after} "
            f"statt {before}. Soll jemand anderes {these} leiten, bitte dort die "
            "Sitzungsleitung ändern.",
            warning=True,
        )
    ]


def _minutes_warnings(
    session: Session, member: Member, change: tuple[str, str]
) -> list[FieldProblem]:
    """The warning of :func:`role_change_warnings` for minutes not yet approved."""
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
    labels = _labels(held)
    after, before = change
    one = len(labels) == 1
    minutes = (
        "das noch nicht genehmigte Protokoll" if one else "die noch nicht genehmigten Protokolle"
    )
    names = "nennt" if one else "nennen"
    return [
        FieldProblem(
            "role",
            f"Die Rolle gilt für die ganze Amtszeit: {minutes} {meetings_named(labels, 'der')} "
            f"{names} {member.full_name or 'das Mitglied'} dann als {after} "
            f"statt als {before}. Wechselt die Rolle erst jetzt, bitte die Amtszeit beenden "
            "(„Amtszeit beenden …“) und mit „Weitere Amtszeit …“ in der neuen Rolle "
            "fortsetzen.",
            warning=True,
        )
    ]


def _labels(rows: Iterable[Row[tuple[int | None, str, datetime, str]]]) -> list[str]:
    return [
        dated_meeting_label(number, MeetingKind(kind), starts_at.date(), title)
        for number, kind, starts_at, title in rows
    ]
