"""The agenda as a tree: numbers (1, 2, 2.1 …), moving items, opening items, the time plan.

Items refer to their parent by ``key`` (the database id, or any stable key for new items)
and are ordered among their siblings by ``position``. Numbers are never stored; they
follow from the tree. An item below a non-public item is non-public too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.errors import FieldProblem, ValidationError

MAX_DEPTH = 3

STANDARD_OPENING_ITEMS: tuple[tuple[str, AgendaItemKind], ...] = (
    ("Eröffnung", AgendaItemKind.FORMAL),
    ("Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit", AgendaItemKind.FORMAL),
    ("Genehmigung der Tagesordnung", AgendaItemKind.FORMAL),
    ("Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.MINUTES_APPROVAL),
)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    key: int
    title: str
    parent: int | None = None
    position: int = 0
    kind: AgendaItemKind = AgendaItemKind.FORMAL
    public: bool = True
    planned_minutes: int = 0


@dataclass(frozen=True, slots=True)
class PlacedItem:
    """An item in agenda order with its number, depth, effective publicity and start."""

    item: AgendaItem
    number: str
    depth: int
    public: bool
    start: datetime | None = None


def opening_items(first_key: int = 1) -> list[AgendaItem]:
    """The standard opening items of a new meeting, keyed from ``first_key``."""
    return [
        AgendaItem(first_key + index, title, position=index, kind=kind, planned_minutes=5)
        for index, (title, kind) in enumerate(STANDARD_OPENING_ITEMS)
    ]


def _children(items: Iterable[AgendaItem]) -> dict[int | None, list[AgendaItem]]:
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent, []).append(item)
    for siblings in children.values():
        siblings.sort(key=lambda i: (i.position, i.key))
    return children


def ordered(items: Sequence[AgendaItem], start: datetime | None = None) -> list[PlacedItem]:
    """The items depth first with numbers; with ``start``, the time plan too.

    Each item starts when the one before it (in this order) has used its planned minutes;
    a parent's own minutes come before its children. Raises :class:`ValidationError` for
    an unknown parent, a cycle, duplicate keys or nesting deeper than ``MAX_DEPTH``.
    """
    keys = [i.key for i in items]
    if len(set(keys)) != len(keys):
        raise _problem("Ein Tagesordnungspunkt kommt doppelt vor.")
    if any(i.parent is not None and i.parent not in set(keys) for i in items):
        raise _problem("Ein Tagesordnungspunkt verweist auf einen fehlenden übergeordneten Punkt.")
    children = _children(items)
    placed: list[PlacedItem] = []
    clock = start

    def visit(parent: int | None, prefix: str, depth: int, public: bool) -> None:
        nonlocal clock
        for index, item in enumerate(children.get(parent, []), start=1):
            if depth >= MAX_DEPTH:
                raise _problem(
                    f"Tagesordnungspunkte lassen sich höchstens {MAX_DEPTH} Ebenen tief gliedern."
                )
            number = f"{prefix}{index}"
            effective = public and item.public
            placed.append(PlacedItem(item, number, depth, effective, clock))
            if clock is not None:
                clock += timedelta(minutes=max(item.planned_minutes, 0))
            visit(item.key, f"{number}.", depth + 1, effective)

    visit(None, "", 0, True)
    if len(placed) != len(items):
        raise _problem("Die Gliederung der Tagesordnung enthält einen Kreis.")
    return placed


def numbers(items: Sequence[AgendaItem]) -> dict[int, str]:
    """The number of every item by key: "1", "2", "2.1" …"""
    return {p.item.key: p.number for p in ordered(items)}


def end_time(items: Sequence[AgendaItem], start: datetime) -> datetime:
    """When the agenda ends if every item takes its planned minutes."""
    return start + timedelta(minutes=sum(max(i.planned_minutes, 0) for i in items))


def split_public(placed: Iterable[PlacedItem]) -> tuple[list[PlacedItem], list[PlacedItem]]:
    """The public and the non-public part, each in agenda order."""
    placed = list(placed)
    return [p for p in placed if p.public], [p for p in placed if not p.public]


def move(items: Sequence[AgendaItem], key: int, step: int) -> list[AgendaItem]:
    """``items`` with ``key`` moved ``step`` places among its siblings (Alt+Up is -1).

    Children stay below their parent, so they move with it. Moving past either end leaves
    the order as it is. Sibling positions come back as 0, 1, 2 …
    """
    by_key = {i.key: i for i in items}
    if key not in by_key:
        raise _problem("Der Tagesordnungspunkt wurde nicht gefunden.")
    siblings = _children(items)[by_key[key].parent]
    index = siblings.index(by_key[key])
    target = min(max(index + step, 0), len(siblings) - 1)
    siblings.insert(target, siblings.pop(index))
    new_positions = {s.key: position for position, s in enumerate(siblings)}
    return [
        replace(i, position=new_positions[i.key]) if i.key in new_positions else i for i in items
    ]


def validate_item(item: AgendaItem) -> list[FieldProblem]:
    """Problems of one item as entered (German)."""
    problems = []
    if not item.title.strip():
        problems.append(FieldProblem("title", "Bitte geben Sie einen Titel für den Punkt an."))
    elif len(item.title) > 2000:
        problems.append(FieldProblem("title", "Der Titel darf höchstens 2000 Zeichen lang sein."))
    if not 0 <= item.planned_minutes <= 600:
        problems.append(
            FieldProblem("planned_minutes", "Die geplante Dauer muss 0 bis 600 Minuten betragen.")
        )
    return problems


def _problem(message: str) -> ValidationError:
    return ValidationError([FieldProblem("agenda", message)])
