"""The first sheet of an imported member workbook (.xlsx, with openpyxl) as rows of cells.

A file that is not an .xlsx workbook (an old .xls, a ZIP archive of something else, a
"Strict Open XML" workbook openpyxl finds no sheet in), is protected by a password, is too
large unpacked, has no sheet, or that openpyxl cannot read is refused as a whole with a
German message; so is a sheet with more than ``MAX_ROWS`` rows with values, and one with
merged cells from its header down (:func:`refuse_merged_cells`; a title above may be). A
cell is read as text, a date or a number in words ("WAHR" for a boolean; a number formatted
00000 as shown, "01067"); a formula or an
Excel error value (#NV) is a :class:`BadCell`. Line numbers are the rows as Excel shows them;
the rows hidden in Excel and the further sheets with values are told beside them.
:mod:`expertenrat.exchange.members_xlsx` reads the members from these rows.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.wording import listed
from expertenrat.exchange.member_cells import shown
from expertenrat.exchange.member_columns import Cell

MAX_ROWS = 100_000
"""Data rows an import reads at most; a council's member list is far shorter."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""The unpacked size of a workbook an import opens at most (a "zip bomb" is refused)."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# Excel's "Strict Open XML" workbook (also .xlsx), which openpyxl finds no sheet in
_STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ZEROS = re.compile(r"0+")  # a number format of digits shown with leading zeros
_MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([^\"]*)\"")
# a row element marked hidden, its number before or after the mark
_HIDDEN_ROW = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?row\b(?=[^>]*?\bhidden=\"(?:1|true)\")[^>]*?\br=\"(\d+)\""
)
_SAVE_AS_XLSX = "Bitte speichern Sie sie in Excel als „Excel-Arbeitsmappe (*.xlsx)“."
_CORRUPT = (
    "Die Arbeitsmappe ist beschädigt und kann nicht gelesen werden. "
    "Bitte öffnen Sie sie in Excel und speichern Sie sie erneut."
)


@dataclass(frozen=True, slots=True)
class BadCell:
    """A cell that holds no value to import: a formula or an Excel error."""

    column: int  # 0-based
    problem: str  # what the cell holds, e.g. "enthält den Excel-Fehler #NV."

    def message(self, header: list[str]) -> str:
        name = header[self.column].strip() if self.column < len(header) else ""
        where = f"„{name}“" if name else f"Spalte {get_column_letter(self.column + 1)}"
        return f"{where} {self.problem}"


def has_value(cells: list[Cell | BadCell]) -> bool:
    """Whether a cell of ``cells`` holds something: text not blank, a date, a bad cell."""
    return any(not isinstance(cell, str) or cell.strip() for cell in cells)


@dataclass(frozen=True, slots=True)
class FirstSheet:
    """The sheet an import reads: its name, how many sheets the workbook has, its rows as
    (Excel row number, cells; empty cells are "")."""

    name: str
    sheets: int
    rows: list[tuple[int, list[Cell | BadCell]]]
    merged: tuple[str, ...] = ()  # the ranges of merged cells, as "A1:H1"
    others_filled: tuple[str, ...] = ()  # the names of the further sheets with values
    hidden_lines: frozenset[int] = frozenset()  # the rows hidden in Excel (also filtered out)

    def left_out(self) -> str:
        """Which sheets with values were not read ("" for none): a workbook of "Aktive" and
        "Ehemalige" imported the first without a word of the second (found by a tester)."""
        if not self.others_filled:
            return ""
        names = listed([f"„{name}“" for name in self.others_filled])
        return f"Gelesen wurde nur das erste Tabellenblatt, „{self.name}“; nicht gelesen: {names}."

    def which(self) -> str:
        """Which sheet was read, for a message about its content ("" for the only one): a
        workbook with a cover sheet before the members' was told that columns are missing
        (found by a tester)."""
        if self.sheets < 2:
            return ""
        return (
            f"Gelesen wird das erste von {self.sheets} Tabellenblättern, „{self.name}“. Bitte "
            "verschieben Sie das Blatt der Mitglieder an die erste Stelle oder speichern Sie "
            "es als eigene Arbeitsmappe."
        )


def first_sheet(data: bytes) -> FirstSheet:
    """The first sheet of the workbook ``data``."""
    archive = _open_archive(data)
    with warnings.catch_warnings():
        # openpyxl warns (UserWarning) about parts it drops (data validation extensions, odd
        # styles); nothing of that matters for reading values. A DeprecationWarning about
        # how this module calls openpyxl is not hidden: the tests turn it into an error.
        warnings.simplefilter("ignore", UserWarning)
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:  # openpyxl raises whatever its parsers meet in a broken file
            raise DataEntryError(_CORRUPT) from None
        try:
            if not workbook.worksheets:
                raise DataEntryError("Die Arbeitsmappe enthält keine Tabelle.")
            sheet = workbook.worksheets[0]
            xml = _read_part(archive, sheet._worksheet_path.lstrip("/"))  # openpyxl: private
            merged = tuple(ref.decode("ascii", "replace") for ref in _MERGE_CELL.findall(xml))
            hidden = frozenset(int(line) for line in _HIDDEN_ROW.findall(xml))
            sheet.reset_dimensions()  # read every row, not what the file claims to use
            rows = list(_rows(sheet.iter_rows()))
            others = tuple(other.title for other in workbook.worksheets[1:] if _filled(other))
            return FirstSheet(sheet.title, len(workbook.worksheets), rows, merged, others, hidden)
        except DataEntryError:
            raise
        except Exception:
            raise DataEntryError(_CORRUPT) from None
        finally:
            workbook.close()


def _filled(sheet) -> bool:
    """Whether ``sheet`` holds a value: more than A1 as its stated size, or A1 filled."""
    if sheet.max_row != 1 or sheet.max_column != 1:
        return True
    return any(value is not None for value in next(sheet.values, ()))


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
    if _STRICT_NAMESPACE in _read_part(archive, "xl/workbook.xml"):
        raise DataEntryError(
            "Die Arbeitsmappe ist als „Strict Open XML-Arbeitsmappe“ gespeichert, die der "
            f"Import nicht lesen kann. {_SAVE_AS_XLSX}"
        )
    return archive


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DataEntryError(_CORRUPT) from None


def refuse_merged_cells(sheet: FirstSheet, from_line: int) -> None:
    """Refuse merged cells that reach row ``from_line`` (the header's) or below; a title
    merged above the table is no value of a member's."""
    for ref in sheet.merged:
        try:
            last_row = range_boundaries(ref)[3]
        except ValueError:
            raise DataEntryError(_CORRUPT) from None
        if last_row is None or last_row >= from_line:
            raise DataEntryError(
                f"Die Tabelle enthält verbundene Zellen ({ref}). Bitte heben Sie die "
                "Verbindung in Excel auf („Verbinden und zentrieren“ ausschalten) und tragen "
                "Sie den Wert in jede Zeile ein."
            )


def _rows(rows: Iterator[tuple]) -> Iterator[tuple[int, list[Cell | BadCell]]]:
    """The rows with their Excel numbers; stops with a message after the header and
    ``MAX_ROWS`` further rows with values, before reading the rest of a huge sheet."""
    filled = 0
    for line, row in enumerate(rows, start=1):
        cells = [_value(cell, column) for column, cell in enumerate(row)]
        filled += has_value(cells)
        if filled > MAX_ROWS + 1:
            shown_limit = f"{MAX_ROWS:,}".replace(",", ".")
            raise DataEntryError(
                f"Die Tabelle hat mehr als {shown_limit} Zeilen mit Werten; so viele "
                "Mitglieder kann der Import nicht lesen. Bitte teilen Sie die Datei auf."
            )
        yield line, cells


def _value(cell, column: int) -> Cell | BadCell:
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f":
        formula = value if isinstance(value, str) else getattr(value, "text", "")
        return BadCell(
            column,
            f"enthält eine Formel ({shown(str(formula))}). Bitte ersetzen Sie Formeln durch "
            "ihre Werte (Kopieren, dann „Einfügen › Werte“).",
        )
    if cell.data_type == "e":
        return BadCell(column, f"enthält den Excel-Fehler {value}.")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"  # as German Excel shows it, in any column
    if (
        isinstance(value, (int, float))
        and value == int(value)
        and _ZEROS.fullmatch(cell.number_format or "")
    ):
        # shown with its leading zeros, as Excel's "Postleitzahl" 00000 shows 1067 as 01067,
        # which was read as "1067" (found by a tester)
        return str(int(value)).zfill(len(cell.number_format))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return _unescaped(value)
    return str(value)


def _unescaped(text: str) -> str:
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)
