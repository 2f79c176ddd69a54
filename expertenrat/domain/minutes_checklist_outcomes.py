"""The completeness check's lines about items the council did not deal with: an item
postponed ("vertagt") or taken off the agenda ("abgesetzt") needs no text and no vote
(``ItemMinutes.lacks_content`` asks none of it), but a vote or a recommendation adopted
at it, or at a sub-item of it, contradicts its outcome: a warning, pointing at the votes."""

from __future__ import annotations

from collections.abc import Iterable

from expertenrat.domain.enums import AgendaItemOutcome, VoteMode
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget


def outcome_lines(items: Iterable[ItemMinutes]) -> list[ChecklistLine]:
    """One warning per item not dealt with, or under one not dealt with (TOP 6.1 when TOP 6
    was taken off), that carries a vote (one noted without a vote is no contradiction: the
    council took note of the postponement) or a recommendation."""
    listed = list(items)
    by_id = {item.item_id: item for item in listed}
    lines = []
    for item in listed:
        settled = _not_dealt_with(item, by_id)
        if settled is None or not (what := _resolved(item)):
            continue
        where = (
            "Der Punkt ist" if settled is item else f"TOP {settled.number}, zu dem er gehört, ist"
        )
        lines.append(
            ChecklistLine(
                "item_outcome",
                True,
                f"{item.label}: {where} als {settled.outcome.label} vermerkt, im Protokoll "
                f"steht aber {what}. Bitte prüfen Sie, was davon stimmt.",
                ChecklistTarget("votes", item.item_id),
                warning=True,
            )
        )
    return lines


def _not_dealt_with(item: ItemMinutes, by_id: dict[int, ItemMinutes]) -> ItemMinutes | None:
    """The item itself if it was postponed or taken off, else the nearest item above it
    that was, or ``None``."""
    found: ItemMinutes | None = item
    while found is not None:
        if found.outcome is not AgendaItemOutcome.DISCUSSED:
            return found
        found = by_id.get(found.parent_id) if found.parent_id is not None else None
    return None


def _resolved(item: ItemMinutes) -> str:
    """What of the item says it was decided on: "eine Abstimmung", "eine beschlossene
    Empfehlung", or ""."""
    if any(v.mode is not VoteMode.NOTED for v in item.votes):
        return "eine Abstimmung"
    return "eine beschlossene Empfehlung" if item.recommendations else ""
