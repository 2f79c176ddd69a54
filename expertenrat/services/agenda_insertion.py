"""Inserting an item into a meeting's agenda (:func:`insert_item`, and the items of a
pasted agenda after one of them: :func:`insert_after`), and writing an item's texts and
settings into its row (:func:`write_item`), for :class:`~expertenrat.services.agenda.
AgendaService` and the services that add items of their own (items taken up again,
reports of decisions made in writing).

The caller checked that the agenda may change; the new item lands with its numbers
(``agenda_rows.store_layout``) and its audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.agenda_moves import move_to
from expertenrat.domain.enums import AgendaItemKind, AgendaItemOutcome, AuditAction
from expertenrat.domain.wording import isolated
from expertenrat.services import agenda_listing, agenda_rows
from expertenrat.services.agenda_changes import record_item_change
from expertenrat.services.agenda_checks import check_project
from expertenrat.services.agenda_rows import MeetingItems
from expertenrat.store import models

_CONTENT_FIELDS = ("kind", "public", "planned_minutes", "presenter", "project_id")


def insert_item(
    session: Session,
    actor: str,
    found: MeetingItems,
    item: AgendaItem,
    parent: int | None,
    index: int | None,
    *,
    taken_up_from: models.AgendaItem | None = None,
    taken_up_as: AgendaItemOutcome = AgendaItemOutcome.POSTPONED,
) -> models.AgendaItem:
    """Insert ``item`` into the agenda ``found`` under ``parent`` (``None``: the top level)
    as its ``index``-th sub-item (``None``: the last), with its audit entry; the caller
    checked that the agenda may change. ``taken_up_from``: the item of an earlier meeting
    it takes up again, postponed or taken off the agenda there (``taken_up_as``; the entry
    names both)."""
    check_project(session, found, item.project_id, None)
    before = agenda_listing.listed_agenda(found)
    siblings = [r.position for r in found.rows.values() if r.parent_id == parent]
    row = models.AgendaItem(
        meeting_id=found.meeting.id,
        parent_id=parent,
        position=max(siblings, default=-1) + 1,
        number="",
        urgent=item.urgent,
        taken_up_from_id=None if taken_up_from is None else taken_up_from.id,
    )
    write_item(row, item)
    session.add(row)
    session.flush()
    found.rows[row.id] = row
    items = found.items()
    layout = move_to(items, row.id, parent, len(items) if index is None else index)
    agenda_rows.store_layout(session, found.rows, layout)
    what = "als Dringlichkeitsantrag hinzugefügt" if item.urgent else "hinzugefügt"
    if taken_up_from is not None:
        earlier = session.get(models.Meeting, taken_up_from.meeting_id)
        what += f" (in {agenda_rows.meeting_name(earlier, isolated)} {taken_up_as.label})"
    record_item_change(session, actor, found, AuditAction.CREATE, row, None, what)
    agenda_listing.follow_listed_agenda(session, found, before)
    return row


def insert_after(
    session: Session,
    actor: str,
    found: MeetingItems,
    row: models.AgendaItem,
    items: Sequence[AgendaItem],
) -> None:
    """Insert ``items`` in their order right after ``row``, beside it (each with its
    audit entry): the other lines of an agenda pasted into one item's title."""
    after = row
    for item in items:
        after = insert_item(session, actor, found, item, after.parent_id, after.position + 1)


def same_content(row: models.AgendaItem, item: AgendaItem) -> bool:
    """Whether ``item`` keeps the settings of ``row`` (kind, public, planned minutes,
    presenter, project), so that at most its title changes."""
    return all(getattr(row, name) == _value(item, name) for name in _CONTENT_FIELDS)


def write_item(row: models.AgendaItem, item: AgendaItem) -> None:
    """Write the title and settings of ``item`` into ``row``."""
    row.title = item.title
    for name in _CONTENT_FIELDS:
        setattr(row, name, _value(item, name))


def _value(item: AgendaItem, name: str) -> object:
    value = getattr(item, name)
    return value.value if isinstance(value, AgendaItemKind) else value
