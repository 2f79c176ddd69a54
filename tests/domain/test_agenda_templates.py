"""Templates for recurring agenda items: the council's own list, then its recurring titles."""

from __future__ import annotations

from datetime import datetime

from expertenrat.domain.agenda_templates import (
    STANDARD_TEMPLATES,
    AgendaTemplate,
    UsedItem,
    correction_templates,
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


def test_corrections_of_approved_minutes_follow_the_councils_list():
    own = [AgendaTemplate("Eröffnung", AgendaItemKind.FORMAL)]
    corrections = correction_templates(
        ["der 5. Sitzung", "der 4. Sitzung", "der 3. Sitzung", "der 2. Sitzung"]
    )

    chosen = templates(own, [used(1, "Verschiedenes"), used(2, "Verschiedenes")], corrections)

    assert [t.title for t in chosen] == [
        "Eröffnung",
        "Berichtigung / Nachtrag zum Protokoll der 5. Sitzung",
        "Berichtigung / Nachtrag zum Protokoll der 4. Sitzung",
        "Berichtigung / Nachtrag zum Protokoll der 3. Sitzung",
        "Verschiedenes",
    ]
    assert chosen[1].kind is AgendaItemKind.FORMAL
    assert chosen[1].public


def test_a_correction_the_council_keeps_itself_is_offered_once():
    title = "Berichtigung / Nachtrag zum Protokoll der 5. Sitzung"
    own = [AgendaTemplate(title, AgendaItemKind.REPORT)]

    chosen = templates(own, [], correction_templates(["der 5. Sitzung"]))

    assert [t.title for t in chosen] == [title]
