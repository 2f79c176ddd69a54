"""One sheet of a table as an Excel workbook (.xlsx), shared by the exports that are tables
(the recommendations register, the Änderungsprotokoll).

A bold frozen header row with an autofilter, columns as wide as their texts (within bounds),
dates and times as date cells, numbers as number cells, every text as a text cell (never a
formula, whatever it starts with), cut with a marker where longer than an Excel cell holds
(:func:`excel_cell`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from expertenrat.exchange.excel_text import NOT_IN_WORKBOOKS, excel_cell, ooxml_escaped

Value = str | date | datetime | int | None

DATE_FORMAT = "DD.MM.YYYY"
TIME_FORMAT = "DD.MM.YYYY HH:MM"
_WIDTH_MIN, _WIDTH_MAX = 8, 60


def table_xlsx(
    headers: Sequence[str], rows: Iterable[Sequence[Value]], title: str, keywords: str
) -> bytes:
    """``rows`` under ``headers`` on one sheet named ``title`` (at most 31 characters), the
    workbook titled so and tagged with ``keywords``."""
    workbook = Workbook()
    workbook.properties.creator = "Expertenrat"
    workbook.properties.title = title
    workbook.properties.keywords = keywords
    sheet = workbook.active
    sheet.title = title
    widths = put_header(sheet, headers)
    last_row = 1
    for last_row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            widths[column - 1] = max(widths[column - 1], _put(sheet.cell(last_row, column), value))
    return finished_table(workbook, widths, last_row)


def put_header(sheet: Worksheet, headers: Sequence[str]) -> list[int]:
    """Write ``headers`` bold into the first row of ``sheet``; return the widths they need."""
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=column, value=header).font = bold
    return [len(header) for header in headers]


def finished_table(workbook: Workbook, widths: Sequence[int], last_row: int) -> bytes:
    """The bytes of ``workbook``, its active sheet's columns fitted to ``widths`` (within
    bounds), its header row frozen and filtering the rows up to ``last_row``."""
    sheet = workbook.active
    for column, width in enumerate(widths, start=1):
        fitted = min(max(width + 2, _WIDTH_MIN), _WIDTH_MAX)
        sheet.column_dimensions[get_column_letter(column)].width = fitted
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{last_row}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _put(cell: Cell, value: Value) -> int:
    """Write ``value`` typed into ``cell``; return the width it needs."""
    if value is None:
        return 0
    if isinstance(value, date):
        # Excel knows no time zones: a time is written as the clock on the wall showed it.
        timed = isinstance(value, datetime)
        cell.value = value.replace(tzinfo=None) if timed else value
        cell.number_format = TIME_FORMAT if timed else DATE_FORMAT
        return len(cell.number_format)
    if isinstance(value, int):
        cell.value = value
        return len(str(value))
    # Texts are cleaned when saved; a control code or noncharacter left over (stored
    # before the text rule refused it) is dropped here.
    cell.value = ooxml_escaped(excel_cell(NOT_IN_WORKBOOKS.sub("", value)))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    cell.number_format = "@"
    return max((len(part) for part in value.splitlines()), default=0)
