"""The agenda as a tree: numbers (1, 2, 2.1 …), the time plan; moving items is
:mod:`expertenrat.domain.agenda_moves`, the opening items and where new items go
:mod:`expertenrat.domain.agenda_placement`.

Items refer to their parent by ``key`` (the database id, or any stable key for new items)
and are ordered among their siblings by ``position``. Numbers are never stored; they
follow from the tree. An item below a non-public item is non-public too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from expertenrat.domain.enums import (
    AgendaItemKind,
    AgendaItemOutcome,
    MeetingState,
    PresenterKind,
)
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import AGENDA_ITEM, clean_text, text_problems

MAX_DEPTH = 3
URGENT_MARK = "(Dringlichkeitsantrag)"  # beside an urgent item's title
MAX_PLANNED_MINUTES = 600


def minutes_mark(urgent: bool, outcome: AgendaItemOutcome) -> str:
    """What the minutes print beside an item's title: "(Dringlichkeitsantrag)", "– vertagt",
    both or ""."""
    return " ".join(p for p in (URGENT_MARK if urgent else "", outcome.mark) if p)


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
    urgent: bool = False  # a Dringlichkeitsantrag: taken up at the meeting itself

    @property
    def mark(self) -> str:
        """ "(Dringlichkeitsantrag)" beside the title of an urgent item, else ""."""
        return URGENT_MARK if self.urgent else ""


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
    # Why no urgent item may be added now (``None``: it may: the meeting is held and its
    # minutes are an open draft).
    urgent_refusal: str | None = None
    # Why the items of a held meeting may no longer be moved (its minutes are no open draft);
    # ``None``: they may, or the meeting is not held (its state decides, ``change_refusal``).
    order_refusal: str | None = None
    # An invited meeting whose start has passed: an item the council takes up now is a
    # Dringlichkeitsantrag, added once the meeting is set "durchgeführt".
    begun: bool = False

    @property
    def order_open(self) -> bool:
        """The meeting is held and its items may still be moved (its minutes are an open
        draft): into the order in which they were taken up, each within its level."""
        return self.state is MeetingState.HELD and not self.frozen and self.order_refusal is None


@dataclass(frozen=True, slots=True)
class PlacedItem:
    """An item in agenda order with its number, depth, effective publicity and start."""

    item: AgendaItem
    number: str
    depth: int
    public: bool
    start: datetime | None = None


def invited_items(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """The items the meeting was invited to: without the urgent items taken up at it
    (top-level items without sub-items: a held meeting's agenda takes no new sub-items),
    so that numbered alone they keep the numbers they were invited with."""
    return [i for i in items if not i.urgent]


def children_by_parent(items: Iterable[AgendaItem]) -> dict[int | None, list[AgendaItem]]:
    """The items under each parent key (``None``: the top level), in their order."""
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
        raise agenda_problem("Ein Tagesordnungspunkt kommt doppelt vor.")
    if any(i.parent is not None and i.parent not in set(keys) for i in items):
        raise agenda_problem(
            "Ein Tagesordnungspunkt verweist auf einen fehlenden übergeordneten Punkt."
        )
    children = children_by_parent(items)
    placed: list[PlacedItem] = []
    clock = start

    def visit(parent: int | None, prefix: str, depth: int, public: bool) -> None:
        nonlocal clock
        for index, item in enumerate(children.get(parent, []), start=1):
            if depth >= MAX_DEPTH:
                raise agenda_problem(
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
        raise agenda_problem("Die Gliederung der Tagesordnung enthält einen Kreis.")
    return placed


def numbers(items: Sequence[AgendaItem]) -> dict[int, str]:
    """The number of every item by key: "1", "2", "2.1" …"""
    return {p.item.key: p.number for p in ordered(items)}


def end_time(items: Sequence[AgendaItem], start: datetime) -> datetime:
    """When the agenda ends if every item takes its planned minutes."""
    return start + timedelta(minutes=sum(max(i.planned_minutes, 0) for i in items))


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


HELD_OPEN_ORDER = (
    "Die Sitzung ist als durchgeführt erfasst: Nur Titel lassen sich noch berichtigen und, "
    "solange das Protokoll ein offener Entwurf ist, Punkte in die Reihenfolge verschieben, "
    "in der sie behandelt wurden."
)
"""What a held meeting's agenda allows while its minutes are an open draft."""


def change_refusal(
    state: MeetingState,
    *,
    title_only: bool = False,
    open_urgent: bool = False,
    open_order: bool = False,
) -> str | None:
    """Why the agenda of a meeting in ``state`` may not change so (German), or ``None``.

    A cancelled meeting's agenda is final; a held meeting's items keep their content, but
    a title may still be corrected (``title_only``), and an urgent item taken up at the
    meeting may be changed or removed while the minutes are an open draft
    (``open_urgent``); while they are (``open_order``), the refusal says that the items may
    still be moved (:func:`~expertenrat.domain.agenda_moves.keep_levels`). "Held" is the
    state: a meeting may be marked so once it has begun, while it still runs, so the
    refusal does not say that it is over.
    """
    if state is MeetingState.CANCELLED:
        return "Die Sitzung ist abgesagt; ihre Tagesordnung kann nicht mehr geändert werden."
    if state is MeetingState.HELD and not (title_only or open_urgent):
        if open_order:
            return HELD_OPEN_ORDER
        return (
            "Die Sitzung ist als durchgeführt erfasst; ihre Tagesordnung kann nicht mehr "
            "umgestellt werden. Nur Titel lassen sich noch berichtigen."
        )
    return None


def agenda_problem(message: str) -> ValidationError:
    """A refusal of the agenda's rules, shown beside the agenda."""
    return ValidationError([FieldProblem("agenda", message)])
