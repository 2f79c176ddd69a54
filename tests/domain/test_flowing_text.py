"""A list's points in user text, and text copied from a PDF pasted as flowing text."""

from __future__ import annotations

import pytest

from expertenrat.domain.flowing_text import flowing_text
from expertenrat.domain.list_points import list_point
from expertenrat.domain.text_characters import pasted_text


@pytest.mark.parametrize(
    ("line", "point"),
    [
        ("•\tPunkt", ("•", "Punkt")),
        ("\t▪\tPunkt", (" ▪", "Punkt")),
        ("a)\tPunkt", ("a)", "Punkt")),
        ("(2) Absatz", ("(2)", "Absatz")),
        ("10. Punkt", ("10.", "Punkt")),
        ("  o Unterpunkt", ("  o", "Unterpunkt")),  # Word's second level, from a PDF
        ("o. g. Punkte", None),  # an abbreviation, no point
        ("z. B. ein Satz", None),  # an abbreviation, no point
        ("Kosten:\t5.000 €", None),  # a label too long for a point's mark
        ("•", None),  # a bullet without its point
    ],
)
def test_what_is_a_list_point(line: str, point: tuple[str, str] | None) -> None:
    assert list_point(line) == point


def test_the_printed_lines_of_a_pdf_s_paragraph_flow_again() -> None:
    """(found by a tester) pasted as copied, each printed line stayed a line of its own and
    "Bürgerbeteiligung" divided over two was not found."""
    copied = (
        "Der Rat empfiehlt, die Bürger-\r\n"
        "beteiligung früh zu planen und die Open-\r\n"
        "Data-Angebote der Hanse-\r\n"
        "und Universitätsstadt zu nutzen. \r\n"
        "\r\n"
        "Zweiter Absatz\r\n"
        "in zwei Zeilen."
    )

    assert flowing_text(copied) == (
        "Der Rat empfiehlt, die Bürgerbeteiligung früh zu planen und die Open-Data-Angebote "
        "der Hanse- und Universitätsstadt zu nutzen.\n\nZweiter Absatz in zwei Zeilen."
    )


def test_a_list_s_points_keep_their_lines_and_their_further_lines_join_them() -> None:
    copied = "Ergebnisse:\n•\tDer erste Punkt\nläuft weiter\n•\tZweiter\n1. Dritter"

    assert flowing_text(copied) == (
        "Ergebnisse:\n•\tDer erste Punkt läuft weiter\n•\tZweiter\n1. Dritter"
    )


def test_a_bullet_copied_on_a_line_of_its_own_begins_its_point() -> None:
    """A PDF may copy a list's bullet on a line of its own and its point on the next."""
    copied = "Ergebnisse:\n\uf0b7\nPunkt eins\nläuft weiter\n\uf0b7\nPunkt zwei"

    assert flowing_text(pasted_text(copied)) == (
        "Ergebnisse:\n• Punkt eins läuft weiter\n• Punkt zwei"
    )


def test_a_date_or_ordinal_a_pdf_moved_to_a_line_s_start_goes_on_the_line_before() -> None:
    """(found by a tester) "am" over "15. Dezember 2026", "in der" over "7. Sitzung" stayed
    two lines, the second taken for a numbered list's point."""
    copied = (
        "Die nächste Sitzung findet am\n15. Dezember 2026 im Rathaus statt; die\n"
        "Genehmigung ist in der\n7. Sitzung vorgesehen. Ergebnisse:\n1. Punkt eins"
    )

    assert flowing_text(copied) == (
        "Die nächste Sitzung findet am 15. Dezember 2026 im Rathaus statt; die Genehmigung "
        "ist in der 7. Sitzung vorgesehen. Ergebnisse:\n1. Punkt eins"
    )


def test_a_date_a_pdf_moved_to_a_line_s_start_after_and_goes_on_the_line_before() -> None:
    """(found by review) "am 10. und" over "24. März" stayed two lines, the second taken
    for a numbered list's point."""
    copied = "Die Sitzungen finden am 10. und\n24. März oder\n7. April statt."

    assert flowing_text(copied) == "Die Sitzungen finden am 10. und 24. März oder 7. April statt."


def test_a_link_or_address_divided_at_its_hyphen_keeps_it() -> None:
    """(found by a tester) A link copied from a PDF over two lines ("…/smart-" over
    "city/beirat") lost its hyphen, as a divided word does, and led nowhere."""
    copied = "siehe https://www.rostock.de/smart-\ncity/beirat oder\nkim.alt@stadt-\nrostock.de"

    assert flowing_text(copied) == (
        "siehe https://www.rostock.de/smart-city/beirat oder kim.alt@stadt-rostock.de"
    )


def test_a_range_of_numbers_divided_at_its_dash_is_whole_again() -> None:
    """(found by a tester) "2025–" over "2030" was joined by a space: "2025– 2030"."""
    copied = "die Strategie 2025–\n2030 und der Plan 2026-\n2028, montags 10–\n12 Uhr"

    assert flowing_text(copied) == (
        "die Strategie 2025–2030 und der Plan 2026-2028, montags 10–12 Uhr"
    )


def test_a_hyphen_after_a_number_at_a_line_s_end_stays_with_no_space() -> None:
    """(found by review) "CO2-" over "neutrale" was joined by a space, "CO2- neutrale", as
    the hyphen after a digit was taken for none that divides a word."""
    copied = "eine CO2-\nneutrale Verwaltung, das 3D-\nStadtmodell und die CO2-\nBilanz"

    assert flowing_text(copied) == (
        "eine CO2-neutrale Verwaltung, das 3D-Stadtmodell und die CO2-Bilanz"
    )


def test_a_list_after_a_verb_s_particle_keeps_its_points() -> None:
    copied = "Die Geschäftsstelle schlägt vor\n1. Montag\n2. Dienstag, wie\n3. Mai"

    assert (
        flowing_text(copied)
        == "Die Geschäftsstelle schlägt vor\n1. Montag\n2. Dienstag, wie\n3. Mai"
    )


def test_word_s_second_level_copied_from_a_pdf_keeps_its_lines() -> None:
    """(found by a tester) Word's second level's "o" copied from a PDF before a space:
    its points were joined to the point above ("• Punkt eins o Unterpunkt a o …")."""
    copied = "Ergebnisse:\n• Punkt eins\no Unterpunkt a\no Unterpunkt b, über\nzwei Zeilen"

    assert flowing_text(copied) == (
        "Ergebnisse:\n• Punkt eins\no Unterpunkt a\no Unterpunkt b, über zwei Zeilen"
    )


def test_a_mail_quoted_in_a_reply_flows_without_its_quote_markers() -> None:
    """(found by a tester) Outlook's "> " before each line of a quoted mail ended up inside
    the joined line: "Der Rat empfiehlt, > die Bürgerbeteiligung …"."""
    copied = (
        "> Der Rat empfiehlt, die Bürger-\r\n"
        "> beteiligung früh zu planen.\r\n"
        ">\r\n"
        "> Ergebnisse:\r\n"
        "> • Erster Punkt\r\n"
        "> läuft weiter\r\n"
        "> • Zweiter > als der erste"
    )

    assert flowing_text(copied) == (
        "Der Rat empfiehlt, die Bürgerbeteiligung früh zu planen.\n\n"
        "Ergebnisse:\n• Erster Punkt läuft weiter\n• Zweiter > als der erste"
    )


def test_a_quote_in_a_quote_loses_its_markers_and_stays_a_paragraph_of_its_own() -> None:
    copied = "> Danke für\n> die Info.\n>> Die Frist\n>> endet am\n> > Freitag.\n> Gruß"

    assert flowing_text(copied) == ("Danke für die Info.\nDie Frist endet am Freitag.\nGruß")


@pytest.mark.parametrize(
    "copied",
    [
        "Ergebnis:\n> 5 Stimmen dafür",  # a line that is not quoted: no mail's quote
        "> 5 Stimmen dafür\n",  # a line alone and its line's end
    ],
)
def test_a_greater_than_sign_at_a_line_s_start_of_no_quote_stays(copied: str) -> None:
    assert ">" in flowing_text(copied)
