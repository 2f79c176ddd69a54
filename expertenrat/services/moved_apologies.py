"""Apologies for a planned or invited meeting moved to a day that the term of the member
excused no longer covers (or does not cover yet): on the new day the person is no member,
so the apology goes, as when a term is ended (:mod:`services.member_history`); the
meeting's form warns before it is saved, and the quorum counts the members of the new
day. Before, the apology stayed: the Anwesenheit tab and the quorum forecast counted the
former member among the voting members, and "Datenbank prüfen" reported the meeting."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.wording import isolated, listed
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_rows import active_on, full_name
from expertenrat.services.member_history import remove_apology
from expertenrat.store import models


def apologies_outside(
    session: Session, meeting_id: int, day: date
) -> list[tuple[models.Attendance, models.Membership]]:
    """The apologies for the meeting of members whose term does not cover ``day``."""
    rows = session.execute(
        select(models.Attendance, models.Membership)
        .join(models.Membership, models.Membership.id == models.Attendance.membership_id)
        .options(selectinload(models.Membership.person))
        .where(
            models.Attendance.meeting_id == meeting_id,
            models.Attendance.status == AttendanceStatus.EXCUSED.value,
        )
    ).all()
    return [(line, member) for line, member in rows if not active_on([member], day)]


def moved_apology_warnings(
    session: Session, clock: CouncilClock, meeting_id: int | None, draft: MeetingDraft
) -> list[FieldProblem]:
    """A warning where saving the meeting on the draft's day removes apologies (see the
    module): "Am 01.04.2027 ist Ödön Pál kein Mitglied: die Entschuldigung dafür wird beim
    Speichern entfernt."."""
    row = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    if row is None or row.state not in NOT_YET_HELD:
        return []
    day = clock.wall(draft.start).date()
    names = [full_name(member) for _line, member in apologies_outside(session, row.id, day)]
    if not names:
        return []
    if len(names) == 1:
        rest = "ist {} kein Mitglied des Gremiums: die Entschuldigung dafür wird"
    else:
        rest = "sind {} keine Mitglieder des Gremiums: die Entschuldigungen dafür werden"
    return [
        FieldProblem(
            "dates",
            f"Am {day:%d.%m.%Y} {rest.format(listed(names))} beim Speichern entfernt.",
            True,
        )
    ]


def drop_moved_apologies(session: Session, actor: str, meeting: models.Meeting) -> None:
    """Remove the apologies :func:`apologies_outside` names for the meeting's (new) day,
    each audited; only for a meeting still to be held."""
    if meeting.state not in NOT_YET_HELD:
        return
    where = meeting_name(meeting, isolated)
    for line, member in apologies_outside(session, meeting.id, meeting.starts_at.date()):
        remove_apology(session, actor, meeting.council_id, line, full_name(member), where)
    session.flush()
