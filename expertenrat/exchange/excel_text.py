"""Text cells as Excel reads them back: the formula guard of CSV files and the escapes of
.xlsx workbooks, shared by every export, and the CSV file German Excel opens directly
(:func:`excel_csv`).

Formula (CSV) injection: Excel runs a cell that starts with ``= + - @``, a tab or a carriage
return (or the full-width ＝ ＋ － ＠) as a formula. :func:`excel_safe` puts an apostrophe
in front of such a value ("'=SUMME(A1)", "'+49 381 …"), which Excel shows as plain text, and
so too in front of digits Excel would make a number of and change ("'03814981234" would lose
its 0, "'004938149812345" become 4,93815E+14), and
:func:`unguard_formula` removes exactly that apostrophe again, so the value round-trips. To
stay unambiguous, a value that itself starts with an apostrophe followed by one of those
characters or by another apostrophe is guarded the same way. An apostrophe before anything
else ("'s-Hertogenbosch") is left alone in both directions.

Cell length: an Excel cell holds at most 32,767 characters (:data:`EXCEL_CELL_LIMIT`, counted
as Excel counts them, in UTF-16 units); a longer text breaks the row in Excel (the rest
spills into the next rows). :func:`excel_cell` cuts such a text with a visible marker, for
the files meant to be read in Excel (not for the members file, whose texts all fit and which
must import again whole).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable

_FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")


def excel_safe(value: str) -> str:
    """``value`` as a CSV cell Excel never runs as a formula."""
    if _changed_by_excel(value) or (value[:1] == "'" and _guarded(value[1:])):
        return "'" + value
    return value


def excel_csv(header: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    """A CSV file German Excel opens directly (a double click, no import dialog): ``;``
    between cells, CRLF line ends, UTF-8 with a BOM; the cells as given (each export guards
    its own: :func:`excel_safe`, :func:`excel_cell`)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


EXCEL_CELL_LIMIT = 32_767


def excel_cell(value: str) -> str:
    """``value`` as one Excel cell: a text longer than :data:`EXCEL_CELL_LIMIT` is cut and
    ends in "… [gekürzt, 100.000 Zeichen]", the length of the whole text."""
    if len(value) <= EXCEL_CELL_LIMIT // 2 or excel_length(value) <= EXCEL_CELL_LIMIT:
        return value
    length = f"{len(value):,}".replace(",", ".")  # German digit grouping: 100.000
    marker = f" … [gekürzt, {length} Zeichen]"
    room = EXCEL_CELL_LIMIT - len(marker)
    kept = value.encode("utf-16-le")[: room * 2].decode("utf-16-le", errors="ignore")
    return kept.rstrip() + marker


def excel_length(value: str) -> int:
    """The length of ``value`` as Excel counts it: UTF-16 units (an emoji counts two)."""
    return len(value.encode("utf-16-le")) // 2


def unguard_formula(value: str) -> str:
    """The value :func:`excel_safe` was given."""
    return value[1:] if value[:1] == "'" and _guarded(value[1:]) else value


def unguard_formulas(values: list[str]) -> list[str]:
    """:func:`unguard_formula` of each of ``values`` (a row of cells): most rows hold no
    apostrophe at all, which one look at all of them finds."""
    if "'" not in "".join(values):
        return values
    return [unguard_formula(value) for value in values]


# digits Excel reads as a number it shows otherwise: with a leading 0, or of 12 and more
_CHANGED_NUMBER = re.compile(r"0\d+|\d{12,}")


def _changed_by_excel(value: str) -> bool:
    """Whether Excel runs ``value`` or shows it otherwise: a phone number of digits alone
    lost its 0 (or all but 6 digits) on its way through Excel (found by a tester)."""
    return value[:1] in _FORMULA_STARTS or bool(_CHANGED_NUMBER.fullmatch(value))


def _guarded(value: str) -> bool:
    return value[:1] == "'" or _changed_by_excel(value)


NOT_IN_WORKBOOKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""What no .xlsx cell can hold, as XML cannot: the control characters but tab and line
ends, the noncharacters U+FFFE and U+FFFF, and a lone surrogate. The text rule refuses
them since f721500a, but a value stored before keeps them, as does the audit trail's record
of it for good; written, the workbook was not well-formed and neither Excel nor the import
could open it (found by review)."""


def ooxml_escaped(text: str) -> str:
    """Text for an .xlsx cell as Excel reads it back: OOXML writes "_xHHHH_" for a character
    (Excel writes a carriage return so; XML itself would turn it into a line feed), and
    "_x005F_" for an underscore that starts such a sequence in the text itself."""
    return re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text).replace("\r", "_x000D_")
