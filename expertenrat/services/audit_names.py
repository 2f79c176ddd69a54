"""The names of the records the fields of audit entries refer to by number, so that the
Änderungsprotokoll shows "9. Sitzung (Nr. 8)" where the entry holds ``meeting_id: 8``.

Deleted records are named too (a meeting or member deleted since is still the one the
entry meant); a record removed outright has no name, and the page shows its number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.audit_fields import AuditLine, Names, references
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meetings import dated_meeting_label, list_label
from expertenrat.store import models

Shown = Callable[[str], str]
_CHUNK = 500  # numbers per query: far below what either database takes in one IN (…)


def reference_names(
    session: Session, lines: Iterable[AuditLine], shown: Callable[[str], str] = str
) -> Names:
    """The name of every record the fields of ``lines`` refer to, by (kind, number);
    ``shown`` applied to what the user typed in it (a title, a person's name: the page
    sets a right-to-left one apart, :func:`~expertenrat.domain.wording.isolated`)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for kind, number in references((line.before, line.after) for line in lines):
        wanted[kind].add(number)
    names: dict[tuple[str, int], str] = {}
    for kind, numbers in wanted.items():
        ordered = sorted(numbers)
        for start in range(0, len(ordered), _CHUNK):  # a whole trail's export names many
            for number, name in _NAMERS[kind](session, ordered[start : start + _CHUNK], shown):
                if name:
                    names[(kind, number)] = name
    return names


def _councils(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    rows = session.execute(
        select(models.Council.id, models.Council.name).where(models.Council.id.in_(ids))
    )
    return [(council_id, shown(name)) for council_id, name in rows]


def _meetings(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    rows = session.execute(
        select(
            models.Meeting.id,
            models.Meeting.number,
            models.Meeting.kind,
            models.Meeting.starts_at,
            models.Meeting.title,
        ).where(models.Meeting.id.in_(ids))
    )
    for meeting_id, number, kind, starts_at, title in rows:
        day = starts_at.date()
        yield meeting_id, dated_meeting_label(number, MeetingKind(kind), day, title, shown)


def _agenda_items(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    """ "TOP 6.1 „Empfehlung an das Projekt“, 4. Sitzung": every meeting has such an item."""
    item, meeting = models.AgendaItem, models.Meeting
    rows = session.execute(
        select(item.id, item.number, item.title, meeting.number, meeting.kind, meeting.title)
        .join(meeting, meeting.id == item.meeting_id)
        .where(item.id.in_(ids))
    )
    for item_id, number, title, meeting_number, kind, topic in rows:
        name = list_label(meeting_number, MeetingKind(kind), topic, shown)
        yield item_id, f"TOP {number} „{shown(title)}“, {name}"


def _persons(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    person = models.Person
    rows = session.execute(
        select(person.id, person.title, person.given_name, person.family_name).where(
            person.id.in_(ids)
        )
    )
    for person_id, *parts in rows:
        yield person_id, shown(" ".join(p for p in parts if p))


def _memberships(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    person = models.Person
    rows = session.execute(
        select(models.Membership.id, person.title, person.given_name, person.family_name)
        .join(person, person.id == models.Membership.person_id)
        .where(models.Membership.id.in_(ids))
    )
    for membership_id, *parts in rows:
        yield membership_id, shown(" ".join(p for p in parts if p))


def _action_fields(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    rows = session.execute(
        select(models.ActionField.id, models.ActionField.name).where(models.ActionField.id.in_(ids))
    )
    return [(field_id, shown(name)) for field_id, name in rows]


def _projects(session: Session, ids: list[int], shown: Shown) -> Iterable[tuple[int, str]]:
    rows = session.execute(
        select(models.Project.id, models.Project.title).where(models.Project.id.in_(ids))
    )
    return [(project_id, shown(title)) for project_id, title in rows]


_NAMERS = {
    "council": _councils,
    "meeting": _meetings,
    "agenda_item": _agenda_items,
    "person": _persons,
    "membership": _memberships,
    "action_field": _action_fields,
    "project": _projects,
}
