"""Which meetings record each membership of a council: its attendance, the meetings it
chaired and the agenda items it was recused at (deleted items and meetings that hold no
term, deleted or cancelled ones, left out), as the first and the last of them
(``domain.member_history``).

An apology for a meeting still ahead (before its day only apologies are recorded) does not
hold a term: a member who resigns before that meeting simply does not come. Once the term
no longer covers the meeting, :func:`drop_apologies_outside_terms` removes the apology.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import Select, not_, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meetings import dated_meeting_label, meetings_named
from expertenrat.domain.member_history import Record, RecordedMeeting, RecordedSpan
from expertenrat.domain.members import Member
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.chairs_ahead import (
    ahead,
    ahead_and_not_held,
    holds_terms,
    labels_by_member,
    outside_terms,
)
from expertenrat.store import models

_Row = tuple[Record, int, int | None, str, datetime, str]


def recorded_spans(
    session: Session, council_id: int, today: date, *, chairs_ahead: bool = True
) -> dict[int, RecordedSpan]:
    """The first and last meeting recording each membership of the council that any
    meeting holding terms records (:func:`services.chairs_ahead.holds_terms`), by
    membership id (attendance only up to ``today``; without ``chairs_ahead``, the chair of
    a meeting ahead and not held is left out too: a changed term takes the member out
    there, :mod:`services.chairs_ahead`)."""
    meeting = models.Meeting
    columns = (meeting.number, meeting.kind, meeting.starts_at, meeting.title)
    live = (meeting.council_id == council_id, holds_terms())
    attendance = (
        select(models.Attendance.membership_id, *columns)
        .join(meeting, meeting.id == models.Attendance.meeting_id)
        .where(*live, not_(ahead(today)))
    )
    chair = select(meeting.chair_membership_id, *columns).where(
        *live, meeting.chair_membership_id.is_not(None)
    )
    if not chairs_ahead:
        chair = chair.where(not_(ahead_and_not_held(today)))
    item = models.AgendaItem
    recusals = (
        select(models.ConflictOfInterest.membership_id, *columns)
        .join(item, item.id == models.ConflictOfInterest.agenda_item_id)
        .join(meeting, meeting.id == item.meeting_id)
        .where(*live, item.deleted_at.is_(None))
    )
    queries = ((Record.ATTENDANCE, attendance), (Record.CHAIR, chair), (Record.RECUSAL, recusals))
    return _spans(_rows(session, queries))


def widening_warnings(
    session: Session, council_id: int, member: Member, stored: models.Membership | None
) -> list[FieldProblem]:
    """A warning where the member's changed term takes in meetings held that its ``stored``
    term did not (as its caller read it; None: not stored), whose attendance does not list
    the member: there the member would count as not recorded, against the quorum (a
    re-appointment after a break is a further term, not a longer one)."""
    if stored is None:
        return []
    meeting = models.Meeting
    listed = select(models.Attendance.meeting_id).where(
        models.Attendance.membership_id == member.id
    )
    held = session.execute(
        select(meeting.number, meeting.kind, meeting.starts_at, meeting.title)
        .where(
            meeting.council_id == council_id,
            meeting.deleted_at.is_(None),
            meeting.state == MeetingState.HELD.value,
            meeting.id.not_in(listed),
        )
        .order_by(meeting.starts_at)
    ).all()
    before = replace(member, term_start=stored.term_start, term_end=stored.term_end)
    taken_in = [
        (number, kind, starts_at.date(), title)
        for number, kind, starts_at, title in held
        if member.is_active(starts_at.date()) and not before.is_active(starts_at.date())
    ]
    if not taken_in:
        return []
    number, kind, day, title = taken_in[0]
    label = dated_meeting_label(number, MeetingKind(kind), day, title)
    more = len(taken_in) - 1
    also = f" (und {more} weiteren)" if more else ""
    later = stored.term_end is not None and day > stored.term_end
    return [
        FieldProblem(
            "term_end" if later else "term_start",
            f"Mit dieser Amtszeit wäre {member.full_name or 'das Mitglied'} auch bei der "
            f"{label}{also} Mitglied gewesen, steht dort aber nicht in der Anwesenheit. Nach "
            "einer Pause erneut berufen? Dann bitte „Weitere Amtszeit …“.",
            warning=True,
        )
    ]


def drop_apologies_outside_terms(
    session: Session, actor: str, council_id: int, members: Iterable[Member], today: date
) -> None:
    """Remove the attendance (apologies) of ``members`` as saved for meetings after
    ``today`` that their terms no longer cover, each audited."""
    outside = _apologies_outside_terms(session, council_id, members, today, isolated)
    for row, label, member in outside:
        remove_apology(session, actor, council_id, row, member.full_name, f"der {label}")
    session.flush()


def remove_apology(
    session: Session, actor: str, council_id: int, line: models.Attendance, name: str, where: str
) -> None:
    """Delete an apology outside the member's term, audited: "Anwesenheit von ``name`` in
    ``where`` entfernt: außerhalb der Amtszeit"."""
    before = audit.snapshot(line)
    session.delete(line)
    audit.record(
        session,
        actor,
        AuditAction.DELETE,
        "attendance",
        line.id,
        council_id=council_id,
        summary=f"Anwesenheit von {isolated(name)} in {where} entfernt: außerhalb der Amtszeit",
        before=before,
    )


def apologies_dropped(session: Session, council_id: int, member: Member, today: date) -> list[str]:
    """The meetings after ``today`` ("3. Sitzung am 11.12.2026") whose apology of the
    stored ``member`` saving its term as given would remove."""
    return [
        label for _row, label, _m in _apologies_outside_terms(session, council_id, [member], today)
    ]


def apologies_dropped_by_members(
    session: Session, council_id: int, members: Iterable[Member], today: date
) -> dict[int, list[str]]:
    """Per membership id among ``members`` (as they would be saved), the meetings after
    ``today`` whose apology of it saving the term would remove (:func:`apologies_dropped`
    for many at once: one query)."""
    return labels_by_member(_apologies_outside_terms(session, council_id, members, today))


def import_note(name: str, labels: list[str]) -> str:
    """What an import row that ends a term says of the apologies it removes."""
    return (
        f"Die Amtszeit deckt {meetings_named(labels, 'die')} nicht mehr: "
        f"{apologies_phrase(name, labels)} beim Import entfernt."
    )


def dropped_apologies_warnings(
    session: Session, council_id: int, member: Member, today: date
) -> list[FieldProblem]:
    """A warning beside the term's end where saving it removes apologies for meetings
    ahead, naming the meetings."""
    labels = apologies_dropped(session, council_id, member, today)
    if not labels:
        return []
    return [
        FieldProblem(
            "term_end",
            f"Die Amtszeit deckt {meetings_named(labels, 'die')} nicht mehr: "
            f"{apologies_phrase(member.full_name, labels)} beim Speichern entfernt.",
            warning=True,
        )
    ]


def apologies_phrase(name: str, labels: list[str]) -> str:
    """ "die Entschuldigung von Anna Berg dafür wird" (plural: "… werden")."""
    who = f" von {name}" if name else ""
    if len(labels) == 1:
        return f"die Entschuldigung{who} dafür wird"
    return f"die Entschuldigungen{who} dafür werden"


def _apologies_outside_terms(
    session: Session,
    council_id: int,
    members: Iterable[Member],
    today: date,
    shown: Callable[[str], str] = str,
) -> list[tuple[models.Attendance, str, Member]]:
    """The attendance lines of ``members`` saved for meetings after ``today`` that their
    terms do not cover, each with the meeting's label (``shown`` applied to its title), in
    the meetings' order."""
    attendance = models.Attendance
    lines = (
        select(attendance, attendance.membership_id)
        .join(models.Meeting, models.Meeting.id == attendance.meeting_id)
        .where(ahead(today))
    )
    return outside_terms(session, council_id, lines, members, shown)


def _rows(session: Session, queries: Iterable[tuple[Record, Select]]) -> Iterable[_Row]:
    for how, query in queries:
        for row in session.execute(query):
            yield (how, *row)


def _spans(rows: Iterable[_Row]) -> dict[int, RecordedSpan]:
    spans: dict[int, RecordedSpan] = {}
    for how, membership_id, number, kind, starts_at, title in rows:
        day = starts_at.date()
        label = dated_meeting_label(number, MeetingKind(kind), day, title)
        found = RecordedMeeting(label, day, how)
        span = spans.get(membership_id)
        spans[membership_id] = RecordedSpan(found, found) if span is None else span.widened(found)
    return spans
