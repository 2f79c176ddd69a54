"""Excel workbook (.xlsx) import and export of a council's members, with openpyxl.

Export: one sheet "Mitglieder" with the columns of :mod:`member_columns`; one bold header
row, frozen, with an autofilter; column widths fitted to the content. Cells are typed:
dates are date cells shown as TT.MM.JJJJ, everything else is a text cell (also phone
numbers, and text that starts with ``= + - @``, which is never written as a formula), so
no apostrophe guard is needed as in CSV. Carriage returns and text like "_x0041_" are
escaped the OOXML way, so Excel and this import read back exactly what was written.

Import reads the first sheet: the first row with a value is the header (the same column
names as CSV; rows above one that names every required column, such as a title, are passed
over), every later row with a value is a member, read by :mod:`member_row_reader`. Cells
may be typed (date, number, boolean) or text. A workbook that is not an .xlsx file, is
protected by a password, has no or an empty sheet, is too large, or has merged cells (from
the header down) is refused as a whole with a German message (:mod:`member_workbook_reader`
opens it and reads its cells); a cell with a formula or an Excel error value (#NV) makes its
row an error, unless its column is one the import leaves out. Line numbers are the rows as
Excel shows them.
"""

from __future__ import annotations

from datetime import date
from itertools import chain, islice

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member
from expertenrat.domain.wording import number_ranges, whole_number
from expertenrat.exchange.excel_text import (
    EXCEL_CELL_LIMIT,
    NOT_IN_WORKBOOKS,
    excel_length,
    ooxml_escaped,
)
from expertenrat.exchange.excel_workbook import DATE_FORMAT, finished_table, put_header
from expertenrat.exchange.member_columns import COLUMNS, Cell, export_row
from expertenrat.exchange.member_header import (
    HEADER_SEARCH_ROWS,
    attributes,
    header_position,
    header_row,
    map_header,
    read_as,
    unnamed_filled,
    unnamed_note,
)
from expertenrat.exchange.member_row_reader import MembersFile, RowReader, passed_over_note
from expertenrat.exchange.member_workbook_reader import (
    BadCell,
    FirstSheet,
    first_sheet,
    has_value,
    refuse_merged_cells,
)

SHEET_TITLE = "Mitglieder"
TEXT_FORMAT = "@"


# --- export -----------------------------------------------------------------------------


def export_members_xlsx(
    members: list[Member], field_names: dict[int, str], titles: RoleTitles = DEFAULT_ROLE_TITLES
) -> bytes:
    """Write ``members`` as an Excel workbook; see the module docstring.

    ``field_names`` maps action field ids to names (``ValueError`` for a missing one). A
    value Excel cannot hold (a control character, more than 32,767 UTF-16 units, as Excel
    counts) raises ``DataEntryError`` naming the member, the column and the cell.
    """
    workbook = Workbook()
    workbook.properties.creator = "Expertenrat"
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    headers = [header for _, header in COLUMNS]
    widths = put_header(sheet, headers)
    for row, member in enumerate(members, start=2):
        for column, value in enumerate(export_row(member, field_names, titles), start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, date):
                cell.value = value
                cell.number_format = DATE_FORMAT
                width = len(DATE_FORMAT)
            else:
                where = f"„{headers[column - 1]}“ von {member.full_name} (Zelle {cell.coordinate})"
                _check_text(value, where)
                cell.value = ooxml_escaped(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cell.number_format = TEXT_FORMAT  # stays text when edited in Excel
                width = max((len(line) for line in value.splitlines()), default=0)
            widths[column - 1] = max(widths[column - 1], width)
    return finished_table(workbook, widths, len(members) + 1)


def _check_text(value: str, where: str) -> None:
    """Refuse ``value`` where an Excel cell cannot hold it, saying so of the cell ``where``."""
    if match := NOT_IN_WORKBOOKS.search(value):
        code = ord(match.group())
        kind = "ein Steuerzeichen" if code < 0x20 else "ein unzulässiges Zeichen"
        raise DataEntryError(
            f"{where} enthält {kind} (U+{code:04X}), das eine Excel-Datei nicht aufnehmen "
            "kann. Bitte entfernen Sie es oder exportieren Sie als CSV-Datei."
        )
    # As Excel counts: an emoji or another character beyond the BMP is two (found by review:
    # 20,000 of them passed a count of characters, and Excel cut the cell).
    if (length := excel_length(value)) > EXCEL_CELL_LIMIT:
        raise DataEntryError(
            f"{where} ist mit {whole_number(length)} Zeichen, wie Excel sie zählt (ein Emoji "
            "zählt doppelt), länger, als eine Excel-Zelle fasst "
            f"({whole_number(EXCEL_CELL_LIMIT)}). Bitte kürzen Sie den Text oder exportieren "
            "Sie als CSV-Datei."
        )


# --- import -----------------------------------------------------------------------------


def parse_members_xlsx(
    data: bytes,
    field_ids_by_name: dict[str, int],
    *,
    today: date | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> MembersFile:
    """Read the members from the first sheet of an Excel workbook.

    ``field_ids_by_name`` maps the council's action field names to their ids. Problems with
    the file as a whole raise ``DataEntryError``; problems with a row are reported in that
    row. ``today`` is the term start of rows without one.
    """
    sheet = first_sheet(data)
    rows = iter(sheet.rows)
    leading = list(islice((row for row in rows if has_value(row[1])), HEADER_SEARCH_ROWS))
    if not leading:
        raise DataEntryError(_naming(sheet, "Die erste Tabelle der Arbeitsmappe ist leer."))
    at = header_position([[c if isinstance(c, str) else "" for c in row] for _, row in leading])
    header_line, cells = leading[at]
    refuse_merged_cells(sheet, header_line)
    header = [_header_text(header_line, cell) for cell in cells]
    rows = chain(leading[at + 1 :], rows)
    while header and not header[-1].strip():
        header.pop()
    try:
        keys, ignored = map_header(header, header_line)
    except DataEntryError as error:
        raise DataEntryError(_naming(sheet, error.message)) from None
    reader = RowReader(keys, field_ids_by_name, today or date.today(), titles)
    parsed, passed_over, unnamed = [], [], set()
    for line, cells in rows:
        if not has_value(cells):
            continue
        values: list[Cell] = ["" if isinstance(c, BadCell) else c for c in cells]
        # A formula in a column the import leaves out ("Name komplett") takes nothing away.
        problems = [
            c.message(header)
            for c in cells[: len(keys)]
            if isinstance(c, BadCell) and keys[c.column] is not None
        ]
        beyond = [
            get_column_letter(column)
            for column, cell in enumerate(cells[len(keys) :], start=len(keys) + 1)
            if has_value([cell])
        ]
        if beyond:
            problems.append(
                f"In Spalte {', '.join(beyond)} steht ein Wert, aber die Spalte hat in "
                f"{header_row(header_line)} keine Überschrift."
            )
        unnamed |= unnamed_filled(header, cells)
        if problems:
            parsed.append(reader.error_row(line, values, *problems))
        elif reader.has_values(values):
            parsed.append(reader.parse(line, values))
        else:
            passed_over.append(line)
    notes = (
        sheet.left_out(),
        _hidden_note(sheet, [row.line for row in parsed]),
        passed_over_note(passed_over),
        unnamed_note(unnamed),
    )
    return MembersFile(
        tuple(parsed), ignored, attributes(keys), read_as(header), tuple(n for n in notes if n)
    )


def _hidden_note(sheet: FirstSheet, lines: list[int]) -> str:
    """Which of the rows read are hidden in Excel ("" for none): a list with former members'
    rows hidden imported them without a word (found by a tester)."""
    hidden = [line for line in lines if line in sheet.hidden_lines]
    if not hidden:
        return ""
    rows = "Zeile" if len(hidden) == 1 else "Zeilen"
    return f"In Excel ausgeblendet, aber gelesen: {rows} {number_ranges(hidden)}."


def _naming(sheet: FirstSheet, message: str) -> str:
    """``message`` about the content of ``sheet``, saying which sheet that is."""
    return " ".join(part for part in (message, sheet.which()) if part)


def _header_text(line: int, cell: Cell | BadCell) -> str:
    if isinstance(cell, BadCell):
        raise DataEntryError(f"Zeile {line}: {cell.message([])}")
    return cell if isinstance(cell, str) else str(cell)
