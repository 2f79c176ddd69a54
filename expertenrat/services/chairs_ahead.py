"""A member set as the chair (Sitzungsleitung) of meetings still ahead whose day the end of
their term leaves out: "Amtszeit beenden" names those meetings in its question and, once
confirmed, takes the member out as their chair, each change audited, so that the
secretariat can name another. Only planned and invited meetings after today: a held
meeting keeps its chair and still holds the term (:mod:`services.member_history`), as does
a cancelled one, which no longer changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingKind
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.members import Member
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.store import models


def ahead_and_not_held(today: date) -> ColumnElement[bool]:
    """A meeting planned or invited for a day after ``today``: its chair does not hold a
    term, "Amtszeit beenden" takes the member out as chair instead."""
    after_today = datetime.combine(today + timedelta(days=1), time())
    return and_(models.Meeting.starts_at >= after_today, models.Meeting.state.in_(NOT_YET_HELD))


def chaired_ahead(
    session: Session,
    council_id: int,
    member: Member,
    today: date,
    shown: Callable[[str], str] = str,
) -> list[tuple[models.Meeting, str]]:
    """The meetings ahead (:func:`ahead_and_not_held`) ``member``, with the term as it would
    be saved, chairs but no longer covers, each with its label ("1. Sitzung am 14.01.2027";
    ``shown`` applied to its title), in the meetings' order."""
    rows = session.scalars(
        select(models.Meeting)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.chair_membership_id == member.id,
            ahead_and_not_held(today),
        )
        .order_by(models.Meeting.starts_at, models.Meeting.id)
    ).all()
    found = []
    for row in rows:
        day = row.starts_at.date()
        if not member.is_active(day):
            label = dated_meeting_label(row.number, MeetingKind(row.kind), day, row.title, shown)
            found.append((row, label))
    return found


def clear_chairs_ahead(
    session: Session, actor: str, council_id: int, member: Member, today: date
) -> None:
    """Take ``member`` (its term as saved) out as the chair of the meetings
    :func:`chaired_ahead` names, each audited."""
    for row, label in chaired_ahead(session, council_id, member, today, isolated):
        before = audit.snapshot(row)
        row.chair_membership_id = None
        session.flush()
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "meeting",
            row.id,
            council_id=council_id,
            summary=f"Sitzungsleitung der {label} entfernt: die Amtszeit von "
            f"{isolated(member.full_name)} endet vorher",
            before=before,
            after=audit.snapshot(row),
        )
