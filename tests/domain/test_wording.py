"""Shared German wording: counts, runs of row numbers, shortened texts."""

from __future__ import annotations

from expertenrat.domain.wording import (
    council_as_subject,
    council_with_city,
    counted,
    file_size,
    listed,
    names_city,
    number_ranges,
    quotations_isolated,
    restore_scope,
    shortened,
    since_days,
    whole_number,
)


def test_counted_takes_the_noun_in_its_number():
    assert (counted(1, "Gremium", "Gremien"), counted(3, "Gremium", "Gremien")) == (
        "1 Gremium",
        "3 Gremien",
    )


def test_a_long_time_is_said_in_months_or_years_not_in_days():
    # (found by a tester) the report read "seit 365 Tagen überfällig"
    days = (1, 59, 60, 119, 364, 365, 366, 730, 1000)
    assert [since_days(n) for n in days] == [
        "seit 1 Tag",
        "seit 59 Tagen",
        "seit 2 Monaten",
        "seit 3 Monaten",
        "seit 12 Monaten",
        "seit einem Jahr",
        "seit über einem Jahr",
        "seit 2 Jahren",
        "seit über 2 Jahren",
    ]


def test_listed_joins_the_last_part_with_und():
    assert [listed(["A", "B", "C"][:n]) for n in range(4)] == ["", "A", "A und B", "A, B und C"]
    assert listed(["A", "B", "C"], last="oder") == "A, B oder C"


def test_listed_counts_the_parts_beyond_most_but_names_a_single_one():
    parts = ["A", "B", "C", "D", "E"]
    assert listed(parts, most=2) == "A, B und 3 weitere"
    assert listed(parts[:3], most=2) == "A, B und C"
    assert listed(parts, most=5) == "A, B, C, D und E"


def test_runs_of_numbers_are_written_as_their_ends():
    assert number_ranges([8, 2, 3, 4, 5, 10, 11, 8]) == "2–5, 8, 10–11"
    assert number_ranges(range(2, 20_002)) == "2–20001"
    assert number_ranges([]) == ""


def test_a_long_text_is_cut_with_an_ellipsis():
    assert shortened("Anna Berg", 20) == "Anna Berg"
    assert shortened("Anna Berg-Kowalski", 10) == "Anna Berg…"
    assert len(shortened("x" * 1000, 120)) == 120


def test_sizes_and_numbers_are_written_the_german_way():
    assert file_size(1_782_579) == "1,7 MB"
    assert file_size(340 * 1024) == "340 KB" and file_size(10) == "1 KB"
    assert whole_number(1450) == "1.450" and whole_number(12) == "12"


def test_a_councils_name_as_subject_takes_its_own_article() -> None:
    assert council_as_subject("Digitalbeirat der Hansestadt Lübeck") == (
        "der Digitalbeirat der Hansestadt Lübeck"
    )
    assert council_as_subject("Smart City Expert*innenrat Rostock") == (
        "der Smart City Expert*innenrat Rostock"
    )
    assert council_as_subject("Digitalkommission des Landkreises Fürstenfeldbruck") == (
        "die Digitalkommission des Landkreises Fürstenfeldbruck"
    )
    assert council_as_subject("Bürgerforum Smart City") == "das Bürgerforum Smart City"
    # No head noun known before "für": the name stands quoted after "das Gremium".
    assert council_as_subject("Smarte Köpfe") == "das Gremium „Smarte Köpfe“"
    assert council_as_subject("Ständige Runde für den Rat") == "die Ständige Runde für den Rat"
    assert council_as_subject("Arbeit für den Rat") == "das Gremium „Arbeit für den Rat“"


def test_quotations_in_right_to_left_script_are_set_apart_once_inside_their_marks():
    """(found by a tester) The Änderungsprotokoll's lines quote titles; a Hebrew or Arabic
    one ran together with the date after it."""
    assert quotations_isolated("Erinnerung an „פרויקט“ (03.12.2026): E-1") == (
        "Erinnerung an „\u2068פרויקט\u2069“ (03.12.2026): E-1"
    )
    assert quotations_isolated("TOP 2 „مشروع“ der 5. Sitzung: „Daten“ geändert") == (
        "TOP 2 „\u2068مشروع\u2069“ der 5. Sitzung: „Daten“ geändert"
    )
    already = "Erinnerung an „\u2068פרויקט\u2069“ (03.12.2026): E-1"
    assert quotations_isolated(already) == already
    for plain in ("Gremium „Smart City“ angelegt", "Mitglied Anna Berg geändert", "„offen"):
        assert quotations_isolated(plain) == plain


def test_the_council_is_named_with_its_city_unless_its_name_holds_the_city() -> None:
    assert council_with_city("Digitalbeirat", "Hansestadt Lübeck") == (
        "Digitalbeirat, Hansestadt Lübeck"
    )
    assert council_with_city("Digitalbeirat der Hansestadt  LÜBECK", "Hansestadt Lübeck") == (
        "Digitalbeirat der Hansestadt  LÜBECK"
    )
    assert council_with_city("Smart City Rat Rostock", "Rostock") == "Smart City Rat Rostock"
    # whole words only: "Rostocker" does not name Rostock, "Halle" is not "Halle (Saale)"
    assert council_with_city("Rostocker Digitalrat", "Rostock") == "Rostocker Digitalrat, Rostock"
    assert council_with_city("Digitalrat Halle", "Halle (Saale)") == (
        "Digitalrat Halle, Halle (Saale)"
    )
    assert council_with_city("Digitalrat", "") == "Digitalrat"


def test_a_name_holding_the_city_without_its_title_names_it() -> None:
    # found by a tester: "Beirat Digitale Stadt Lübeck · Hansestadt Lübeck"
    assert names_city("Beirat Digitale Stadt Lübeck", "Hansestadt Lübeck")
    assert names_city("Digitalrat Hamburg", "Freie und Hansestadt Hamburg")
    assert not names_city("Digitalrat Lübeck", "Lübecker Bucht")
    assert not names_city("Beirat Weinstraße", "Neustadt an der Weinstraße")  # no title
    assert not names_city("Digitalrat", "Hansestadt Lübeck")


def test_the_restore_scope_names_the_councils_and_the_shown_one_only_in_a_window():
    # (found by a tester) a terminal shows no council, and two are "beide"
    assert restore_scope(1) == ""
    assert restore_scope(2) == "– beide Gremien dieser Datenbank, nicht nur das angezeigte –"
    assert restore_scope(3, shown=False) == "– alle 3 Gremien dieser Datenbank –"
    assert restore_scope(None, shown=False) == "– jedes Gremium dieser Datenbank –"
