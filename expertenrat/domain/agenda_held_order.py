"""The order of a held meeting's agenda as its invitation listed it, and the items the
council took up in another order.

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
from dataclasses import dataclass, replace

from expertenrat.domain.agenda import AgendaItem, children_by_parent, numbers, ordered
from expertenrat.domain.agenda_since import ItemEntry
from expertenrat.domain.enums import AuditAction


@dataclass(frozen=True, slots=True)
class ItemPlace:
    """An item of the meeting as it stands now (urgent items too: they shift the others)."""

    id: int
    parent_id: int | None
    position: int


@dataclass(frozen=True, slots=True)
class MovedItem:
    """An item taken up in another order than the invitation listed: its number now (as
    the minutes number it) and in the invitation, and whether it is public (below a
    non-public item it is not; kept before this was known, an item reads as public)."""

    number: str
    invited_number: str
    title: str
    public: bool = True

    @property
    def invited_note(self) -> str:
        """ " (in der Einladung TOP 3)" after its number now; "" where that is the number
        it had in the invitation (an urgent item added before it moved it back)."""
        return f" ({self.invited_text})" if self.invited_text else ""

    @property
    def invited_text(self) -> str:
        """ "in der Einladung TOP 3", or "" as :attr:`invited_note`."""
        if self.number == self.invited_number:
            return ""
        return f"in der Einladung TOP {self.invited_number}"


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


def invited_layout(items: Sequence[AgendaItem], then: Mapping[int, int]) -> list[AgendaItem]:
    """``items`` as the invitation listed them: those there then (the others, urgent items,
    left out) at their positions ``then``."""
    return [replace(i, position=then[i.key]) for i in items if i.key in then and not i.urgent]


def moved_items(items: Sequence[AgendaItem], then: Mapping[int, int]) -> tuple[MovedItem, ...]:
    """The items of ``items`` (the agenda now, urgent items too) taken up in another order
    than the invitation listed (positions ``then``): at each level, those outside the
    longest run of items still in their order then (of two swapped, the one moved up), in
    the order now."""
    invited = invited_layout(items, then)
    invited_numbers = numbers(invited)
    now_levels, invited_levels = children_by_parent(items), children_by_parent(invited)
    moved: set[int] = set()
    for parent, level in invited_levels.items():
        listed = [i.key for i in level]
        taken = [i.key for i in now_levels.get(parent, []) if i.key in invited_numbers]
        moved |= set(listed) - _kept(listed, taken)
    return tuple(
        MovedItem(p.number, invited_numbers[p.item.key], p.item.title, p.public)
        for p in ordered(items)
        if p.item.key in moved
    )


def _kept(listed: list[int], taken: list[int]) -> set[int]:
    """The longest common subsequence of the orders ``listed`` and ``taken``; of equally
    long ones, that which keeps the items listed first."""
    lengths = [[0] * (len(taken) + 1) for _ in range(len(listed) + 1)]
    for i, a in enumerate(listed):
        for j, b in enumerate(taken):
            lengths[i + 1][j + 1] = (
                lengths[i][j] + 1 if a == b else max(lengths[i][j + 1], lengths[i + 1][j])
            )
    kept, i, j = set(), len(listed), len(taken)
    while i and j:
        if listed[i - 1] == taken[j - 1]:
            kept.add(listed[i - 1])
            i, j = i - 1, j - 1
        elif lengths[i - 1][j] >= lengths[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return kept
