"""A line of an agenda pasted as an item's title loses the number it was copied with: the
program numbers the items itself ("TOP 3 TOP 3 Genehmigung …" in the invitation)."""

from __future__ import annotations

import pytest

from expertenrat.domain.pasted_agenda_titles import agenda_lines, pasted_title


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
        # a list of an e-mail: its number set apart by no-break spaces (found by a tester)
        "3.\u00a0\u00a0\u00a0\u00a0\u00a0 Genehmigung der Tagesordnung",
        "3\u00a0\u00a0\u00a0Genehmigung der Tagesordnung",
        "3.   Genehmigung der Tagesordnung",  # a number with its point before plain spaces
        "3)  Genehmigung der Tagesordnung",
        "TOP 3   Genehmigung der Tagesordnung",
    ],
)
def test_the_number_an_agenda_line_was_copied_with_is_left_out(copied: str) -> None:
    assert pasted_title(copied).strip() == "Genehmigung der Tagesordnung"


@pytest.mark.parametrize(
    "copied",
    [
        "•\tGenehmigung der Tagesordnung",  # a bulleted list of Word
        "\uf0b7\tGenehmigung der Tagesordnung",  # the same from a PDF made of it
        "o\tGenehmigung der Tagesordnung",  # its second level
        "·\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 Genehmigung der Tagesordnung",  # an e-mail's list
        "§\u00a0\u00a0 Genehmigung der Tagesordnung",  # its third level (Wingdings)
        "– \tGenehmigung der Tagesordnung",
        "• Genehmigung der Tagesordnung",
        "b)\tGenehmigung der Tagesordnung",
        "IV.\tGenehmigung der Tagesordnung",
        "o\u00a0\u00a0\u00a0 Genehmigung der Tagesordnung",  # an e-mail's second level
        "a)  Genehmigung der Tagesordnung",
    ],
)
def test_the_mark_of_a_list_an_agenda_line_was_copied_from_is_left_out(copied: str) -> None:
    """(found by a tester) Kept, the invitation printed "TOP 1 • Genehmigung …"."""
    assert pasted_title(copied) == "Genehmigung der Tagesordnung"


@pytest.mark.parametrize(
    "title",
    [
        "TOP 5 der 4. Sitzung: Fortsetzung der Beratung",  # names another item
        "1. Lesung des Haushalts",
        "2026: Rückblick",
        "TOP 3",  # nothing after the number
        "- Begrüßung",  # a dash, a letter before a single space: perhaps meant
        "a) Vorstellung",
        "o Ton",
        # a number or a lone letter before plain spaces begins the title (found by review:
        # "Jahre Smart City", "Sole mio")
        "10   Jahre Smart City",
        "o  Sole mio",
        "1.5  Millionen Euro für Radwege",
        "§  3 der Geschäftsordnung",
    ],
)
def test_a_title_that_only_begins_like_a_copied_line_keeps_it(title: str) -> None:
    assert pasted_title(title) == title


@pytest.mark.parametrize(
    "copied",
    [
        "1. Begrüßung\n2. Genehmigung der Tagesordnung\n3. Bericht der Geschäftsstelle",
        "TOP 1\tBegrüßung\r\nTOP 2\tGenehmigung der Tagesordnung\r\nTOP 3\tBericht der "
        "Geschäfts-\r\nstelle\r\n",  # a PDF broke the last title
        "\uf0b7\tBegrüßung\n\n\uf0b7\tGenehmigung der Tagesordnung\n\uf0b7\tBericht der "
        "Geschäftsstelle",
        "- Begrüßung\n- Genehmigung der Tagesordnung\n- Bericht der Geschäftsstelle",
        "TOP 1: Begrüßung\nTOP 2: Genehmigung der Tagesordnung\nTOP 3 Bericht der Geschäftsstelle",
    ],
)
def test_an_agenda_pasted_whole_is_read_as_its_items_titles(copied: str) -> None:
    """(found by a tester) pasted into one title, it became "Begrüßung 2. Genehmigung …"."""
    assert agenda_lines(copied) == [
        "Begrüßung",
        "Genehmigung der Tagesordnung",
        "Bericht der Geschäftsstelle",
    ]


@pytest.mark.parametrize(
    "copied",
    [
        "1. Lesung des Haushalts",  # one line
        "Intelligente Parkraum-\nsteuerung Warnemünde",  # a title over two lines
        "Tagesordnung:\n1. Begrüßung\n2. Bericht",  # text before it
        "1. Begrüßung\n2.",  # one title only
        "16 Teilnehmende\n12 Gäste",  # numbers, no list
        "10   Jahre Smart City\n12   Monate Bauzeit",
    ],
)
def test_what_is_no_agenda_gives_no_titles(copied: str) -> None:
    assert agenda_lines(copied) == []
