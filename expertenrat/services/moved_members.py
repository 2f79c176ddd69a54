"""A meeting moved to another day must still have as members everyone it records: its
attendance (but the apologies of a meeting still to be held, which go with the move:
:mod:`services.moved_apologies`) and its recusals. A held meeting whose minutes are not
yet approved can still be moved (a date typed wrong); moved to a day outside the term of
a member it records, its attendance, quorum and minutes would lose that member, and
"Datenbank prüfen" would report the meeting. So the move is refused, naming them and the
chair it would keep if no member on that day; a chair chosen who is no member on the
meeting's day is refused too (:func:`chair_problems`)."""

from __future__ import annotations

from datetime import date
from types import EllipsisType

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.member_history import Record
from expertenrat.domain.wording import listed
from expertenrat.services.attendance_rows import active_on, full_name, sort_name
from expertenrat.store import models


def moved_member_problems(
    session: Session,
    meeting: models.Meeting,
    day: date,
    chair: int | EllipsisType | None = ...,
) -> list[FieldProblem]:
    """An error where the stored ``meeting``, moved to ``day``, records members whose
    term does not cover that day, or has a ``chair`` (``...``: the stored one) whose term
    does not: "Die Sitzung kann nicht auf den 01.04.2027 gelegt werden: an diesem Tag ist
    Anna Berg (in der Anwesenheit erfasst) kein Mitglied des Gremiums. …"."""
    recorded = _recorded(session, meeting, meeting.chair_membership_id if chair is ... else chair)
    outside = [(member, how) for member, how in recorded.values() if not active_on([member], day)]
    if not outside:
        return []
    found = [f"{full_name(member)} ({how})" for member, how in outside]
    if len(found) == 1:
        who = f"ist {found[0]} kein Mitglied"
    else:
        who = f"sind {listed(found)} keine Mitglieder"
    hows = {how for _member, how in outside}
    checked = ["das Datum", "die Amtszeit"]
    checked += ["die Anwesenheit"] if hows - {Record.CHAIR} else []
    checked += ["die Sitzungsleitung"] if Record.CHAIR in hows else []
    return [
        FieldProblem(
            "dates",
            f"Die Sitzung kann nicht auf den {day:%d.%m.%Y} gelegt werden: an diesem Tag "
            f"{who} des Gremiums. Bitte prüfen Sie {listed(checked, last='oder')}.",
        )
    ]


def _recorded(
    session: Session, meeting: models.Meeting, chair: int | None
) -> dict[int, tuple[models.Membership, Record]]:
    """The memberships the meeting records and its ``chair``, by id, each with how
    (attendance first, the chair last), in the order of their names."""
    attendance = select(models.Membership).join(
        models.Attendance, models.Attendance.membership_id == models.Membership.id
    )
    attendance = attendance.where(models.Attendance.meeting_id == meeting.id)
    if meeting.state in NOT_YET_HELD:  # its apologies go with the move
        attendance = attendance.where(models.Attendance.status != AttendanceStatus.EXCUSED.value)
    item = models.AgendaItem
    recusals = (
        select(models.Membership)
        .join(
            models.ConflictOfInterest,
            models.ConflictOfInterest.membership_id == models.Membership.id,
        )
        .join(item, item.id == models.ConflictOfInterest.agenda_item_id)
        .where(item.meeting_id == meeting.id, item.deleted_at.is_(None))
    )
    queries = [(Record.ATTENDANCE, attendance), (Record.RECUSAL, recusals)]
    if chair is not None:  # one gone or of another council: chair_problems
        chairing = select(models.Membership).where(
            models.Membership.id == chair,
            models.Membership.council_id == meeting.council_id,
            models.Membership.deleted_at.is_(None),
        )
        queries.append((Record.CHAIR, chairing))
    found: dict[int, tuple[models.Membership, Record]] = {}
    for how, query in queries:
        for member in session.scalars(query.options(selectinload(models.Membership.person))):
            found.setdefault(member.id, (member, how))
    return dict(sorted(found.items(), key=lambda entry: sort_name(entry[1][0])))


def chair_problems(
    session: Session, council_id: int, membership_id: int | None, day: date
) -> list[FieldProblem]:
    """Why ``membership_id`` cannot chair a meeting of the council on ``day`` (German),
    naming a member whose term does not cover the day: "Die Sitzungsleitung muss am Tag
    der Sitzung (24.03.2026) Mitglied sein: an diesem Tag ist Olga Roth kein Mitglied des
    Gremiums."."""
    if membership_id is None:
        return []
    membership = session.get(models.Membership, membership_id)
    if (
        membership is None
        or membership.deleted_at is not None
        or membership.council_id != council_id
    ):
        return [FieldProblem("chair", "Die Sitzungsleitung muss Mitglied des Gremiums sein.")]
    if active_on([membership], day):
        return []
    return [
        FieldProblem(
            "chair",
            f"Die Sitzungsleitung muss am Tag der Sitzung ({day:%d.%m.%Y}) Mitglied sein: an "
            f"diesem Tag ist {full_name(membership)} kein Mitglied des Gremiums.",
        )
    ]
