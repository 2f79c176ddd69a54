"""The order of a held meeting's agenda as its invitation listed it.

While a held meeting's minutes are an open draft its items are moved into the order in
which they were taken up (each within its level), and urgent items are added and removed;
the invitation stays what was sent. The order then is not stored; it is what the audit
trail's entries of agenda items since the meeting was marked held undo, read back from the
order now (newest first): a move puts the item back where it stood before it, an item
added is taken out again, one deleted is put back. Unlike the values
:func:`~expertenrat.domain.agenda_since.agenda_since` replays forward, an order cannot be
read from the first entry of each item: a move shifts its siblings, which get no entries
of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from expertenrat.domain.agenda_since import ItemEntry
from expertenrat.domain.enums import AuditAction


@dataclass(frozen=True, slots=True)
class ItemPlace:
    """An item of the meeting as it stands now (urgent items too: they shift the others)."""

    id: int
    parent_id: int | None
    position: int


def positions_then(
    meeting_id: int, entries: Sequence[ItemEntry], items: Sequence[ItemPlace]
) -> dict[int, int]:
    """The position among its siblings each of ``items`` (the meeting's now) had before
    ``entries`` (its council's entries of agenda items since, oldest first), for those that
    were there then. An entry names the meeting only where it adds or deletes an item; an
    item's other entries count while the id is the meeting's at that point (an id SQLite
    gave again to an item of another meeting does not)."""
    siblings: dict[int | None, list[int]] = {}
    for item in sorted(items, key=lambda i: (i.position, i.id)):
        siblings.setdefault(item.parent_id, []).append(item.id)
    parents = {i.id: i.parent_id for i in items}  # the meeting's items at this point
    for entry in reversed(entries):
        key = entry.item_id
        if key is None:
            continue
        if entry.action is AuditAction.CREATE and key in parents:
            siblings[parents.pop(key)].remove(key)
        elif entry.action is AuditAction.DELETE:
            if entry.before.get("meeting_id") == meeting_id:
                _put(siblings, parents, key, entry.before)
        elif key in parents and _moved(entry):
            siblings[parents.pop(key)].remove(key)
            _put(siblings, parents, key, entry.before)
    return {key: index for level in siblings.values() for index, key in enumerate(level)}


def _moved(entry: ItemEntry) -> bool:
    """Whether ``entry`` moved its item (a change of its content keeps the place)."""
    place = ("parent_id", "position")
    return "position" in entry.before and any(
        entry.before.get(k) != entry.after.get(k) for k in place
    )


def _put(
    siblings: dict[int | None, list[int]],
    parents: dict[int, int | None],
    key: int,
    place: Mapping[str, object],
) -> None:
    parent = place.get("parent_id", parents.get(key))
    parent = parent if isinstance(parent, int) else None
    level = siblings.setdefault(parent, [])
    position = place.get("position")
    level.insert(position if isinstance(position, int) else len(level), key)
    parents[key] = parent
