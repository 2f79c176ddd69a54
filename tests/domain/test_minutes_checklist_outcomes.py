"""The completeness check warns of an adopted recommendation at an item the council
postponed or took off the agenda, or under such an item, and of a vote under it; a vote at
the item itself is the council's on postponing it (found by a tester), and a vote noted
without counting is no contradiction either."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.agenda_outcomes import OutcomeNode, effective_outcomes
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


def settled(*items: ItemMinutes) -> tuple[ItemMinutes, ...]:
    """``items`` with the outcome each counts with, as the minutes service reads them."""
    nodes = (OutcomeNode(i.item_id, i.parent_id, i.number, i.outcome) for i in items)
    found = effective_outcomes(nodes)
    return tuple(replace(i, effective=found[i.item_id]) for i in items)


def test_a_recommendation_at_an_item_not_dealt_with_is_a_warning_a_vote_is_not() -> None:
    """ "Antrag auf Vertagung, einstimmig angenommen": the vote at TOP 1 is no contradiction."""
    items = settled(
        item("1", AgendaItemOutcome.POSTPONED, votes=(COUNTED,)),
        item("2", AgendaItemOutcome.WITHDRAWN, recommendations=(ADOPTED,), votes=(COUNTED,)),
        item("3", AgendaItemOutcome.POSTPONED, votes=(NOTED,)),
        item("4", AgendaItemOutcome.DISCUSSED, votes=(COUNTED,)),
    )

    lines = outcome_lines(items)

    assert [(line.ok, line.warning, line.target.item_id) for line in lines] == [(True, True, 2)]
    assert lines[0].text.startswith(
        "TOP 2 Punkt 2: Der Punkt ist als abgesetzt vermerkt, im Protokoll steht aber eine "
        "beschlossene Empfehlung."
    )


def test_a_vote_under_an_item_taken_off_is_a_warning_too() -> None:
    """TOP 6 taken off, its sub-item 6.1 (and 6.1.1) still carry a vote and a recommendation."""
    items = settled(
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
