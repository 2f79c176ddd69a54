"""What became of an agenda item in the meeting, its sub-items included: an item postponed
("vertagt") or taken off the agenda ("abgesetzt") takes its sub-items with it, unless a
sub-item has an outcome of its own. TOP 6 postponed: its 6.1 was postponed too ("Mit TOP 6
vertagt."), asks no text, is marked so in the editor and the PDF minutes, and OParl gives it
TOP 6's result.

One rule for the completeness check, the minutes editor's rows, the PDF minutes and the
OParl export (:func:`effective_outcomes`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from expertenrat.domain.enums import AgendaItemOutcome


@dataclass(frozen=True, slots=True)
class EffectiveOutcome:
    """The outcome an item counts with, and the number of the item above it it follows
    ("6"; "" for its own)."""

    outcome: AgendaItemOutcome = AgendaItemOutcome.DISCUSSED
    follows: str = ""

    @property
    def dealt_with(self) -> bool:
        return self.outcome is AgendaItemOutcome.DISCUSSED

    @property
    def line(self) -> str:
        """What the minutes say at the item: "Der Tagesordnungspunkt wurde vertagt.",
        "Mit TOP 6 vertagt." or "" (dealt with)."""
        if self.dealt_with:
            return ""
        if self.follows:
            return f"Mit TOP {self.follows} {self.outcome.label}."
        return f"Der Tagesordnungspunkt wurde {self.outcome.label}."


class OutcomeNode(NamedTuple):
    """What the rule reads of an item: its id, its parent's, its number, its own outcome."""

    item_id: int
    parent_id: int | None
    number: str
    outcome: AgendaItemOutcome


def effective_outcomes(nodes: Iterable[OutcomeNode]) -> dict[int, EffectiveOutcome]:
    """Per item id: its own outcome where it was not dealt with, else that of the nearest
    item above it that was not (following it), else dealt with. An item whose parent is not
    among ``nodes`` (deleted) counts by its own."""
    by_id = {node.item_id: node for node in nodes}
    found = {}
    for item_id, node in by_id.items():
        above: OutcomeNode | None = node
        while above is not None and above.outcome is AgendaItemOutcome.DISCUSSED:
            above = by_id.get(above.parent_id) if above.parent_id is not None else None
        if above is None:
            found[item_id] = EffectiveOutcome()
        else:
            follows = "" if above is node else above.number
            found[item_id] = EffectiveOutcome(above.outcome, follows)
    return found
