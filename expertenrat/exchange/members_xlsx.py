"""Excel workbook (.xlsx) import and export of a council's members, with openpyxl.

Export: one sheet "Mitglieder" with the columns of :mod:`member_columns`; one bold header
row, frozen, with an autofilter; column widths fitted to the content. Cells are typed:
dates are date cells shown as TT.MM.JJJJ, everything else is a text cell (also phone
numbers, and text that starts with ``= + - @``, which is never written as a formula), so
no apostrophe guard is needed as in CSV. Carriage returns and text like "_x0041_" are
escaped the OOXML way, so Excel and this import read back exactly what was written.

Import reads the first sheet: the first row with a value is the header (the same column
names as CSV), every later row with a value is a member, read by :mod:`member_row_reader`.
Cells may be typed (date, number, boolean) or text. A workbook that is not an .xlsx file,
is protected by a password, has no or an empty sheet, is too large, or has merged cells is
refused as a whole with a German message; a cell with a formula or an Excel error value
(#NV) makes its row an error. Line numbers are the rows as Excel shows them.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member
from expertenrat.exchange.excel_text import ooxml_escaped
from expertenrat.exchange.member_cells import shown
from expertenrat.exchange.member_columns import (
    COLUMNS,
    Cell,
    export_row,
    map_header,
    read_as,
)
from expertenrat.exchange.member_row_reader import MembersFile, RowReader

SHEET_TITLE = "Mitglieder"
DATE_FORMAT = "DD.MM.YYYY"
TEXT_FORMAT = "@"
MAX_ROWS = 100_000
"""Data rows an import reads at most; a council's member list is far shorter."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""The unpacked size of a workbook an import opens at most (a "zip bomb" is refused)."""
MAX_CELL_CHARACTERS = 32_767  # Excel's limit for one cell
_WIDTH_MIN, _WIDTH_MAX = 8, 60

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([^\"]*)\"")
_SAVE_AS_XLSX = "Bitte speichern Sie sie in Excel als „Excel-Arbeitsmappe (*.xlsx)“."
_CORRUPT = (
    "Die Arbeitsmappe ist beschädigt und kann nicht gelesen werden. "
    "Bitte öffnen Sie sie in Excel und speichern Sie sie erneut."
)


# --- export -----------------------------------------------------------------------------


def export_members_xlsx(
    members: list[Member], field_names: dict[int, str], titles: RoleTitles = DEFAULT_ROLE_TITLES
) -> bytes:
    """Write ``members`` as an Excel workbook; see the module docstring.

    ``field_names`` maps action field ids to names (``ValueError`` for a missing one). A
    value Excel cannot hold (a control character, more than 32,767 characters) raises
    ``DataEntryError`` naming the member and the column.
    """
    workbook = Workbook()
    workbook.properties.creator = "Expertenrat"
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    headers = [header for _, header in COLUMNS]
    widths = [len(header) for header in headers]
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=column, value=header).font = bold
    for row, member in enumerate(members, start=2):
        for column, value in enumerate(export_row(member, field_names, titles), start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, date):
                cell.value = value
                cell.number_format = DATE_FORMAT
                width = len(DATE_FORMAT)
            else:
                _check_text(value, member, headers[column - 1])
                cell.value = ooxml_escaped(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cell.number_format = TEXT_FORMAT  # stays text when edited in Excel
                width = max((len(line) for line in value.splitlines()), default=0)
            widths[column - 1] = max(widths[column - 1], width)
    for column, width in enumerate(widths, start=1):
        fitted = min(max(width + 2, _WIDTH_MIN), _WIDTH_MAX)
        sheet.column_dimensions[get_column_letter(column)].width = fitted
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(members) + 1}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _unescaped(text: str) -> str:
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


def _check_text(value: str, member: Member, header: str) -> None:
    where = f"„{header}“ von {member.full_name}"
    if match := ILLEGAL_CHARACTERS_RE.search(value):
        raise DataEntryError(
            f"{where} enthält ein Steuerzeichen (U+{ord(match.group()):04X}), das eine "
            "Excel-Datei nicht aufnehmen kann. Bitte entfernen Sie es oder exportieren Sie "
            "als CSV-Datei."
        )
    if len(value) > MAX_CELL_CHARACTERS:
        raise DataEntryError(
            f"{where} ist mit {len(value)} Zeichen länger, als eine Excel-Zelle fasst "
            f"({MAX_CELL_CHARACTERS}). Bitte exportieren Sie als CSV-Datei."
        )


# --- import -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _BadCell:
    """A cell that holds no value to import: a formula or an Excel error."""

    column: int  # 0-based
    problem: str  # what the cell holds, e.g. "enthält den Excel-Fehler #NV."

    def message(self, header: list[str]) -> str:
        name = header[self.column].strip() if self.column < len(header) else ""
        where = f"„{name}“" if name else f"Spalte {get_column_letter(self.column + 1)}"
        return f"{where} {self.problem}"


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
    rows = iter(_sheet_rows(data))
    for line, cells in rows:
        if _has_value(cells):
            header = [_header_text(line, cell) for cell in cells]
            break
    else:
        raise DataEntryError("Die erste Tabelle der Arbeitsmappe ist leer.")
    while header and not header[-1].strip():
        header.pop()
    keys, ignored = map_header(header)
    reader = RowReader(keys, field_ids_by_name, today or date.today(), titles)
    parsed = []
    for line, cells in rows:
        if not _has_value(cells):
            continue
        values: list[Cell] = ["" if isinstance(c, _BadCell) else c for c in cells]
        problems = [c.message(header) for c in cells if isinstance(c, _BadCell)]
        beyond = [
            get_column_letter(column)
            for column, cell in enumerate(cells[len(keys) :], start=len(keys) + 1)
            if _has_value([cell])
        ]
        if beyond:
            problems.append(
                f"In Spalte {', '.join(beyond)} steht ein Wert, aber die Spalte hat in der "
                "ersten Zeile keine Überschrift."
            )
        if problems:
            parsed.append(reader.error_row(line, values, *problems))
        else:
            parsed.append(reader.parse(line, values))
    present = frozenset(key for key in keys if key is not None)
    return MembersFile(tuple(parsed), ignored, present, read_as(header))


def _has_value(cells: list[Cell | _BadCell]) -> bool:
    return any(not isinstance(cell, str) or cell.strip() for cell in cells)


def _header_text(line: int, cell: Cell | _BadCell) -> str:
    if isinstance(cell, _BadCell):
        raise DataEntryError(f"Zeile {line}: {cell.message([])}")
    return cell if isinstance(cell, str) else str(cell)


def _sheet_rows(data: bytes) -> list[tuple[int, list[Cell | _BadCell]]]:
    """The rows of the first sheet as (Excel row number, cells); empty cells are ""."""
    archive = _open_archive(data)
    with warnings.catch_warnings():
        # openpyxl warns about parts it drops (data validation extensions, odd styles);
        # nothing of that matters for reading values.
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:  # openpyxl raises whatever its parsers meet in a broken file
            raise DataEntryError(_CORRUPT) from None
        try:
            if not workbook.worksheets:
                raise DataEntryError("Die Arbeitsmappe enthält keine Tabelle.")
            sheet = workbook.worksheets[0]
            _refuse_merged_cells(archive, sheet._worksheet_path)  # openpyxl keeps it private
            sheet.reset_dimensions()  # read every row, not what the file claims to use
            return list(_rows(sheet.iter_rows()))
        except DataEntryError:
            raise
        except Exception:
            raise DataEntryError(_CORRUPT) from None
        finally:
            workbook.close()


def _open_archive(data: bytes) -> zipfile.ZipFile:
    if not data:
        raise DataEntryError("Die Datei ist leer.")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise DataEntryError(
                "Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte speichern Sie sie in "
                "Excel ohne Kennwort und importieren Sie sie dann."
            )
        raise DataEntryError(
            f"Die Datei ist eine Arbeitsmappe im alten Excel-Format (.xls). {_SAVE_AS_XLSX}"
        )
    if not data.startswith(_ZIP_MAGIC):
        raise DataEntryError(f"Die Datei ist keine Excel-Arbeitsmappe (.xlsx). {_SAVE_AS_XLSX}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DataEntryError(_CORRUPT) from None
    if "xl/workbook.xml" not in names:
        raise DataEntryError(
            f"Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe. {_SAVE_AS_XLSX}"
        )
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise DataEntryError(
            "Die Arbeitsmappe ist zu groß: entpackt mehr als "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB. Bitte speichern Sie nur die Tabelle "
            "der Mitglieder in einer eigenen Arbeitsmappe."
        )
    return archive


def _refuse_merged_cells(archive: zipfile.ZipFile, sheet_path: str) -> None:
    try:
        xml = archive.read(sheet_path.lstrip("/"))
    except KeyError:
        raise DataEntryError(_CORRUPT) from None
    if match := _MERGE_CELL.search(xml):
        ranges = match.group(1).decode("ascii", "replace")
        raise DataEntryError(
            f"Die Tabelle enthält verbundene Zellen ({ranges}). Bitte heben Sie die "
            "Verbindung in Excel auf („Verbinden und zentrieren“ ausschalten) und tragen Sie "
            "den Wert in jede Zeile ein."
        )


def _rows(rows: Iterator[tuple]) -> Iterator[tuple[int, list[Cell | _BadCell]]]:
    """The rows with their Excel numbers; stops with a message after the header and
    ``MAX_ROWS`` further rows with values, before reading the rest of a huge sheet."""
    filled = 0
    for line, row in enumerate(rows, start=1):
        cells = [_value(cell, column) for column, cell in enumerate(row)]
        filled += _has_value(cells)
        if filled > MAX_ROWS + 1:
            shown_limit = f"{MAX_ROWS:,}".replace(",", ".")
            raise DataEntryError(
                f"Die Tabelle hat mehr als {shown_limit} Zeilen mit Werten; so viele "
                "Mitglieder kann der Import nicht lesen. Bitte teilen Sie die Datei auf."
            )
        yield line, cells


def _value(cell, column: int) -> Cell | _BadCell:
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f":
        formula = value if isinstance(value, str) else getattr(value, "text", "")
        return _BadCell(
            column,
            f"enthält eine Formel ({shown(str(formula))}). Bitte ersetzen Sie Formeln durch "
            "ihre Werte (Kopieren, dann „Einfügen › Werte“).",
        )
    if cell.data_type == "e":
        return _BadCell(column, f"enthält den Excel-Fehler {value}.")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"  # as German Excel shows it, in any column
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return _unescaped(value)
    return str(value)
