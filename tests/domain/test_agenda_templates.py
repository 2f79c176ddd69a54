"""Templates for recurring agenda items: the council's own list, then its recurring titles."""

from __future__ import annotations

from datetime import datetime

from expertenrat.domain.agenda_templates import (
    STANDARD_TEMPLATES,
    AgendaTemplate,
    UsedItem,
    templates,
)
from expertenrat.domain.enums import AgendaItemKind


def used(meeting: int, title: str, minutes: int = 5) -> UsedItem:
    return UsedItem(
        meeting,
        datetime(2026, meeting, 1),
        AgendaTemplate(title, AgendaItemKind.REPORT, True, minutes),
    )


def test_titles_used_in_two_meetings_follow_with_their_latest_minutes():
    chosen = templates(
        [],
        [
            used(1, "Bericht „Stadtdaten“ & <Radwege>", 10),
            used(2, "Bericht „Stadtdaten“ & <Radwege>", 25),
            used(2, "Einmaliges Thema"),
            used(3, "Verschiedenes", 7),
            used(1, "Verschiedenes", 5),
        ],
    )

    assert [t.title for t in chosen[:2]] == ["Bericht „Stadtdaten“ & <Radwege>", "Verschiedenes"]
    assert chosen[0].planned_minutes == 25
    assert chosen[1].planned_minutes == 7
    assert "Einmaliges Thema" not in [t.title for t in chosen]
    assert [t.title for t in chosen].count("Verschiedenes") == 1


def test_the_councils_own_templates_come_first_and_are_not_repeated():
    own = [AgendaTemplate("Verschiedenes", AgendaItemKind.MISCELLANEOUS, True, 3)]

    chosen = templates(own, [used(1, "VERSCHIEDENES"), used(2, "verschiedenes")])

    assert chosen == own


def test_a_council_without_meetings_gets_its_list_as_it_is():
    assert templates(STANDARD_TEMPLATES, []) == list(STANDARD_TEMPLATES)
