"""Where a German free text names agenda items by number or by title."""

from __future__ import annotations

import pytest

from expertenrat.domain.agenda_references import names_title, referenced_numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("TOP 7 wurde vorgezogen.", {"7"}),
        ("Die TOP 7 und 10 wurden vorgezogen.", {"7", "10"}),
        ("TOP 7, 10 getauscht", {"7", "10"}),
        ("TOPs 7 und 10", {"7", "10"}),
        ("die TOP's 4 sowie 6", {"4", "6"}),
        ("Tagesordnungspunkt 7", {"7"}),
        ("Tagesordnungspunkte 7 und 10", {"7", "10"}),
        ("vor Tagesordnungspunkten 3, 5, und 8", {"3", "5", "8"}),
        ("zu Beginn des Tagesordnungspunktes 2", {"2"}),
        ("TOP-7", {"7"}),
        ("TOP7 zuerst", {"7"}),
        ("top 07", {"7"}),
        ("TOP Nr. 5", {"5"}),
        ("TOP 7 und TOP 10", {"7", "10"}),
        ("TOP 7 bzw. 8", {"7", "8"}),
        ("TOP 7 oder 8; TOP 9/10", {"7", "8", "9", "10"}),
        ("TOP 3.1 wurde vor TOP 2 beraten.", {"3.1", "2"}),
        ("Ende von TOP 7.", {"7"}),
        ("TOP 7 – Radwege wurde vorgezogen", {"7"}),
        ("TOP 7 und die Radwege", {"7"}),
    ],
)
def test_numbers_named_alone_and_in_lists(text: str, numbers: set[str]) -> None:
    assert referenced_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("TOP 1 bis 7", {"1", "2", "3", "4", "5", "6", "7"}),  # the top level: not 3.1
        ("TOP 7-9", {"7", "8", "9"}),
        ("TOP 7 – 9", {"7", "8", "9"}),
        ("TOP 7 bis TOP 9", {"7", "8", "9"}),
        ("TOP 2.1 bis 2.3", {"2.1", "2.2", "2.3"}),
        ("TOP 2 und 4 bis 5", {"2", "4", "5"}),
        # Ends that are no range of one level: the ends alone.
        ("TOP 9 bis 7", {"7", "9"}),
        ("TOP 2.1 bis 3", {"2.1", "3"}),
        ("TOP 2.1 bis 3.2", {"2.1", "3.2"}),
        ("TOP 1 bis 1000", {"1", "1000"}),
    ],
)
def test_a_range_names_each_number_at_the_level_of_its_ends(text: str, numbers: set[str]) -> None:
    assert referenced_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("TOP 7a", set()),  # no item numbered so; not TOP 7
        ("TOP 7.1b", set()),
        ("TOP 7a und 8", {"8"}),
        ("Die Projekte stehen ab 7 Uhr bereit.", set()),
        ("STOP 7", set()),
        ("Punkt 7 der Vorlage", set()),  # a bare "Punkt": as often a paper's
        ("Top-Thema 7", set()),
        ("", set()),
    ],
)
def test_what_names_no_item(text: str, numbers: set[str]) -> None:
    assert referenced_numbers(text) == numbers


def test_a_title_is_named_as_a_whole_phrase_in_any_case() -> None:
    assert names_title("Der Bericht wurde vorgezogen.", "Bericht")
    assert names_title("BERICHT zuerst", "Bericht")
    assert names_title("Die Radwege  im\nNorden zuerst", "Radwege im Norden")
    assert names_title("„Fragen?“ kam zuerst", "Fragen?")
    assert not names_title("Berichte der Projekte zuerst", "Bericht")
    assert not names_title("Der Jahresbericht zuerst", "Bericht")
    assert not names_title("Radwege zuerst", "Radwege im Norden")
    assert not names_title("irgendetwas", "  ")
