"""A table leaves neither its header with a single row at the foot of a page, nor a
section heading alone there: wherever the room left ends, read back from the PDF (found
by a tester)."""

from __future__ import annotations

import collections
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from expertenrat.reports import theme
from expertenrat.reports.paragraph import Paragraph
from expertenrat.reports.widowless_table import ContinuedTable, TableWithClosing

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


def _tall_table(rows: int, lines: int, *, long_rows: bool = False):
    """A table of ``rows`` rows of ``lines`` lines each, its first cell "ZeileNN"."""
    columns = [
        theme.Column("Nummer", 0.3, lambda n: [(f"Zeile{n:02d}", theme.PLAIN)]),
        theme.Column(
            "Text",
            0.7,
            lambda n: [("\n".join(f"Absatz {n}.{k}" for k in range(lines)), theme.PLAIN)],
        ),
    ]
    return theme.column_table(range(1, rows + 1), columns, long_rows=long_rows)


@pytest.mark.parametrize("rows", [3, 4, 5, 7])
@pytest.mark.parametrize("lines", range(15, 28, 2))
def test_a_table_at_the_top_of_a_page_leaves_no_single_row_at_its_foot(rows, lines) -> None:
    """A table that starts at the top of a page cannot move: where only its header and
    two rows fit there and three are left, it broke after one row to send two over
    (found by a tester); now no page ends with a single row of the table going on."""
    pages = _pages([_tall_table(rows, lines)])

    found = [len(set(re.findall(r"Zeile\d\d", text))) for text in pages]
    assert sum(found) == rows
    assert all(n >= 2 for n in found[:-1]), found


@pytest.mark.parametrize("room", [x / 2 for x in range(50, 120, 3)])
def test_a_table_with_a_closing_leaves_no_single_row_at_a_page_foot(room) -> None:
    """A table of three rows whose closing (a letter's greeting) did not fit below it sent
    its last two rows over with the closing and left one row at the page's foot (found by
    a tester); it goes over whole now, as a table of one or two rows does."""
    closing = [
        Paragraph("Mit freundlichen Grüßen", theme.styles().body),
        Spacer(0, 20 * mm),
        Paragraph("Geschäftsstelle", theme.styles().body),
    ]
    columns = [
        theme.Column("Nummer", 0.3, lambda n: [(f"Zeile{n}", theme.PLAIN)]),
        theme.Column("Text", 0.7, lambda n: [(f"Inhalt der Zeile {n}", theme.PLAIN)]),
    ]
    table = theme.column_table(range(1, 4), columns)
    filler = Spacer(0, theme.content_height() - room * mm)

    pages = _pages([filler, TableWithClosing(table, closing)])

    rows = _rows_per_page(pages)
    assert sum(rows) == 3
    assert all(n in (0, 3) for n in rows), rows
    assert "Geschäftsstelle" in pages[-1] and rows[-1] == 3


@pytest.mark.parametrize("lines", [33, 41, 49])
def test_rows_taller_than_half_a_page_fill_the_page_where_they_may_split(lines) -> None:
    """A table whose rows may split (an agenda item's long title) and are so tall that
    one fits a page whole put a single row on every page and left the rest empty (found
    by a tester): the next row now starts below it and goes on over the page, at least
    three of its lines on either side."""
    pages = _pages([_tall_table(4, lines, long_rows=True)])

    pieces = [collections.Counter(re.findall(r"Absatz (\d+)\.\d+", text)) for text in pages]
    assert sum(sum(piece.values()) for piece in pieces) == 4 * lines
    assert all(len(piece) >= 2 for piece in pieces[:-1]), pieces
    assert all(n >= 3 for piece in pieces for n in piece.values()), pieces


@pytest.mark.parametrize(
    ("rows", "lines", "long_rows"),
    [(2, 26, False), (3, 18, False), (3, 18, True), (4, 26, True), (4, 41, True)],
)
def test_a_table_with_its_closing_at_the_top_of_a_page_leaves_no_empty_page(
    rows, lines, long_rows
) -> None:
    """A table with a closing that stood at the top of a page and did not fit with its
    closing was sent on to a new page, which left the page empty but for its header
    (found by a tester); at the top of a page it now stays, its end going over with the
    closing where two rows stay (or a row and the start of the next, where rows split)."""
    closing = [
        Paragraph("Mit freundlichen Grüßen", theme.styles().body),
        Spacer(0, 20 * mm),
        Paragraph("Geschäftsstelle", theme.styles().body),
    ]
    table = _tall_table(rows, lines, long_rows=long_rows)

    pages = _pages([TableWithClosing(table, closing)])

    assert all("Absatz" in text or "Geschäftsstelle" in text for text in pages), pages
    assert "Geschäftsstelle" in pages[-1]
    if long_rows:  # the greeting goes over with the end of the table
        assert "Absatz" in pages[-1]
    assert len(re.findall(r"Absatz \d+\.\d+", " ".join(pages))) == rows * lines


@pytest.mark.parametrize("room", ROOMS)
def test_a_continued_table_leaves_no_empty_page_where_it_breaks_a_row_earlier(room) -> None:
    """A table under a section heading that broke a row earlier (so that its last row did
    not go over alone) went on after an empty page: its own break to the next page and
    the heading's said again both began a page (found by a tester in the public roster)."""
    filler = Spacer(0, theme.content_height() - room * mm)
    continued = ContinuedTable(_table(), lambda: [Paragraph("Weiter", theme.styles().body)])

    pages = _pages([filler, continued])

    rows = _rows_per_page(pages)
    assert sum(rows) == ROWS
    assert all(n >= 2 for n in rows[1:]), rows
    started = min(n for n, count in enumerate(rows) if count)
    assert all("Weiter" in text for text in pages[started + 1 :])


@pytest.mark.parametrize("room", [70, 100, 130])
def test_a_tall_row_that_may_split_starts_in_the_room_left_at_a_page_foot(room) -> None:
    """(found by a tester) The run sheet left the foot of its first page empty above an
    item with long notes: reportlab splits a row only where no break between rows is left,
    so the row went whole to the next page. It now starts in the room left, at least
    three of its lines on either page."""
    lines = {1: 1, 2: 1, 3: 30, 4: 1}
    columns = [
        theme.Column("Nummer", 0.3, lambda n: [(f"Zeile{n}", theme.PLAIN)]),
        theme.Column(
            "Text",
            0.7,
            lambda n: [("\n".join(f"Absatz {n}.{k}" for k in range(lines[n])), theme.PLAIN)],
        ),
    ]
    filler = Spacer(0, theme.content_height() - room * mm)

    pages = _pages([filler, theme.column_table(lines, columns, long_rows=True)])

    pieces = [collections.Counter(re.findall(r"Absatz (\d+)\.\d+", text)) for text in pages]
    assert sum(sum(piece.values()) for piece in pieces) == sum(lines.values())
    assert pieces[0]["3"] >= 3, pieces  # the tall row starts on the first page
    assert all(n >= 3 for piece in pieces for row, n in piece.items() if lines[int(row)] > 1)
