"""The order of an agenda's items: moving an item among its siblings, indenting,
outdenting and drag and drop (:class:`~expertenrat.services.agenda.AgendaService` takes
these from :class:`AgendaOrder`; adding, changing and deleting items is
:mod:`expertenrat.services.agenda`).

Each is one transaction: the new order from the domain rules (``domain.agenda_moves``),
stored with its numbers (``agenda_rows.store_layout``), with its audit entry. A held
meeting's items are moved too while its minutes are an open draft
(:func:`~expertenrat.services.urgent_items.order_refusal`), each within its level
(:func:`~expertenrat.domain.agenda_moves.keep_levels`): a council that took TOP 7 before
TOP 6 puts them so, and the attendance recorded at an item (by its key) moves with it.
"""

from __future__ import annotations

from collections.abc import Callable

from expertenrat.domain.agenda import Agenda, AgendaItem, agenda_problem
from expertenrat.domain.agenda_moves import (
    TARGET_GONE,
    indent,
    keep_levels,
    move,
    move_to,
    outdent,
)
from expertenrat.domain.enums import AuditAction, MeetingState
from expertenrat.services import agenda_listing, agenda_rows
from expertenrat.services.agenda_changes import ITEM, agenda_of, record_item_change
from expertenrat.services.agenda_rows import load
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.unit_of_work import changing, check_version, fetch
from expertenrat.services.urgent_items import order_refusal
from expertenrat.store import models
from expertenrat.store.database import Database


class AgendaOrder:
    """Rearranging the agenda (:class:`~expertenrat.services.agenda.AgendaService` sets the
    database and the actor)."""

    _db: Database
    _actor: str

    def move(self, item_id: int, version: int, step: int) -> Agenda:
        """Move the item ``step`` places among its siblings (Alt+Up: -1, Alt+Down: +1)."""
        return self._rearrange(item_id, version, lambda items: move(items, item_id, step))

    def indent(self, item_id: int, version: int) -> Agenda:
        """Make the item a sub-item of the one before it (Alt+Right)."""
        return self._rearrange(item_id, version, lambda items: indent(items, item_id))

    def outdent(self, item_id: int, version: int) -> Agenda:
        """Move the item one level up, after its parent (Alt+Left)."""
        return self._rearrange(item_id, version, lambda items: outdent(items, item_id))

    def move_to(self, item_id: int, version: int, parent: int | None, index: int) -> Agenda:
        """Put the item under ``parent`` at ``index`` (drag and drop)."""
        return self._rearrange(
            item_id, version, lambda items: move_to(items, item_id, parent, index), parent
        )

    def _rearrange(
        self,
        item_id: int,
        version: int,
        rule: Callable[[list[AgendaItem]], list[AgendaItem]],
        target: int | None = None,
    ) -> Agenda:
        """Store the layout ``rule`` makes of the meeting's items. A ``target`` item (the
        new parent) deleted meanwhile is said before the version: its deletion renumbered
        the item moved, and "geändert" would hide why the move cannot be made."""
        with changing(self._db, ITEM) as session:
            row = fetch(session, models.AgendaItem, item_id, ITEM)
            found = load(session, row.meeting_id, lock=True)
            if target is not None and all(i.key != target for i in found.items()):
                raise agenda_problem(TARGET_GONE)
            check_version(row, version, ITEM)
            ensure_not_frozen(session, found.meeting.id)
            held = found.meeting.state == MeetingState.HELD.value
            refusal = order_refusal(session, found.meeting)
            if refusal is not None:
                raise agenda_problem(refusal)
            if not held:
                found.refuse_unless_allowed()
            before = {"number": row.number, "parent_id": row.parent_id, "position": row.position}
            lines = agenda_listing.listed_agenda(found)
            layout = rule(found.items())
            if held:
                keep_levels(found.items(), layout)
            agenda_rows.store_layout(session, found.rows, layout)
            if (row.parent_id, row.position) != (before["parent_id"], before["position"]):
                record_item_change(
                    session,
                    self._actor,
                    found,
                    AuditAction.UPDATE,
                    row,
                    before,
                    f"verschoben (vorher TOP {before['number']})",
                )
            agenda_listing.follow_listed_agenda(session, found, lines)
            return agenda_of(found)
