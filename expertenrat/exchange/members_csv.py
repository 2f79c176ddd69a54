"""CSV import and export of a council's members, in the dialect German Excel reads and writes.

Export: ``;`` as separator, UTF-8 with BOM (so Excel recognises the encoding), CRLF line
ends, German column names, dates as TT.MM.JJJJ, booleans as "ja"/"nein", sectors and roles
by their German label, further action fields joined by " | ". Values with line breaks,
quotes or separators are quoted, so multi-line addresses and notes survive.

Import accepts what Excel and people produce: ``;``, ``,`` or tab as separator (chosen by
which one yields known column names in the header; an Excel "sep=;" first line is honoured;
a title above the header is passed over, see ``member_header.header_position``);
the encodings of :mod:`expertenrat.exchange.csv_text` (in Windows-1252, Mac Roman or code
page 850, a "?" beside a letter in a name or address makes its row an error: Excel wrote a
letter so that those lack). Columns, header, values and row checks are those of
:mod:`expertenrat.exchange.member_columns`, :mod:`expertenrat.exchange.member_header` and
:mod:`expertenrat.exchange.member_row_reader`, shared with the Excel format. Each data row
is parsed and validated on its own, so a broken row never affects the others.

Formula (CSV) injection is guarded as :mod:`expertenrat.exchange.excel_text` describes: the
export puts an apostrophe in front of a value Excel would run, the import removes it again.
A cell another program wrote as a text formula, ="0381 123", is read as the text.

Line numbers in messages are rows as Excel shows them: the first row is row 1, a quoted value
with line breaks still counts as one row, and a "sep=" line (which Excel hides) is not counted.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member
from expertenrat.exchange.csv_text import UNICODE_ENCODINGS, decoded_csv, lost_letters
from expertenrat.exchange.excel_text import excel_csv, excel_safe, unguard_formulas
from expertenrat.exchange.member_address_columns import ADDRESS_PARTS
from expertenrat.exchange.member_columns import COLUMNS, Cell, column_name, export_row, format_date
from expertenrat.exchange.member_header import (
    HEADER_SEARCH_ROWS,
    attributes,
    header_position,
    is_known_header,
    map_header,
    read_as,
    unnamed_filled,
    unnamed_note,
)
from expertenrat.exchange.member_row_reader import (
    MembersFile,
    ParsedMemberRow,
    RowReader,
    passed_over_note,
)

_SEP_LINE = re.compile(r"sep=([;,\t])", re.IGNORECASE)
_DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True, slots=True)
class MembersCsv(MembersFile):
    """The result of reading a members CSV file, with the dialect it was written in."""

    delimiter: str = ";"
    encoding: str = "utf-8"


# --- export -----------------------------------------------------------------------------


def export_members_csv(
    members: list[Member], field_names: dict[int, str], titles: RoleTitles = DEFAULT_ROLE_TITLES
) -> bytes:
    """Write ``members`` as a CSV file German Excel opens directly.

    ``field_names`` maps action field ids to names; every id a member uses must be in it
    (otherwise ``ValueError``: dropping a field silently would lose data).
    """
    return excel_csv(
        (header for _, header in COLUMNS),
        (
            [excel_safe(_text(cell)) for cell in export_row(member, field_names, titles)]
            for member in members
        ),
    )


def _text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else format_date(cell)


# --- import: bytes to records -----------------------------------------------------------


def parse_members_csv(
    data: bytes,
    field_ids_by_name: dict[str, int],
    *,
    today: date | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> MembersCsv:
    """Read a members CSV file; see the module docstring for what it accepts.

    ``field_ids_by_name`` maps the council's action field names to their ids. Problems with
    the file as a whole (empty, binary, missing columns) raise ``DataEntryError``; problems
    with a row are reported in that row. ``today`` is the term start of rows without one.
    """
    text, encoding = decoded_csv(data)
    lines = io.StringIO(text, newline="").readlines()
    delimiter = None
    if lines and (sep := _SEP_LINE.fullmatch(lines[0].rstrip("\r\n"))):
        delimiter, lines = sep.group(1), lines[1:]
    if delimiter is None:
        delimiter = _detect_delimiter(lines)
    numbered = enumerate(_records(lines, delimiter), start=1)
    leading: list[tuple[int, tuple[list[str], str | None]]] = []  # the first rows with text
    for row_no, (cells, problem) in numbered:
        if problem and not leading:
            raise DataEntryError(f"Zeile {row_no}: {problem}")
        if problem or _has_text(cells):
            leading.append((row_no, (cells, problem)))
            if problem or len(leading) == HEADER_SEARCH_ROWS:
                break
    if not leading:
        raise DataEntryError("Die Datei ist leer.")
    at = header_position([cells for _, (cells, problem) in leading if not problem])
    header_line, (header, _) = leading[at]
    keys, ignored = map_header(header, header_line)
    reader = RowReader(keys, field_ids_by_name, today or date.today(), titles)
    named = [(c, column_name(k)) for c, k in enumerate(keys) if k in _NAMES]
    if encoding in UNICODE_ENCODINGS:
        named = []  # every letter kept
    rows, passed_over, unnamed = [], [], set()
    has_unnamed = any(not cell.strip() for cell in header)
    for line, (cells, problem) in chain(leading[at + 1 :], numbered):
        if problem:
            rows.append(ParsedMemberRow(line, None, (f"Zeile {line}: {problem}",)))
        elif _has_text(cells):
            row = _parse_row(reader, header, header_line, line, cells)
            if has_unnamed:
                unnamed |= unnamed_filled(header, cells)
            if row is None:
                passed_over.append(line)
                continue
            if named and (
                lost := lost_letters([(cells[c], n) for c, n in named if c < len(cells)])
            ):
                row = reader.error_row(line, cells, lost)
            rows.append(row)
    notes = (passed_over_note(passed_over), unnamed_note(unnamed))
    return MembersCsv(
        tuple(rows),
        ignored,
        attributes(keys),
        read_as=read_as(header),
        sheet_notes=tuple(note for note in notes if note),
        delimiter=delimiter,
        encoding=encoding,
    )


def _parse_row(
    reader: RowReader, header: list[str], header_line: int, line: int, cells: list[str]
) -> ParsedMemberRow | None:
    """The row ``line``; ``None`` for one filled only in columns not read."""
    width = len(header)
    if len(cells) > width and _has_text(cells[width:]):
        where = "die erste Zeile" if header_line == 1 else f"Zeile {header_line}"
        return reader.error_row(
            line,
            cells,
            f"Die Zeile hat {len(cells)} Werte, {where} aber nur {width} Spalten. "
            "Vermutlich enthält ein Wert das Trennzeichen und steht nicht in Anführungszeichen.",
        )
    values = unguard_formulas(_text_formulas_read(cells))
    return reader.parse(line, values) if reader.has_values(values) else None


_TEXT_FORMULA = re.compile(r'="((?:[^"]|"")*)"')


def _text_formulas_read(cells: list[str]) -> list[str]:
    """Cells written as ="0381 123" read as the text Excel shows: other programs write a
    phone number or a date so, to keep Excel from making a number of it; it was imported
    with the formula (found by a tester). A cell guarded by an apostrophe is left alone."""
    if '="' not in "".join(cells):
        return cells
    return [
        match.group(1).replace('""', '"') if (match := _TEXT_FORMULA.fullmatch(cell)) else cell
        for cell in cells
    ]


# the columns of names and addresses, where a "?" beside a letter is one Excel lost
_NAMES = frozenset(
    {"form_of_address", "title", "given_name", "family_name", "affiliation", "position"}
    | {"postal_address", *ADDRESS_PARTS}
)


def _has_text(cells: list[str]) -> bool:
    """Whether any of ``cells`` holds more than white space (all at once: every row asks)."""
    return bool("".join(cells).strip())


def _detect_delimiter(lines: list[str]) -> str:
    """The separator under which a header (one of the first rows with text) has the most
    known column names.

    Ties (no known names at all) go to the separator found most often in the first line.
    """
    first_line = next((line for line in lines if line.strip()), "")
    best, best_score = ";", (-1, -1)
    for delimiter in _DELIMITERS:
        records = (cells for cells, _ in _records(lines, delimiter))
        leading = islice((cells for cells in records if _has_text(cells)), HEADER_SEARCH_ROWS)
        known = max((sum(map(is_known_header, cells)) for cells in leading), default=0)
        score = (known, first_line.count(delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best


_UNREADABLE = (
    'Ab hier kann die Datei nicht gelesen werden: Ein Anführungszeichen (") wird nicht '
    "geschlossen oder ein Wert ist zu lang."
)


def _records(lines: list[str], delimiter: str) -> Iterator[tuple[list[str], str | None]]:
    """CSV records, one per Excel row; a record that cannot be read ends the iteration."""
    reader = csv.reader(iter(lines), delimiter=delimiter)
    consumed = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield [], _UNREADABLE
            return
        if reader.line_num == len(lines) and _ends_in_quotes(lines[consumed:], delimiter):
            yield [], _UNREADABLE
            return
        consumed = reader.line_num
        yield cells, None


def _ends_in_quotes(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(iter(lines), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
