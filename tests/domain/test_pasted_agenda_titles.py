"""A line of an agenda pasted as an item's title loses the number it was copied with: the
program numbers the items itself ("TOP 3 TOP 3 Genehmigung …" in the invitation)."""

from __future__ import annotations

import pytest

from expertenrat.domain.pasted_agenda_titles import pasted_title


@pytest.mark.parametrize(
    "copied",
    [
        "TOP 3\tGenehmigung der Tagesordnung",  # a row of a Word table
        "TOP 3:\tGenehmigung der Tagesordnung",
        "3.\tGenehmigung der Tagesordnung",  # a numbered list of Word
        "  3.1 \tGenehmigung der Tagesordnung\r\n",
        "TOP 3: Genehmigung der Tagesordnung",  # typed in an agenda
        "Top 3 – Genehmigung der Tagesordnung",
        "Tagesordnungspunkt 3: Genehmigung der Tagesordnung",
    ],
)
def test_the_number_an_agenda_line_was_copied_with_is_left_out(copied: str) -> None:
    assert pasted_title(copied).strip() == "Genehmigung der Tagesordnung"


@pytest.mark.parametrize(
    "title",
    [
        "TOP 5 der 4. Sitzung: Fortsetzung der Beratung",  # names another item
        "1. Lesung des Haushalts",
        "2026: Rückblick",
        "TOP 3",  # nothing after the number
    ],
)
def test_a_title_that_only_begins_with_a_number_keeps_it(title: str) -> None:
    assert pasted_title(title) == title
