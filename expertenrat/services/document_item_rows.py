"""What the meeting documents (invitation, run sheet, minutes) print about an agenda item.

An item's heading (number, title, kind, presenter, linked project), what became of it,
the meeting that postponed the item it takes up,
the titles of the projects linked, and the members recused at it with their reasons; also
how a person's name is printed and where it stands in a printed list of names. Read by
:mod:`services.meeting_document_rows` and the minutes (:mod:`services.minutes_document_items`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain import agenda
from expertenrat.domain.agenda_outcomes import EffectiveOutcome, OutcomeNode, effective_outcomes
from expertenrat.domain.enums import AgendaItemKind, AgendaItemOutcome, MeetingState
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.name_order import name_sort_key
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.recusals import held_recusals
from expertenrat.store import models


class ItemHeading(TypedDict):
    """What an agenda item's documents (invitation, run sheet, minutes) head it with."""

    number: str
    title: str
    public: bool
    kind_label: str
    presenter: str
    project_title: str


def item_outcomes(placed: Iterable[tuple[models.AgendaItem, str]]) -> dict[int, EffectiveOutcome]:
    """What became of each item ``placed`` (row, number): a sub-item of one postponed was
    postponed with it (``domain.agenda_outcomes``); one whose parent is not among them has
    its own."""
    return effective_outcomes(
        OutcomeNode(row.id, row.parent_id, number, AgendaItemOutcome(row.outcome))
        for row, number in placed
    )


def item_heading(
    placed: agenda.PlacedItem, row: models.AgendaItem, projects: dict[int, str]
) -> ItemHeading:
    """The heading of agenda item ``row`` at its place in the agenda; ``projects``: the
    titles of the projects linked (:func:`project_titles`)."""
    return ItemHeading(
        number=placed.number,
        title=row.title,
        public=placed.public,
        kind_label=AgendaItemKind(row.kind).label,
        presenter=row.presenter,
        project_title=projects.get(row.project_id, "") if row.project_id is not None else "",
    )


def postponed_in(
    session: Session, rows: Iterable[models.AgendaItem]
) -> dict[int, tuple[str, AgendaItemOutcome]]:
    """By the id of each item of ``rows`` that takes up an item postponed or taken off the
    agenda in an earlier meeting: that meeting ("der 5. Sitzung"), as the minutes name it
    under the item, and which it was. Only while that meeting's minutes still record the
    item so (by its own outcome or with the item above it), the item and meeting live:
    corrected there to dealt with, the later minutes said "vertagt aus" all the same (found
    by review)."""
    taken = {row.id: row.taken_up_from_id for row in rows if row.taken_up_from_id is not None}
    if not taken:
        return {}
    item, meeting = models.AgendaItem, models.Meeting
    postponing = select(item.meeting_id).where(item.id.in_(set(taken.values())))
    found = session.execute(
        select(item, meeting)
        .join(meeting, meeting.id == item.meeting_id)
        .where(
            item.meeting_id.in_(postponing),
            item.deleted_at.is_(None),
            meeting.deleted_at.is_(None),
            meeting.state == MeetingState.HELD.value,
        )
    ).all()
    outcomes = item_outcomes((row, row.number) for row, _held in found)
    names = {
        row.id: (meeting_name(held), outcomes[row.id].outcome)
        for row, held in found
        if not outcomes[row.id].dealt_with
    }
    return {key: names[earlier] for key, earlier in taken.items() if earlier in names}


def project_titles(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    """The titles of the projects ``ids`` by id (None, an item without a project, passed
    over)."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(models.Project.id, models.Project.title).where(models.Project.id.in_(wanted))
    )
    return {r.id: r.title for r in rows}


def recused_conflicts(
    session: Session,
    item_ids: list[int],
    attending: Callable[[int], Collection[int]] | None = None,
    held: Mapping[int, Sequence[models.ConflictOfInterest]] | None = None,
) -> dict[int, list[DeclaredConflict]]:
    """The members recused per agenda item, also those recused at an item above it about
    the same project (:func:`held_recusals`; suggestions that were overruled are left
    out); with ``attending`` (an item's id to the membership ids present at it), only
    those. ``held``: :func:`held_recusals` at ``item_ids``, where the caller has read them."""
    held = held_recusals(session, item_ids) if held is None else held
    people = {
        m.id: m.person
        for m in session.scalars(
            select(models.Membership)
            .options(selectinload(models.Membership.person))
            .where(models.Membership.id.in_({c.membership_id for cs in held.values() for c in cs}))
        )
    }
    found: dict[int, list[DeclaredConflict]] = {}
    for item_id, conflicts in held.items():  # a few per item: sorted by name_sort_key here
        for conflict in sorted(conflicts, key=lambda c: person_order(people[c.membership_id])):
            if attending is not None and conflict.membership_id not in attending(item_id):
                continue
            found.setdefault(item_id, []).append(
                DeclaredConflict(
                    printed_name(people[conflict.membership_id]), conflict.reason.strip()
                )
            )
    return found


def person_order(person: models.Person) -> tuple[str, int]:
    """Where ``person`` stands in a printed list of names (:func:`name_sort_key`); the id
    keeps namesakes in a fixed order."""
    return name_sort_key(person.family_name, person.given_name), person.id


def printed_name(person: models.Person) -> str:
    return " ".join(p for p in (person.title, person.given_name, person.family_name) if p)
