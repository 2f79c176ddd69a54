"""The agenda of a meeting: reading it, adding, changing and deleting its items (moving
them is :mod:`expertenrat.services.agenda_order`, which :class:`AgendaService` takes along;
a new item's row, numbers and audit entry are :mod:`expertenrat.services.agenda_insertion`).

Every change is one transaction: the new order comes from the domain rules
(``domain.agenda``), is stored with its numbers (``agenda_rows.store_layout``) and lands
with its audit entry, or nothing lands. A cancelled meeting's agenda is final; a held
meeting's items keep their content, only titles may be corrected (and, while its minutes
are an open draft, the order changed: :mod:`~expertenrat.services.agenda_order`), but the
council may extend it by an urgent item (Dringlichkeitsantrag, :meth:`AgendaService.add_urgent`),
which may be changed or deleted again while the minutes are an open draft
(:mod:`expertenrat.services.urgent_items`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from expertenrat.domain.agenda import Agenda, AgendaItem, clean_item, numbers, validate_item
from expertenrat.domain.agenda_moves import remove, subtree
from expertenrat.domain.agenda_placement import new_item_index, urgent_index
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.enums import AgendaItemKind, AuditAction
from expertenrat.domain.errors import FieldProblem, InUseError, ValidationError
from expertenrat.domain.wording import counted
from expertenrat.services import agenda_listing, agenda_rows, audit
from expertenrat.services.agenda_changes import ITEM, agenda_of, record_item_change
from expertenrat.services.agenda_checks import ItemChange, check_project, refuse_unless_allowed
from expertenrat.services.agenda_insertion import (
    insert_after,
    insert_item,
    same_content,
    write_item,
)
from expertenrat.services.agenda_order import AgendaOrder
from expertenrat.services.agenda_references import references
from expertenrat.services.agenda_rows import MeetingItems, load
from expertenrat.services.agenda_templates import offered_templates
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.project_choices import ProjectChoice, project_choices
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    raise_if_invalid,
    reading,
)
from expertenrat.services.urgent_items import order_refusal, urgent_refusal
from expertenrat.store import models
from expertenrat.store.database import Database

_AGENDA = "Die Tagesordnung"
CHOSEN_GONE = (
    "Der gewählte Punkt ist nicht mehr in der Tagesordnung. Vielleicht wurde er inzwischen "
    "gelöscht. Die Tagesordnung zeigt jetzt den gespeicherten Stand; fügen Sie den neuen "
    "Punkt dort bitte erneut hinzu."
)
"""A new item under or after an item deleted meanwhile (on another PC)."""

Place = Callable[[Session, MeetingItems], tuple[int | None, int | None]]
"""Where a new item goes, from the agenda as stored: its parent (``None``: the top level)
and its index among the parent's items (``None``: the last)."""


class AgendaService(AgendaOrder):
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    # --- reading ------------------------------------------------------------------------

    def agenda(self, meeting_id: int) -> Agenda:
        with reading(self._db) as session:
            return agenda_of(load(session, meeting_id))

    def templates(self, council_id: int, meeting_id: int | None = None) -> list[AgendaTemplate]:
        """Templates for recurring items: the council's list, then (for the agenda of
        ``meeting_id``) "Berichtigung / Nachtrag zum Protokoll der N. Sitzung" for the
        nearest earlier meetings whose minutes are approved, then titles it used before."""
        with reading(self._db) as session:
            return offered_templates(session, council_id, meeting_id)

    def projects(self, council_id: int) -> list[ProjectChoice]:
        """The council's projects that an item may link, running ones first
        (:func:`~expertenrat.services.project_choices.project_choices`)."""
        with reading(self._db) as session:
            return project_choices(session, council_id)

    # --- changing -----------------------------------------------------------------------

    def add_opening_items(self, meeting_id: int) -> Agenda:
        """The standard opening items for a meeting without items (else nothing changes)."""
        with changing(self._db, _AGENDA) as session:
            ensure_not_frozen(session, meeting_id)
            before = agenda_listing.listed_agenda(load(session, meeting_id))
            agenda_rows.add_opening_items(session, meeting_id, self._actor)
            found = load(session, meeting_id)
            agenda_listing.follow_listed_agenda(session, found, before)
            return agenda_of(found)

    def add(
        self,
        meeting_id: int,
        item: AgendaItem,
        parent: int | None = None,
        index: int | None = None,
    ) -> Agenda:
        """Add ``item`` under ``parent`` (``None``: top level) as its ``index``-th sub-item
        (``None``: the last). ``item.key`` is ignored."""
        return self._add(
            meeting_id, item, lambda session, found: (_stored(session, found, parent), index)
        )

    def add_after(self, meeting_id: int, item: AgendaItem, after: int) -> Agenda:
        """Add ``item`` right after the item ``after`` as stored now, beside it: another PC
        may have moved that item since this one showed the agenda."""

        def place(session: Session, found: MeetingItems) -> tuple[int | None, int | None]:
            chosen = found.rows[_stored(session, found, after)]
            return chosen.parent_id, chosen.position + 1

        return self._add(meeting_id, item, place)

    def add_new(self, meeting_id: int, item: AgendaItem) -> Agenda:
        """Add ``item`` where a new item goes when the user chose no row: at the top level
        after the opening formalities and the items on the subject, before the closing
        items (:func:`~expertenrat.domain.agenda_placement.new_item_index`)."""
        return self._add(
            meeting_id, item, lambda _session, found: (None, new_item_index(found.items()))
        )

    def _add(self, meeting_id: int, item: AgendaItem, place: Place) -> Agenda:
        item = clean_item(item)
        raise_if_invalid(validate_item(item))
        with changing(self._db, _AGENDA) as session:
            found = load(session, meeting_id, lock=True)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed(open_order=order_refusal(session, found.meeting) is None)
            parent, where = place(session, found)
            insert_item(session, self._actor, found, replace(item, urgent=False), parent, where)
            return agenda_of(found)

    def add_urgent(self, meeting_id: int, item: AgendaItem, before: int | None = None) -> Agenda:
        """Extend the agenda of a held meeting by ``item`` as an urgent item
        (Dringlichkeitsantrag) at the top level, before the top-level item ``before``
        (``None``: the last; the items after it are renumbered): only while its minutes
        are an open draft (:func:`~expertenrat.services.urgent_items.urgent_refusal`)."""
        item = clean_item(item)
        raise_if_invalid(validate_item(item))
        with changing(self._db, _AGENDA) as session:
            found = load(session, meeting_id, lock=True)
            ensure_not_frozen(session, found.meeting.id)
            refusal = urgent_refusal(session, found.meeting)
            if refusal is not None:
                raise ValidationError([FieldProblem("agenda", refusal)])
            index = urgent_index(found.items(), before)
            insert_item(session, self._actor, found, replace(item, urgent=True), None, index)
            return agenda_of(found)

    def add_lines(self, item_id: int, version: int, titles: Sequence[str]) -> Agenda:
        """The item ``item_id`` titled with the first of ``titles``, and a new item of the
        kind "Bericht" after it, beside it, for each other: an agenda pasted whole into one
        item's title (found by a tester: one title "Begrüßung 2. Genehmigung …"). As adding
        items, refused where the agenda may not change; all of it or nothing."""
        new = AgendaItem(0, "", kind=AgendaItemKind.REPORT)  # as "Neuer Punkt" adds one
        first, *others = (clean_item(replace(new, title=title)) for title in titles)
        for item in (first, *others):
            raise_if_invalid(validate_item(item))
        with changing(self._db, _AGENDA) as session:
            row = fetch(session, models.AgendaItem, item_id, ITEM)
            found = load(session, row.meeting_id, lock=True)
            check_version(row, version, ITEM)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed(open_order=order_refusal(session, found.meeting) is None)
            before, lines = audit.snapshot(row), agenda_listing.listed_agenda(found)
            row.title = first.title
            session.flush()
            record_item_change(
                session, self._actor, found, AuditAction.UPDATE, row, before, "geändert"
            )
            agenda_listing.follow_listed_agenda(session, found, lines)
            insert_after(session, self._actor, found, row, others)
            return agenda_of(found)

    def update(self, item: AgendaItem) -> Agenda:
        """Save the texts and settings of ``item`` (its ``version`` must be current)."""
        item = clean_item(item)
        raise_if_invalid(validate_item(item))
        with changing(self._db, ITEM) as session:
            row = fetch(session, models.AgendaItem, item.key, ITEM)
            found = load(session, row.meeting_id)
            check_version(row, item.version, ITEM)
            unchanged = same_content(row, item)
            ensure_not_frozen(session, found.meeting.id)
            change = ItemChange.TITLE if unchanged else ItemChange.CONTENT
            refuse_unless_allowed(session, found, [row], change)
            check_project(session, found, item.project_id, row.project_id)
            before = audit.snapshot(row)
            lines = agenda_listing.listed_agenda(found)
            write_item(row, item)
            session.flush()
            record_item_change(
                session, self._actor, found, AuditAction.UPDATE, row, before, "geändert"
            )
            agenda_listing.follow_listed_agenda(session, found, lines)
            return agenda_of(load(session, row.meeting_id))

    def delete(self, item_id: int, version: int) -> Agenda:
        """Delete the item with its sub-items, unless the minutes, the attendance,
        recommendations or declared conflicts refer to one of them (InUseError says where)."""
        with changing(self._db, ITEM) as session:
            row = fetch(session, models.AgendaItem, item_id, ITEM)
            found = load(session, row.meeting_id, lock=True)
            check_version(row, version, ITEM)
            ensure_not_frozen(session, found.meeting.id)
            items = found.items()
            ids = subtree(items, item_id)
            refuse_unless_allowed(session, found, [found.rows[i] for i in ids], ItemChange.DELETION)
            by_number = numbers(items)
            used = references(session, ids, {i: by_number[i] for i in ids})
            if used:
                raise InUseError(
                    f"TOP {by_number[item_id]} kann nicht gelöscht werden, weil er (oder ein "
                    f"Unterpunkt) schon verwendet wird – {'; '.join(used)}."
                )
            before = audit.snapshot(row)
            lines = agenda_listing.listed_agenda(found)
            record_item_change(
                session,
                self._actor,
                found,
                AuditAction.DELETE,
                row,
                before,
                "gelöscht"
                + (
                    f" (mit {counted(len(ids) - 1, 'Unterpunkt', 'Unterpunkten')})"
                    if len(ids) > 1
                    else ""
                ),
            )
            for key in reversed(ids):
                session.delete(found.rows.pop(key))
            session.flush()
            agenda_rows.store_layout(session, found.rows, remove(items, item_id))
            agenda_listing.follow_listed_agenda(session, found, lines)
            return agenda_of(found)


def _stored(session: Session, found: MeetingItems, key: int | None) -> int | None:
    """``key`` if it is an item of the agenda as stored (or ``None``); refused if it is gone
    (deleted meanwhile, on another PC) or an item of another meeting."""
    if key is None or key in found.rows:
        return key
    row = session.get(models.AgendaItem, key)
    elsewhere = row is not None and row.meeting_id != found.meeting.id
    message = (
        "Der übergeordnete Punkt gehört nicht zu dieser Sitzung." if elsewhere else CHOSEN_GONE
    )
    raise ValidationError([FieldProblem("agenda", message)])
