"""The completeness check warns of a vote or an adopted recommendation at an item the
council postponed or took off the agenda, or under such an item; a vote noted without
counting is no such contradiction."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.enums import AgendaItemOutcome, RecommendationKind, VoteMode
from expertenrat.domain.minutes import AdoptedRecommendation, ItemMinutes
from expertenrat.domain.minutes_checklist_outcomes import outcome_lines
from expertenrat.domain.votes import Vote

COUNTED = Vote(1, 1, 0, VoteMode.COUNTED, "", 5, 1, 0, 0, True)
NOTED = Vote(2, 1, 0, VoteMode.NOTED, "", 0, 0, 0, 0, False)
ADOPTED = AdoptedRecommendation(
    7, "E-2026-07", RecommendationKind.RECOMMENDATION, "Titel", "", None, None, date(2026, 3, 10)
)


def item(number: str, outcome: AgendaItemOutcome, **changes) -> ItemMinutes:
    values = dict(item_id=int(number), number=number, title=f"Punkt {number}", public=True,
                  discussion="", motion_text="", resolution_text="", result="", votes=(),
                  recommendations=(), version=1, lacks_content=False, outcome=outcome)  # fmt: skip
    return ItemMinutes(**{**values, **changes})


def test_a_vote_or_a_recommendation_at_an_item_not_dealt_with_is_a_warning() -> None:
    items = (
        item("1", AgendaItemOutcome.POSTPONED, votes=(COUNTED,)),
        item("2", AgendaItemOutcome.WITHDRAWN, recommendations=(ADOPTED,)),
        item("3", AgendaItemOutcome.POSTPONED, votes=(NOTED,)),
        item("4", AgendaItemOutcome.DISCUSSED, votes=(COUNTED,)),
    )

    lines = outcome_lines(items)

    assert [(line.ok, line.warning, line.target.item_id) for line in lines] == [
        (True, True, 1), (True, True, 2),
    ]  # fmt: skip
    assert lines[0].text.startswith("TOP 1 Punkt 1: Der Punkt ist als vertagt vermerkt, im "
                                    "Protokoll steht aber eine Abstimmung.")  # fmt: skip
    assert "als abgesetzt vermerkt, im Protokoll steht aber eine beschlossene Empfehlung" in (
        lines[1].text
    )


def test_a_vote_under_an_item_taken_off_is_a_warning_too() -> None:
    """TOP 6 taken off, its sub-item 6.1 (and 6.1.1) still carry a vote and a recommendation."""
    items = (
        item("6", AgendaItemOutcome.WITHDRAWN),
        item("61", AgendaItemOutcome.DISCUSSED, parent_id=6, votes=(COUNTED,)),
        item("611", AgendaItemOutcome.DISCUSSED, parent_id=61, recommendations=(ADOPTED,)),
        item("7", AgendaItemOutcome.DISCUSSED, votes=(COUNTED,)),
    )

    lines = outcome_lines(items)

    assert [line.target.item_id for line in lines] == [61, 611]
    assert lines[0].text.startswith(
        "TOP 61 Punkt 61: TOP 6, zu dem er gehört, ist als abgesetzt vermerkt, im Protokoll "
        "steht aber eine Abstimmung."
    )
    assert "TOP 6, zu dem er gehört, ist als abgesetzt" in lines[1].text
