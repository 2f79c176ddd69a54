"""The completeness check's lines about items the council did not deal with: an item
postponed ("vertagt") or taken off the agenda ("abgesetzt") needs no text and no vote
(``ItemMinutes.lacks_content`` asks none of it), but a vote or a recommendation adopted
at it contradicts its outcome: a warning, pointing at the item's votes."""

from __future__ import annotations

from collections.abc import Iterable

from expertenrat.domain.enums import AgendaItemOutcome, VoteMode
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget


def outcome_lines(items: Iterable[ItemMinutes]) -> list[ChecklistLine]:
    """One warning per item not dealt with that carries a vote (one noted without a vote
    is no contradiction: the council took note of the postponement) or a recommendation."""
    return [
        ChecklistLine(
            "item_outcome",
            True,
            f"{item.label}: Der Punkt ist als {item.outcome.label} vermerkt, im Protokoll "
            f"steht aber {what}. Bitte prüfen Sie, was davon stimmt.",
            ChecklistTarget("votes", item.item_id),
            warning=True,
        )
        for item in items
        if item.outcome is not AgendaItemOutcome.DISCUSSED and (what := _resolved(item))
    ]


def _resolved(item: ItemMinutes) -> str:
    """What of the item says it was decided on: "eine Abstimmung", "eine beschlossene
    Empfehlung", or ""."""
    if any(v.mode is not VoteMode.NOTED for v in item.votes):
        return "eine Abstimmung"
    return "eine beschlossene Empfehlung" if item.recommendations else ""
