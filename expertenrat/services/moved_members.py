"""A meeting moved to another day must still have as members everyone it records: its
attendance (but the apologies of a meeting still to be held, which go with the move:
:mod:`services.moved_apologies`) and its recusals. A held meeting whose minutes are not
yet approved can still be moved (a date typed wrong); moved to a day outside the term of
a member it records, its attendance, quorum and minutes would lose that member, and
"Datenbank prüfen" would report the meeting. So the move is refused, naming them; so is
a chair who is no member on the meeting's day (:func:`chair_problems`, also where the
chair is chosen)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.member_history import Record
from expertenrat.domain.wording import listed
from expertenrat.services.attendance_rows import active_on, full_name
from expertenrat.store import models


def moved_member_problems(
    session: Session, meeting: models.Meeting, day: date
) -> list[FieldProblem]:
    """An error where the stored ``meeting``, moved to ``day``, records members whose
    term does not cover that day: "Die Sitzung kann nicht auf den 01.04.2027 gelegt werden:
    an diesem Tag ist Anna Berg (in der Anwesenheit erfasst) kein Mitglied des Gremiums.
    …"."""
    found = [
        f"{full_name(member)} ({how})"
        for member, how in _recorded(session, meeting).values()
        if not active_on([member], day)
    ]
    if not found:
        return []
    if len(found) == 1:
        outside = f"ist {found[0]} kein Mitglied"
    else:
        outside = f"sind {listed(found)} keine Mitglieder"
    return [
        FieldProblem(
            "dates",
            f"Die Sitzung kann nicht auf den {day:%d.%m.%Y} gelegt werden: an diesem Tag "
            f"{outside} des Gremiums. Bitte prüfen Sie das Datum, die Amtszeit oder die "
            "Anwesenheit.",
        )
    ]


def _recorded(
    session: Session, meeting: models.Meeting
) -> dict[int, tuple[models.Membership, Record]]:
    """The memberships the meeting records, by id, each with how (attendance first), in
    the order of their names."""
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
    found: dict[int, tuple[models.Membership, Record]] = {}
    for how, query in ((Record.ATTENDANCE, attendance), (Record.RECUSAL, recusals)):
        for member in session.scalars(query.options(selectinload(models.Membership.person))):
            found.setdefault(member.id, (member, how))
    return dict(sorted(found.items(), key=lambda entry: full_name(entry[1][0])))


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
