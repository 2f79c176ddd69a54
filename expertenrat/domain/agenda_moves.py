"""Moving agenda items: up and down among their siblings, indenting under the item before,
outdenting after the parent, placing anywhere (drag and drop), removing with the sub-items,
and which of these moves an item's place allows (the editor's buttons).

Every move returns the whole list with new sibling positions (0, 1, 2 …) and is refused
(:class:`ValidationError`) where the tree would break its rules (:func:`~expertenrat.domain.
agenda.ordered`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from expertenrat.domain.agenda import AgendaItem, agenda_problem, children_by_parent, ordered
from expertenrat.domain.errors import ValidationError

TARGET_GONE = (
    "Der Punkt, unter den verschoben werden sollte, ist nicht mehr in der Tagesordnung. "
    "Vielleicht wurde er inzwischen gelöscht. Die Tagesordnung zeigt jetzt den gespeicherten "
    "Stand; verschieben Sie den Punkt dort bitte erneut."
)
"""A move under an item no longer there (deleted meanwhile, on another PC): what happened
and what to do; the editor rereads the agenda after any refusal."""


@dataclass(frozen=True, slots=True)
class PossibleMoves:
    """What changes an item's place in the agenda: moving it up or down among its siblings,
    indenting it, outdenting it, adding a sub-item below it (the editor's buttons)."""

    up: bool = False
    down: bool = False
    indent: bool = False
    outdent: bool = False
    sub_item: bool = False


def possible_moves(items: Sequence[AgendaItem], key: int) -> PossibleMoves:
    """Which moves of ``key`` :func:`move`, :func:`indent`, :func:`outdent` and
    :func:`move_to` (for a new sub-item) would make: each rule is asked itself, so the
    answer is always theirs (first or last among the siblings, the top level, nothing to
    indent under, nesting deeper than ``MAX_DEPTH``)."""
    _item, index, up = _move_target(items, key, -1)
    _item, index, down = _move_target(items, key, +1)
    spare = min((i.key for i in items), default=0) - 1  # a key no item has
    return PossibleMoves(
        up=up != index,
        down=down != index,
        indent=_allowed(lambda: indent(items, key)),
        outdent=_allowed(lambda: outdent(items, key)),
        sub_item=_allowed(lambda: move_to([*items, AgendaItem(spare, "")], spare, key, 0)),
    )


def move(items: Sequence[AgendaItem], key: int, step: int) -> list[AgendaItem]:
    """``items`` with ``key`` moved ``step`` places among its siblings (Alt+Up is -1).

    Children stay below their parent, so they move with it. Moving past either end leaves
    the order as it is. Sibling positions come back as 0, 1, 2 …
    """
    item, _index, target = _move_target(items, key, step)
    return move_to(items, key, item.parent, target)


def _move_target(items: Sequence[AgendaItem], key: int, step: int) -> tuple[AgendaItem, int, int]:
    """The item ``key``, its index among its siblings and the index ``step`` places away
    (kept within the ends)."""
    item = _find(items, key)
    siblings = children_by_parent(items)[item.parent]
    index = siblings.index(item)
    return item, index, min(max(index + step, 0), len(siblings) - 1)


def _allowed(change: Callable[[], object]) -> bool:
    """Whether ``change`` goes through the agenda's rules (raises no ValidationError)."""
    try:
        change()
    except ValidationError:
        return False
    return True


def move_to(
    items: Sequence[AgendaItem], key: int, parent: int | None, index: int
) -> list[AgendaItem]:
    """``items`` with ``key`` (and its sub-items) placed under ``parent`` (``None``: the top
    level) as its ``index``-th item (counted without ``key``; clamped to the ends).

    Positions of the old and the new siblings come back as 0, 1, 2 … Raises
    :class:`ValidationError` for a move under the item itself or one of its sub-items, and
    for nesting deeper than ``MAX_DEPTH``.
    """
    item = _find(items, key)
    if parent is not None:
        if not any(i.key == parent for i in items):  # deleted meanwhile (another PC)
            raise agenda_problem(TARGET_GONE)
        if parent in subtree(items, key):
            raise agenda_problem(
                "Ein Punkt kann nicht unter sich selbst oder einen seiner Unterpunkte "
                "verschoben werden."
            )
    children = children_by_parent(items)
    children[item.parent].remove(item)
    siblings = children.setdefault(parent, [])
    siblings.insert(min(max(index, 0), len(siblings)), replace(item, parent=parent))
    moved = _with_positions(items, children, {item.parent, parent})
    ordered(moved)  # refuses nesting too deep
    return moved


def indent(items: Sequence[AgendaItem], key: int) -> list[AgendaItem]:
    """``key`` becomes the last sub-item of the item before it (Alt+Right)."""
    item = _find(items, key)
    siblings = children_by_parent(items)[item.parent]
    index = siblings.index(item)
    if index == 0:
        raise agenda_problem(
            "Der erste Punkt einer Ebene kann nicht eingerückt werden: "
            "es gibt keinen Punkt davor, unter den er rücken könnte."
        )
    previous = siblings[index - 1]
    return move_to(items, key, previous.key, len(children_by_parent(items).get(previous.key, [])))


def outdent(items: Sequence[AgendaItem], key: int) -> list[AgendaItem]:
    """``key`` leaves its parent and follows it one level up (Alt+Left)."""
    item = _find(items, key)
    if item.parent is None:
        raise agenda_problem("Der Punkt steht bereits auf der obersten Ebene.")
    parent = _find(items, item.parent)
    uncles = children_by_parent(items)[parent.parent]
    return move_to(items, key, parent.parent, uncles.index(parent) + 1)


HELD_LEVELS = (
    "In einer durchgeführten Sitzung lassen sich Punkte nur innerhalb ihrer Ebene "
    "verschieben, nicht ein- oder ausrücken."
)


def keep_levels(before: Sequence[AgendaItem], after: Sequence[AgendaItem]) -> None:
    """Refuse a layout ``after`` that puts an item under another parent than ``before``: a
    held meeting's items are only moved into the order in which they were taken up; their
    structure, which the invitation and the minutes number, stays."""
    parents = {i.key: i.parent for i in before}
    if any(parents.get(i.key, i.parent) != i.parent for i in after):
        raise agenda_problem(HELD_LEVELS)


def remove(items: Sequence[AgendaItem], key: int) -> list[AgendaItem]:
    """``items`` without ``key`` and its sub-items; the siblings close the gap."""
    item = _find(items, key)
    gone = set(subtree(items, key))
    rest = [i for i in items if i.key not in gone]
    return _with_positions(rest, children_by_parent(rest), {item.parent})


def subtree(items: Sequence[AgendaItem], key: int) -> list[int]:
    """``key`` and the keys of all its sub-items, parents before their children."""
    children = children_by_parent(items)
    keys, index = [key], 0
    while index < len(keys):
        keys.extend(child.key for child in children.get(keys[index], []))
        index += 1
    return keys


def _with_positions(
    items: Sequence[AgendaItem],
    children: dict[int | None, list[AgendaItem]],
    parents: Iterable[int | None],
) -> list[AgendaItem]:
    """``items`` where the children of ``parents`` take the order of ``children``."""
    placed = {
        child.key: (parent, position)
        for parent in parents
        for position, child in enumerate(children.get(parent, []))
    }
    return [
        replace(i, parent=placed[i.key][0], position=placed[i.key][1]) if i.key in placed else i
        for i in items
    ]


def _find(items: Sequence[AgendaItem], key: int) -> AgendaItem:
    for item in items:
        if item.key == key:
            return item
    raise agenda_problem("Der Tagesordnungspunkt wurde nicht gefunden.")
