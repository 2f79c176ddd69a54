"""Conflicts of interest of a meeting, per agenda item: the read model of the conflicts service.

A :class:`Conflict` is a stored decision: the member is recused (declared by the member,
or a screening suggestion accepted) or a screening suggestion was overruled, by whom and
why. Suggestions (``conflict_screening``) are listed for members without a decision yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from expertenrat.domain.attendance_sheet import AgendaRef
from expertenrat.domain.conflict_screening import ConflictSuggestion
from expertenrat.domain.enums import AttendanceStatus, ConflictDecision, ConflictOrigin
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import TextField, clean_text, text_problems

CONFLICT: Mapping[str, TextField] = MappingProxyType(
    {
        "reason": TextField("Der Grund der Befangenheit", 2_000, multiline=True),
        "decision_reason": TextField("Die Begründung der Entscheidung", 2_000, multiline=True),
    }
)


@dataclass(frozen=True, slots=True)
class MemberRef:
    membership_id: int
    name: str
    affiliation: str = ""
    away: AttendanceStatus | None = None  # recorded entschuldigt or abwesend at the meeting


@dataclass(frozen=True, slots=True)
class Conflict:
    id: int
    item_id: int
    membership_id: int
    member_name: str
    reason: str
    origin: ConflictOrigin
    decision: ConflictDecision
    decided_by: str = ""
    decision_reason: str = ""
    version: int = 0

    @property
    def recused(self) -> bool:
        return self.decision is ConflictDecision.RECUSED


@dataclass(frozen=True, slots=True)
class ItemConflicts:
    item: AgendaRef
    project_title: str
    conflicts: tuple[Conflict, ...]
    suggestions: tuple[ConflictSuggestion, ...]  # ``member`` is a membership id
    # recusals at an item above about the same matter, which hold here too
    # (:func:`recusal_sources`); ``item_id`` is that item's
    carried: tuple[Conflict, ...] = ()

    @property
    def recused(self) -> tuple[Conflict, ...]:
        """Who is recused at the item: by a decision here, or carried from above."""
        return tuple(c for c in self.conflicts if c.recused) + self.carried


@dataclass(frozen=True, slots=True)
class ItemLink:
    """An agenda item's place in the tree and its linked project, for :func:`recusal_sources`."""

    id: int
    parent: int | None
    project_id: int | None


def recusal_sources(items: Iterable[ItemLink]) -> dict[int, tuple[int, ...]]:
    """For each item, the items above it whose recusals hold at it too, nearest first:
    those about the same matter (:func:`matter`). A member recused at TOP 5 about project P
    is recused at 5.1 and 5.1.1 about P as well, and at a sub-item without a project of its
    own ("5.2 Aussprache": part of TOP 5), not at a sub-item about another project; a
    decision of the member's own at the sub-item (or at an item nearer to it) comes first."""
    by_id = {item.id: item for item in items}
    sources: dict[int, tuple[int, ...]] = {}
    for item in by_id.values():
        own = matter(item, by_id)
        above = [p.id for p in ancestors(item, by_id) if matter(p, by_id) == own]
        if above:
            sources[item.id] = tuple(above)
    return sources


def matter(item: ItemLink, by_id: Mapping[int, ItemLink]) -> int | None:
    """The project ``item`` is about: its own, else that of the nearest item above it with
    one (a sub-item without a project is part of its item); ``None``: none on the way up."""
    return next(
        (i.project_id for i in (item, *ancestors(item, by_id)) if i.project_id is not None),
        None,
    )


def ancestors(item: ItemLink, by_id: Mapping[int, ItemLink]) -> Iterator[ItemLink]:
    """The items above ``item``, nearest first, each once: parents that form a circle (a
    damaged database; the agenda refuses to show it) end the walk instead of looping."""
    seen = {item.id}
    parent = by_id.get(item.parent) if item.parent is not None else None
    while parent is not None and parent.id not in seen:
        seen.add(parent.id)
        yield parent
        parent = by_id.get(parent.parent) if parent.parent is not None else None


@dataclass(frozen=True, slots=True)
class ConflictSheet:
    meeting_id: int
    cancelled: bool
    members: tuple[MemberRef, ...]  # active on the meeting's date
    items: tuple[ItemConflicts, ...]
    frozen: bool = False  # the minutes are approved: nothing may change

    @property
    def read_only(self) -> bool:
        return self.cancelled or self.frozen

    def name_of(self, membership_id: int) -> str:
        return next((m.name for m in self.members if m.membership_id == membership_id), "")

    def item(self, item_id: int) -> ItemConflicts:
        return next(i for i in self.items if i.item.id == item_id)


def screening_reason(suggestion: ConflictSuggestion) -> str:
    """The reason recorded when a screening suggestion is accepted; the partner's name
    only where the project spells it differently."""
    reason = f"Institution „{suggestion.organisation}“ ist Partner des Projekts"
    if " ".join(suggestion.partner.split()) != " ".join(suggestion.organisation.split()):
        reason += f" (dort „{suggestion.partner}“)"
    return reason + "."


def reason_problems(field: str, value: str, missing: str) -> list[FieldProblem]:
    """A required reason (``field`` in :data:`CONFLICT`): present, not too long, printable."""
    value = clean_text(value, CONFLICT[field])
    if not value:
        return [FieldProblem(field, missing)]
    return text_problems(field, value, CONFLICT[field])
