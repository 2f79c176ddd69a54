"""The meetings' part of the Auskunft nach Art. 15 DSGVO (:mod:`services.person_disclosure`):
the person's attendance and the invitations sent on to them, conflicts of interest and
recusals, and where the minutes of any council name them (the chair, an objection raised,
a guest of that name, the family name in a text of the minutes)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.enums import AttendanceStatus, ConflictDecision, ConflictOrigin
from expertenrat.domain.minutes_attendees import DIGITAL, partial_attendance, time_away
from expertenrat.domain.name_mentions import NamePattern, clipped, family_name_pattern, found
from expertenrat.domain.person_disclosure import DisclosureSection, mentions_table
from expertenrat.store import models

_ITEM_TEXTS = ("title", "presenter", "discussion", "motion_text", "resolution_text")
_MEETING_TEXTS = ("minute_taker", "notes", "agenda_changes", "cancellation_reason")


def meeting_label(meeting: models.Meeting, councils: dict[int, str] | None) -> str:
    """ "5. Sitzung am 15.01.2026", with ``councils`` headed by the council's name."""
    number = f"{meeting.number}. " if meeting.number else ""
    text = f"{number}Sitzung am {meeting.starts_at:%d.%m.%Y}"
    return f"{councils.get(meeting.council_id, '')}: {text}" if councils else text


def item_label(item: models.AgendaItem | None) -> str:
    """ "TOP 3 Haushalt" (empty: no item)."""
    return f"TOP {item.number} {item.title}" if item is not None else ""


def _ids(memberships: list[models.Membership]) -> list[int]:
    return [m.id for m in memberships]


def attendance_section(
    session: Session, memberships: list[models.Membership], councils: dict[int, str] | None
) -> DisclosureSection:
    """One query: the attendances with their meetings, the numbers of the items of arrival
    and departure, the first sub-item of the latter and those of a time away (worded as
    the minutes do: :func:`partial_attendance`, :func:`time_away`); and one for the
    invitations sent on to the person ("Einladung nachgesandt am …"), beside the
    attendance at that meeting or, none recorded yet, a line of their own."""
    came, went, sub, away, back = (aliased(models.AgendaItem) for _ in range(5))
    first_sub = (
        select(sub.number)
        .where(sub.parent_id == went.id, sub.deleted_at.is_(None))
        .order_by(sub.position, sub.id)
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            models.Attendance,
            models.Meeting,
            came.number,
            went.number,
            first_sub,
            away.number,
            back.number,
        )
        .join(models.Meeting, models.Meeting.id == models.Attendance.meeting_id)
        .outerjoin(came, came.id == models.Attendance.arrived_item_id)
        .outerjoin(went, went.id == models.Attendance.left_item_id)
        .outerjoin(away, away.id == models.Attendance.away_item_id)
        .outerjoin(back, back.id == models.Attendance.back_item_id)
        .where(models.Attendance.membership_id.in_(_ids(memberships)))
        .where(models.Meeting.deleted_at.is_(None))
    )
    sent_on = _sent_on(session, memberships)
    rows = []
    for attendance, meeting, came_number, went_number, before, *away_back in session.execute(query):
        partial = partial_attendance(
            came_number or "",
            attendance.arrived_at,
            went_number or "",
            attendance.left_at,
            before or "",
        )
        gone = time_away(
            away_back[0] or "", attendance.away_at, away_back[1] or "", attendance.back_at
        )
        parts = [p for p in (partial, gone) if p]
        if attendance.digital:
            parts.append(DIGITAL)
        if not attendance.voting_right:
            parts.append("ohne Stimmrecht")
        late = sent_on.pop(meeting.id, None)
        if late is not None:
            parts.append(f"Einladung nachgesandt am {late[1]:%d.%m.%Y}")
        status = AttendanceStatus(attendance.status).label
        where = (meeting.starts_at, meeting.id, attendance.id)
        rows.append((where, (meeting_label(meeting, councils), status, ", ".join(parts) or "–")))
    for meeting, day in sent_on.values():  # no attendance recorded (yet)
        note = f"Einladung nachgesandt am {day:%d.%m.%Y}"
        rows.append(
            ((meeting.starts_at, meeting.id, 0), (meeting_label(meeting, councils), "–", note))
        )
    return DisclosureSection(
        "Anwesenheit in Sitzungen",
        ("Sitzung", "Anwesenheit", "Anmerkung"),
        (0.45, 0.2, 0.35),
        tuple(row for _where, row in sorted(rows)),
        "Keine Anwesenheit erfasst.",
    )


def _sent_on(
    session: Session, memberships: list[models.Membership]
) -> dict[int, tuple[models.Meeting, date]]:
    """The meetings whose invitation was sent on to the person, by id, with the day."""
    query = (
        select(models.Meeting, models.LateInvitation.sent_on)
        .join(models.LateInvitation, models.LateInvitation.meeting_id == models.Meeting.id)
        .where(models.LateInvitation.membership_id.in_(_ids(memberships)))
        .where(models.Meeting.deleted_at.is_(None))
    )
    return {meeting.id: (meeting, day) for meeting, day in session.execute(query)}


def conflicts_section(
    session: Session, memberships: list[models.Membership], councils: dict[int, str] | None
) -> DisclosureSection:
    query = (
        select(models.ConflictOfInterest, models.AgendaItem, models.Meeting)
        .join(models.AgendaItem, models.AgendaItem.id == models.ConflictOfInterest.agenda_item_id)
        .join(models.Meeting, models.Meeting.id == models.AgendaItem.meeting_id)
        .where(models.ConflictOfInterest.membership_id.in_(_ids(memberships)))
        .where(models.Meeting.deleted_at.is_(None), models.AgendaItem.deleted_at.is_(None))
        .order_by(models.Meeting.starts_at, models.AgendaItem.number, models.ConflictOfInterest.id)
    )
    rows = []
    for conflict, item, meeting in session.execute(query):
        decision = ConflictDecision(conflict.decision).label
        if conflict.decided_by:
            decision += f" – durch {conflict.decided_by}"
        if conflict.decision_reason:
            decision += f": {conflict.decision_reason}"
        rows.append(
            (
                f"{meeting_label(meeting, councils)}\n{item_label(item)}",
                f"{conflict.reason or '–'} ({ConflictOrigin(conflict.origin).label})",
                decision,
            )
        )
    return DisclosureSection(
        "Befangenheit und Ausschluss von Beratungen",
        ("Sitzung und Tagesordnungspunkt", "Grund (Herkunft)", "Entscheidung"),
        (0.38, 0.32, 0.30),
        tuple(rows),
        "Keine Befangenheit erklärt oder festgestellt.",
    )


def mentions_section(
    session: Session,
    family_name: str,
    memberships: list[models.Membership],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """Every council's minutes are searched: a person may be named in another's (a guest,
    a presenter); those name their council, as all do for a member of several (and for a
    guest, who is a member of none). ``former``: the person's earlier family names (a
    marriage), searched too."""
    former = earlier_names(family_name, former)
    name = name_pattern(family_name, former)
    ids = set(_ids(memberships))
    own = {m.council_id for m in memberships}
    meetings = list(
        session.scalars(
            select(models.Meeting)
            .where(models.Meeting.deleted_at.is_(None))
            .order_by(models.Meeting.starts_at, models.Meeting.id)
        )
    )
    parts = _MeetingParts(session)
    rows = []
    for meeting in meetings:
        named = councils if len(own) > 1 or meeting.council_id not in own else None
        rows += [
            (meeting_label(meeting, named), where, excerpt)
            for where, excerpt in _in_meeting(meeting, parts, name, ids)
        ]
    return mentions_table(
        "Nennungen in Protokollen",
        "Sitzung",
        rows,
        "Der Name kommt in keinem Protokoll vor.",
        former,
        more=" Genehmigte Protokolle sind zudem als PDF unveränderlich gespeichert, mit den "
        "Nennungen, wie sie bei der Genehmigung lauteten.",
    )


def earlier_names(family_name: str, former: list[str]) -> list[str]:
    """The person's earlier family names, once each, without the present one."""
    return [f for f in dict.fromkeys(former) if f and f != family_name]


def name_pattern(family_name: str, former: list[str]) -> NamePattern:
    """The family name and the ``former`` ones, each as a whole word, in any case, accents aside."""
    return family_name_pattern([family_name, *former])


class _MeetingParts:
    """The agenda items, guests and objections of every meeting, read in three queries."""

    def __init__(self, session: Session) -> None:
        self.items: dict[int, list[models.AgendaItem]] = defaultdict(list)
        self.guests: dict[int, list[models.Guest]] = defaultdict(list)
        self.objections: dict[int, list[models.Objection]] = defaultdict(list)
        for item in session.scalars(
            select(models.AgendaItem).where(models.AgendaItem.deleted_at.is_(None))
        ):
            self.items[item.meeting_id].append(item)
        for guest in session.scalars(select(models.Guest).order_by(models.Guest.id)):
            self.guests[guest.meeting_id].append(guest)
        objections = session.execute(
            select(models.MinutesVersion.meeting_id, models.Objection)
            .join(models.MinutesVersion)
            .order_by(models.Objection.raised_on, models.Objection.id)
        )
        for meeting_id, objection in objections:
            self.objections[meeting_id].append(objection)


def _in_meeting(
    meeting: models.Meeting, parts: _MeetingParts, name: NamePattern, ids: set[int]
) -> Iterator[tuple[str, str]]:
    if meeting.chair_membership_id in ids:
        yield "Sitzungsleitung", "–"
    for field in _MEETING_TEXTS:
        yield from found(field_label("meeting", field), getattr(meeting, field), name)
    for guest in parts.guests[meeting.id]:
        if name.search(guest.name):
            yield "Gast", ", ".join(filter(None, (guest.name, guest.affiliation, guest.note)))
    items = parts.items[meeting.id]
    for item in sorted(items, key=lambda i: [int(p) for p in re.findall(r"\d+", i.number)]):
        for field in _ITEM_TEXTS:
            where = f"{item_label(item)} – {field_label('agenda_item', field)}"
            yield from found(where, getattr(item, field), name)
    for objection in parts.objections[meeting.id]:
        mine = objection.membership_id in ids or name.search(objection.raised_by)
        where = f"Einwand vom {objection.raised_on:%d.%m.%Y}"
        if mine:
            yield f"{where} (erhoben)", clipped(objection.text, 0, len(objection.text))
        else:
            yield from found(where, objection.text, name)
