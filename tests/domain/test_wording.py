"""Shared German wording: counts, runs of row numbers, shortened texts."""

from __future__ import annotations

from expertenrat.domain.wording import counted, number_ranges, shortened


def test_counted_takes_the_noun_in_its_number():
    assert (counted(1, "Gremium", "Gremien"), counted(3, "Gremium", "Gremien")) == (
        "1 Gremium",
        "3 Gremien",
    )


def test_runs_of_numbers_are_written_as_their_ends():
    assert number_ranges([8, 2, 3, 4, 5, 10, 11, 8]) == "2–5, 8, 10–11"
    assert number_ranges(range(2, 20_002)) == "2–20001"
    assert number_ranges([]) == ""


def test_a_long_text_is_cut_with_an_ellipsis():
    assert shortened("Anna Berg", 20) == "Anna Berg"
    assert shortened("Anna Berg-Kowalski", 10) == "Anna Berg…"
    assert len(shortened("x" * 1000, 120)) == 120
