"""What :mod:`services.attendance` refuses before it stores a line: a member's line for
someone not a member of the council on the meeting's day, an entry without a status or
with times and agenda items out of order (``domain.attendance_order``, a time away
``domain.step_outs``), a guest of
another meeting, and a guest the meeting has already."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.attendance_order import meeting_span, order_problems, time_problems
from expertenrat.domain.attendance_sheet import AttendanceEntry, GuestEntry
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.quorum import validate_attendance
from expertenrat.domain.step_outs import step_out_problems
from expertenrat.domain.text_folding import alike_key
from expertenrat.services.attendance_rows import agenda_refs, full_name, meeting_memberships
from expertenrat.services.unit_of_work import fetch, raise_if_invalid
from expertenrat.store import models


def refuse_non_member(
    session: Session,
    meeting: models.Meeting,
    membership: models.Membership,
    row: models.Attendance | None,
) -> None:
    """Refuse a first line (``row`` None) for someone not a member of the meeting's council
    on its day; a line already recorded stays changeable."""
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


def check_entry(session: Session, meeting: models.Meeting, entry: AttendanceEntry) -> None:
    """Refuse an entry without a status, or with times or agenda items out of order (a
    time away too: ``domain.step_outs``)."""
    if entry.status is None:
        raise ValidationError(
            [FieldProblem("status", "Bitte wählen Sie anwesend, entschuldigt oder abwesend.")]
        )
    span = meeting_span(meeting.starts_at, meeting.ends_at, meeting.opened_at, meeting.closed_at)
    raise_if_invalid(time_problems(entry, span))
    items = agenda_refs(session, meeting.id)
    raise_if_invalid(order_problems(items, entry))
    raise_if_invalid(step_out_problems(items, entry, span))
    validate_attendance([item.id for item in items], [entry.as_attendance()])


def guest_row(
    session: Session, meeting: models.Meeting, guest_id: int | None, what: str
) -> models.Guest:
    """The guest ``guest_id`` of ``meeting``; one gone or of another meeting is refused."""
    row = fetch(session, models.Guest, guest_id, what)
    if row.meeting_id != meeting.id:
        raise NotFoundError(f"{what} gehört nicht zu dieser Sitzung.")
    return row


def refuse_twin(session: Session, meeting: models.Meeting, guest: GuestEntry) -> None:
    """Refuse a guest the meeting has already (the same name and institution, in any case
    and spacing, a no-break space or two spaces aside): recorded on two PCs, one guest
    stood twice in the minutes (found by a tester)."""
    same = (alike_key(guest.name), alike_key(guest.organisation))
    others = session.scalars(
        select(models.Guest).where(
            models.Guest.meeting_id == meeting.id, models.Guest.id != (guest.id or 0)
        )
    )
    if any((alike_key(o.name), alike_key(o.affiliation)) == same for o in others):
        raise ValidationError(
            [
                FieldProblem(
                    "name",
                    f"„{guest.name}“ ist bei dieser Sitzung schon als Gast eingetragen, "
                    "vielleicht an einem anderen Arbeitsplatz.",
                )
            ]
        )
