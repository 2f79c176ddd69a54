"""Text cells as Excel reads them back: the formula guard of CSV files and the escapes of
.xlsx workbooks, shared by every export.

Formula (CSV) injection: Excel runs a cell that starts with ``= + - @``, a tab or a carriage
return (or the full-width ＝ ＋ － ＠) as a formula. :func:`excel_safe` puts an apostrophe
in front of such a value ("'=SUMME(A1)", "'+49 381 …"), which Excel shows as plain text, and
:func:`unguard_formula` removes exactly that apostrophe again, so the value round-trips. To
stay unambiguous, a value that itself starts with an apostrophe followed by one of those
characters or by another apostrophe is guarded the same way. An apostrophe before anything
else ("'s-Hertogenbosch") is left alone in both directions.
"""

from __future__ import annotations

import re

_FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")


def excel_safe(value: str) -> str:
    """``value`` as a CSV cell Excel never runs as a formula."""
    if value[:1] in _FORMULA_STARTS or (value[:1] == "'" and _guarded(value[1:])):
        return "'" + value
    return value


def unguard_formula(value: str) -> str:
    """The value :func:`excel_safe` was given."""
    return value[1:] if value[:1] == "'" and _guarded(value[1:]) else value


def unguard_formulas(values: list[str]) -> list[str]:
    """:func:`unguard_formula` of each of ``values`` (a row of cells): most rows hold no
    apostrophe at all, which one look at all of them finds."""
    if "'" not in "".join(values):
        return values
    return [unguard_formula(value) for value in values]


def _guarded(value: str) -> bool:
    return value[:1] == "'" or value[:1] in _FORMULA_STARTS


def ooxml_escaped(text: str) -> str:
    """Text for an .xlsx cell as Excel reads it back: OOXML writes "_xHHHH_" for a character
    (Excel writes a carriage return so; XML itself would turn it into a line feed), and
    "_x005F_" for an underscore that starts such a sequence in the text itself."""
    return re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text).replace("\r", "_x000D_")
