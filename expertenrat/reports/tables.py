"""Tables in the house style: cells of user text never taller than a page, the tinted
header, zebra rows, and a table built from columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import TableStyle

from expertenrat.reports import fonts
from expertenrat.reports.house_style import (
    ACCENT,
    BOLD,
    FONT,
    FONT_BOLD,
    HEAD_FILL,
    PLAIN,
    RULE,
    SMALL,
    SMALL_SIZE,
    ZEBRA,
    face_of,
    styles,
)
from expertenrat.reports.page_geometry import content_height, content_width
from expertenrat.reports.paragraph import Paragraph
from expertenrat.reports.user_text import ELLIPSIS, clip, esc, wrap_rtl
from expertenrat.reports.widowless_table import WidowlessTable

CELL_PADDING = 4  # left and right padding of a data_table cell, in points

MIN_ROW_PIECE = 42  # points of a row split over two pages, on either side: three lines
_CELL_HARD_LIMIT = 2000  # characters per line of a cell (the longest one-line field)
_CELL_QUICK_LIMIT = 180  # a cell with less text (counting line breaks) cannot be too tall


def cell(
    lines: Iterable[tuple[str, str]], style: ParagraphStyle, width: float, max_height: float
) -> Paragraph:
    """A table cell of several lines of user text that is never taller than ``max_height``.

    ``lines`` are ``(text, markup)`` pairs, e.g. ``(name, BOLD)``; empty texts are skipped.
    Each starts a new line, except where its markup starts with a (no-break) space
    (``SMALL_RUN_ON``): that text runs on after the one before it.
    A table row taller than a page makes reportlab fail, so overlong text is shortened
    with "…" (the longest lines first, then trailing lines are dropped) until the cell fits.
    """
    parts = [(clip(text, _CELL_HARD_LIMIT), fmt) for text, fmt in lines if text and text.strip()]

    def paragraph() -> Paragraph:
        # Right-to-left lines are broken before they are reordered, measured in bold (wider).
        return Paragraph(
            "".join(
                ("" if n == 0 or fmt[:1].isspace() else "<br/>")
                + fmt.format(
                    esc(wrap_rtl(text, FONT_BOLD, style.fontSize, width), face_of(style, fmt))
                )
                for n, (text, fmt) in enumerate(parts)
            ),
            style,
        )

    para = paragraph()
    if sum(len(text) + 40 * text.count("\n") for text, _ in parts) <= _CELL_QUICK_LIMIT:
        return para
    while parts and para.wrap(width, max_height)[1] > max_height:
        longest = max(len(text) for text, _ in parts)
        if longest > 40:  # shorten the longest lines
            limit = longest * 3 // 4
            parts = [(clip(text, limit), fmt) for text, fmt in parts]
        elif len(parts) > 1:  # many short lines: drop from the end
            parts.pop()
            text, fmt = parts[-1]
            parts[-1] = (text.removesuffix(ELLIPSIS) + ELLIPSIS, fmt)
        else:
            break
        para = paragraph()
    return para


def data_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    split_rows: bool = False,
) -> WidowlessTable:
    """A table in the house style: tinted header repeated on every page, zebra rows, never
    a last row alone on a page; ``split_rows`` lets a row taller than the space left run on
    to the next page (at least :data:`MIN_ROW_PIECE` of it on either page, so no line of a
    row stands alone at a page's foot)."""
    table = WidowlessTable(
        rows,
        colWidths=list(col_widths),
        repeatRows=header_rows,
        hAlign="LEFT",
        splitInRow=MIN_ROW_PIECE if split_rows else 0,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),  # else reportlab pulls in Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
                ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
                ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ]
        )
    )
    return table


T = TypeVar("T")
Lines = list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """A column of a :func:`column_table`: its header, width and the cell lines of a row."""

    header: str
    share: float  # of the content width
    lines: Callable[[T], Lines]


def column_table(
    rows: Sequence[T], columns: Sequence[Column[T]], wide: bool = False, *, long_rows: bool = False
) -> WidowlessTable:
    """A :func:`data_table` of ``rows`` with one cell per column, never taller than a page;
    with ``long_rows`` a row may run over up to two pages (an agenda item's long title).

    A cell of one short line ("TOP 3", "öffentlich") is a plain string that the table
    draws in the cell style's font, size, leading and colour, where a paragraph would
    set its baseline: it looks the same and costs a fraction of a paragraph.
    """
    s = styles()
    width = content_width(wide)
    widths = [c.share * width for c in columns]
    # A row must fit on a page together with the repeated header row, unless it may split.
    max_height = content_height(wide) * (2 if long_rows else 0.5)
    cells: list[list[Paragraph | str]] = [[Paragraph(c.header, s.table_head) for c in columns]]
    bold: list[tuple[str, tuple[int, int], tuple[int, int], str]] = []
    for row in rows:
        line: list[Paragraph | str] = []
        for c, w in zip(columns, widths, strict=True):
            lines = c.lines(row)
            found = _one_line(lines, s.cell, w - 2 * CELL_PADDING)
            if found is None:
                line.append(cell(lines, s.cell, w - 2 * CELL_PADDING, max_height))
                continue
            line.append(found)
            if face_of(s.cell, lines[0][1]) != s.cell.fontName:
                spot = (len(line) - 1, len(cells))
                bold.append(("FONTNAME", spot, spot, FONT_BOLD))
        cells.append(line)
    table = data_table(cells, widths, split_rows=long_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), s.cell.fontName, s.cell.fontSize, s.cell.leading),
                ("TEXTCOLOR", (0, 1), (-1, -1), s.cell.textColor),
                *bold,
            ]
        )
    )
    return table


def fitted_share(
    rows: Sequence[T],
    lines: Callable[[T], Lines],
    header: str,
    wide: bool = False,
    *,
    most: float = 0.25,
) -> float:
    """The share of the content width a :func:`column_table` column needs to set each line
    of each row's ``lines`` on one line (a code and the kind in small print under it), and
    the longest word of its ``header`` (a header may wrap), with a little air, but no more
    than ``most``: for short columns such as a number, a date or a time."""
    s = styles()
    head = s.table_head
    widths = [pdfmetrics.stringWidth(w, FONT_BOLD, head.fontSize) for w in header.split()]
    for row in rows:
        for text, markup in lines(row):
            size = SMALL_SIZE if markup == SMALL else s.cell.fontSize
            widths.append(pdfmetrics.stringWidth(text, face_of(s.cell, markup), size))
    return min(most, (max(widths, default=0) + 2 * CELL_PADDING + 3) / content_width(wide))


def word_share(
    rows: Sequence[T], lines: Callable[[T], Lines], header: str, least: float, wide: bool = False
) -> float:
    """The share of the content width that sets the longest word of each row's ``lines`` on
    one line, at least ``least``: a column of names of action fields or role titles, which
    break between their words but not inside one ("Wirtschaftsförderu" / "ng")."""
    words = fitted_share(
        rows, lambda r: [(w, m) for text, m in lines(r) for w in text.split()], header, wide
    )
    return max(least, words)


def _one_line(lines: Lines, style: ParagraphStyle, width: float) -> str | None:
    """The text of a cell that is one line of plain or bold text the house faces draw and
    that fits ``width`` in ``style``; ``None`` for anything else (a paragraph sets it)."""
    if len(lines) != 1 or lines[0][1] not in (PLAIN, BOLD):
        return None
    text, markup = lines[0]
    if not text or not fonts.only_house_letters(text) or " ".join(text.split()) != text:
        return None
    if pdfmetrics.stringWidth(text, face_of(style, markup), style.fontSize) > width:
        return None
    return text
