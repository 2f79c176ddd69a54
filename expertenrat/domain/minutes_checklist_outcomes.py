"""The completeness check's lines about items the council did not deal with: an item
postponed ("vertagt") or taken off the agenda ("abgesetzt") needs no text and no vote
(``ItemMinutes.lacks_content`` asks none of it), nor do its sub-items, which follow it
(``domain.agenda_outcomes``). A recommendation adopted at such an item contradicts its
outcome, and so does a vote at a sub-item that follows it; a vote at the item itself is the
council's on postponing it or taking it off. A warning, pointing at the votes."""

from __future__ import annotations

from collections.abc import Iterable

from expertenrat.domain.enums import VoteMode
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget


def outcome_lines(items: Iterable[ItemMinutes]) -> list[ChecklistLine]:
    """One warning per item not dealt with that carries a recommendation, or a vote where it
    follows the item above it (TOP 6.1 of TOP 6 taken off): at an item postponed or taken
    off itself, a vote is the council's on doing so ("Antrag auf Vertagung, einstimmig
    angenommen"), no contradiction."""
    lines = []
    for item in items:
        settled = item.effective_outcome
        if settled.dealt_with or not (what := _resolved(item, settled.follows)):
            continue
        where = (
            f"TOP {settled.follows}, zu dem er gehört, ist" if settled.follows else "Der Punkt ist"
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


def _resolved(item: ItemMinutes, follows: str) -> str:
    """What of the item contradicts its outcome: "eine beschlossene Empfehlung" (one
    cannot be adopted at an item not dealt with), "eine Abstimmung" (counted or unanimous,
    where the item only ``follows`` the one above it), or ""."""
    if item.recommendations:
        return "eine beschlossene Empfehlung"
    if follows and any(v.mode is not VoteMode.NOTED for v in item.votes):
        return "eine Abstimmung"
    return ""
