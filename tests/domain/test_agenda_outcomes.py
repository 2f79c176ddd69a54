"""A sub-item of an item postponed or taken off counts as that too, unless it has an
outcome of its own (found by a tester: TOP 6 postponed, its empty 6.1 still "fehlt noch")."""

from __future__ import annotations

from expertenrat.domain.agenda_outcomes import EffectiveOutcome, OutcomeNode, effective_outcomes
from expertenrat.domain.enums import AgendaItemOutcome

DISCUSSED, POSTPONED, WITHDRAWN = AgendaItemOutcome


def test_a_sub_item_follows_the_nearest_item_above_it_not_dealt_with() -> None:
    found = effective_outcomes(
        [
            OutcomeNode(6, None, "6", POSTPONED),
            OutcomeNode(61, 6, "6.1", DISCUSSED),
            OutcomeNode(611, 61, "6.1.1", DISCUSSED),
            OutcomeNode(62, 6, "6.2", WITHDRAWN),  # its own
            OutcomeNode(621, 62, "6.2.1", DISCUSSED),
            OutcomeNode(7, None, "7", DISCUSSED),
            OutcomeNode(71, 7, "7.1", DISCUSSED),
            OutcomeNode(81, 8, "8.1", DISCUSSED),  # its parent deleted
        ]
    )

    assert found == {
        6: EffectiveOutcome(POSTPONED),
        61: EffectiveOutcome(POSTPONED, "6"),
        611: EffectiveOutcome(POSTPONED, "6"),
        62: EffectiveOutcome(WITHDRAWN),
        621: EffectiveOutcome(WITHDRAWN, "6.2"),
        7: EffectiveOutcome(),
        71: EffectiveOutcome(),
        81: EffectiveOutcome(),
    }
    assert [found[i].line for i in (6, 61, 621, 7)] == [
        "Der Tagesordnungspunkt wurde vertagt.",
        "Mit TOP 6 vertagt.",
        "Mit TOP 6.2 abgesetzt.",
        "",
    ]
