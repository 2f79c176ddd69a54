"""The agenda as a tree: numbers (1, 2, 2.1 …), moving items, opening items, the time plan.

Items refer to their parent by ``key`` (the database id, or any stable key for new items)
and are ordered among their siblings by ``position``. Numbers are never stored; they
follow from the tree. An item below a non-public item is non-public too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from expertenrat.domain.enums import AgendaItemKind, MeetingState, PresenterKind
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import AGENDA_ITEM, clean_text, text_problems

MAX_DEPTH = 3
MAX_PLANNED_MINUTES = 600

STANDARD_OPENING_ITEMS: tuple[tuple[str, AgendaItemKind], ...] = (
    ("Eröffnung", AgendaItemKind.FORMAL),
    ("Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit", AgendaItemKind.FORMAL),
    ("Genehmigung der Tagesordnung", AgendaItemKind.FORMAL),
    ("Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.MINUTES_APPROVAL),
)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An item as the agenda editor reads and writes it; ``key`` is the database id.

    ``presenter`` is the text documents print (see :func:`presenter_text`); ``project_id``
    links a project (a consultation of it) whose title comes along as ``project_title``.
    """

    key: int
    title: str
    parent: int | None = None
    position: int = 0
    kind: AgendaItemKind = AgendaItemKind.FORMAL
    public: bool = True
    planned_minutes: int = 0
    presenter: str = ""
    project_id: int | None = None
    project_title: str = ""
    version: int = 0


@dataclass(frozen=True, slots=True)
class Agenda:
    """A meeting's agenda as the editor reads it: ``starts_at`` (wall-clock time in the
    council's zone) starts the time plan, ``state`` decides what may still change."""

    meeting_id: int
    council_id: int
    starts_at: datetime
    state: MeetingState
    items: tuple[AgendaItem, ...] = ()
    frozen: bool = False  # the minutes are approved: nothing may change
    ends_at: datetime | None = None  # the meeting's planned end (wall clock), if it has one


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
    siblings = _children(items)[item.parent]
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
        _find(items, parent)
        if parent in subtree(items, key):
            raise _problem(
                "Ein Punkt kann nicht unter sich selbst oder einen seiner Unterpunkte "
                "verschoben werden."
            )
    children = _children(items)
    children[item.parent].remove(item)
    siblings = children.setdefault(parent, [])
    siblings.insert(min(max(index, 0), len(siblings)), replace(item, parent=parent))
    moved = _with_positions(items, children, {item.parent, parent})
    ordered(moved)  # refuses nesting too deep
    return moved


def indent(items: Sequence[AgendaItem], key: int) -> list[AgendaItem]:
    """``key`` becomes the last sub-item of the item before it (Alt+Right)."""
    item = _find(items, key)
    siblings = _children(items)[item.parent]
    index = siblings.index(item)
    if index == 0:
        raise _problem(
            "Der erste Punkt einer Ebene kann nicht eingerückt werden: "
            "es gibt keinen Punkt davor, unter den er rücken könnte."
        )
    previous = siblings[index - 1]
    return move_to(items, key, previous.key, len(_children(items).get(previous.key, [])))


def outdent(items: Sequence[AgendaItem], key: int) -> list[AgendaItem]:
    """``key`` leaves its parent and follows it one level up (Alt+Left)."""
    item = _find(items, key)
    if item.parent is None:
        raise _problem("Der Punkt steht bereits auf der obersten Ebene.")
    parent = _find(items, item.parent)
    uncles = _children(items)[parent.parent]
    return move_to(items, key, parent.parent, uncles.index(parent) + 1)


def remove(items: Sequence[AgendaItem], key: int) -> list[AgendaItem]:
    """``items`` without ``key`` and its sub-items; the siblings close the gap."""
    item = _find(items, key)
    gone = set(subtree(items, key))
    rest = [i for i in items if i.key not in gone]
    return _with_positions(rest, _children(rest), {item.parent})


def subtree(items: Sequence[AgendaItem], key: int) -> list[int]:
    """``key`` and the keys of all its sub-items, parents before their children."""
    children = _children(items)
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
    raise _problem("Der Tagesordnungspunkt wurde nicht gefunden.")


def presenter_text(kind: PresenterKind, name: str) -> str:
    """What documents print as the presenter: "Dr. Anna Berg", "Jan Rau (Gast)" …"""
    name = name.strip()
    if not name or kind is PresenterKind.MEMBER:
        return name
    return f"{name} ({kind.label})"


def split_presenter(text: str) -> tuple[PresenterKind, str]:
    """The kind and the name of a presenter text (the reverse of :func:`presenter_text`)."""
    for kind in PresenterKind:
        suffix = f" ({kind.label})"
        if kind is not PresenterKind.MEMBER and text.endswith(suffix):
            return kind, text[: -len(suffix)]
    return PresenterKind.MEMBER, text


def clean_item(item: AgendaItem) -> AgendaItem:
    """``item`` with its texts in NFC and without surrounding spaces."""
    return replace(
        item,
        title=clean_text(item.title, AGENDA_ITEM["title"]),
        presenter=clean_text(item.presenter, AGENDA_ITEM["presenter"]),
    )


def validate_item(item: AgendaItem) -> list[FieldProblem]:
    """Problems of one item as entered (German)."""
    problems = []
    if not item.title.strip():
        problems.append(FieldProblem("title", "Bitte geben Sie einen Titel für den Punkt an."))
    for field in ("title", "presenter"):
        problems += text_problems(field, getattr(item, field), AGENDA_ITEM[field])
    if not 0 <= item.planned_minutes <= MAX_PLANNED_MINUTES:
        problems.append(
            FieldProblem(
                "planned_minutes",
                f"Die geplante Dauer muss 0 bis {MAX_PLANNED_MINUTES} Minuten betragen.",
            )
        )
    return problems


def change_refusal(state: MeetingState, *, title_only: bool = False) -> str | None:
    """Why the agenda of a meeting in ``state`` may not change so (German), or ``None``.

    A cancelled meeting's agenda is final; a held meeting's items keep their order and
    content, but a title may still be corrected (``title_only``).
    """
    if state is MeetingState.CANCELLED:
        return "Die Sitzung ist abgesagt; ihre Tagesordnung kann nicht mehr geändert werden."
    if state is MeetingState.HELD and not title_only:
        return (
            "Die Sitzung hat bereits stattgefunden; ihre Tagesordnung kann nicht mehr "
            "umgestellt werden. Nur Titel lassen sich noch berichtigen."
        )
    return None


def _problem(message: str) -> ValidationError:
    return ValidationError([FieldProblem("agenda", message)])
