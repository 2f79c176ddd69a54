"""A table leaves neither its header with a single row at the foot of a page, nor a
section heading alone there: wherever the room left ends, read back from the PDF (found
by a tester)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from expertenrat.reports import theme

ROWS = 6


def _pages(story) -> list[str]:
    info = theme.DocumentInfo(
        title="Prüfung", council_name="Rat", city="Stadt", date=date(2026, 1, 1)
    )
    pdf = theme.build_pdf(story, info).pdf
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _table():
    columns = [
        theme.Column("Nummer", 0.3, lambda n: [(f"Zeile{n}", theme.PLAIN)]),
        theme.Column("Text", 0.7, lambda n: [(f"Inhalt der Zeile {n}", theme.PLAIN)]),
    ]
    return theme.column_table(range(1, ROWS + 1), columns)


def _rows_per_page(pages: list[str]) -> list[int]:
    return [len(re.findall(r"Zeile\d", text)) for text in pages]


# Room left on the first page, in mm: from less than a header to a little more than
# the whole table, in small steps.
ROOMS = [x / 2 for x in range(10, 120, 3)]


@pytest.mark.parametrize("room", ROOMS)
def test_a_table_keeps_two_rows_under_its_header_at_a_page_foot(room) -> None:
    filler = Spacer(0, theme.content_height() - room * mm)

    rows = _rows_per_page(_pages([filler, _table()]))

    assert sum(rows) == ROWS
    assert all(n == 0 or n >= 2 for n in rows), rows


@pytest.mark.parametrize("room", ROOMS)
def test_a_section_heading_stays_with_the_start_of_its_table(room) -> None:
    filler = Spacer(0, theme.content_height() - room * mm)
    story = [filler, *theme.section_heading("Abschnitt Eins", keep_space=0), _table()]

    pages = _pages(story)

    rows = _rows_per_page(pages)
    assert all(n == 0 or n >= 2 for n in rows), rows
    (heading_page,) = [n for n, text in enumerate(pages) if "Abschnitt Eins" in text]
    assert rows[heading_page] >= 2, rows


def test_a_heading_over_a_long_table_does_not_leave_the_room_empty() -> None:
    """keepWithNext keeps the heading with the table's start, not with all of it: a
    table longer than the room left starts below the heading where it is."""
    columns = [theme.Column("Nummer", 1.0, lambda n: [(f"Zeile{n}", theme.PLAIN)])]
    table = theme.column_table(range(1, 120), columns)
    filler = Spacer(0, theme.content_height() - 100 * mm)

    pages = _pages([filler, *theme.section_heading("Abschnitt Eins", keep_space=0), table])

    assert "Abschnitt Eins" in pages[0]
    assert _rows_per_page(pages)[0] >= 5
