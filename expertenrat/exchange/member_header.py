"""The header of an imported members file (CSV or Excel): which row it is (a title above
the table passed over), which of its cells name which attribute of
:mod:`expertenrat.exchange.member_columns` (ignoring case, spaces, hyphens and underscores,
umlauts spelled out as ae, oe, ue, ss; also the other names of ``HEADER_ALIASES`` and the
address parts of :mod:`expertenrat.exchange.member_address_columns`), and what the import
says of columns named twice, missing, read under another name or left without a name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.text_characters import without_refused
from expertenrat.exchange.member_address_columns import ADDRESS_PARTS
from expertenrat.exchange.member_columns import (
    COLUMNS,
    HEADER_ALIASES,
    HEADERS,
    REQUIRED_COLUMNS,
    column_name,
    german_list,
)

_ROLE_PREFIXES = ("funktionim", "funktioninder", "rolleim", "rolleinder")

_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _header_key(text: str) -> str:
    """Case, spaces, hyphens and underscores aside, umlauts as spelled out without them
    ("Primaeres Handlungsfeld" is "Primäres Handlungsfeld"), and without a form's marks at
    the end ("Vorname*" of a required field, "Vorname:"), which named a column missing that
    was there (found by a tester), and without the invisible characters the cells' values
    leave out (a soft hyphen or zero-width space a web page's table brings into Excel: the
    column "Vorname" was missing; found by review)."""
    text = unicodedata.normalize("NFC", without_refused(text)).casefold().translate(_SPELLED_OUT)
    text = text.strip().rstrip("*:").rstrip()
    return re.sub(r"[\s\-_]+", "", text)


_KEYS_BY_HEADER = {_header_key(header): key for key, header in COLUMNS} | {
    _header_key(alias): key
    for key, aliases in (HEADER_ALIASES | ADDRESS_PARTS).items()
    for alias in aliases
}


def _key_of(text: str) -> str | None:
    """The attribute a header cell names (``None``: not ours)."""
    header = _header_key(text)
    found = _KEYS_BY_HEADER.get(header)
    if found is None and header.startswith(_ROLE_PREFIXES):
        return "role"
    return found


def _keys_of(cells: Sequence[str]) -> list[str | None]:
    """The key of each header cell: an attribute, an address part, ``None`` for none; the
    parts are none without a street or a column "Postanschrift" ("PLZ" alone of a numbered
    list is no address)."""
    keys = [_key_of(cell) for cell in cells]
    if "postal_address" not in keys and "street" not in keys:
        return [None if key in ADDRESS_PARTS else key for key in keys]
    return keys


def is_known_header(text: str) -> bool:
    """Whether a header cell names one of the columns."""
    return _key_of(text) is not None


HEADER_SEARCH_ROWS = 10
"""The rows with values the header is looked for in: a title above the table is skipped."""


def header_position(rows: Sequence[Sequence[str]]) -> int:
    """Which of ``rows`` (the first rows with values) is the header: the first that names
    every required column, so that a title and a blank row above the table ("Mitgliederliste,
    Stand …") are passed over; else the one naming the most columns (the first of equals),
    whose missing ones :func:`map_header` names. Such a file was told "In der ersten Zeile
    fehlen die Spalten …" of columns it has (found by a tester)."""
    named = []
    for position, cells in enumerate(rows):
        found = {column_name(key) for key in _keys_of(cells) if key is not None}
        if found.issuperset(REQUIRED_COLUMNS):
            return position
        named.append(len(found))
    return named.index(max(named, default=0)) if named else 0


def header_row(line: int) -> str:
    """The header's row as messages name it after "in": "der ersten Zeile", "Zeile 3"."""
    return "der ersten Zeile" if line == 1 else f"Zeile {line}"


def map_header(cells: Sequence[str], line: int = 1) -> tuple[list[str | None], tuple[str, ...]]:
    """The attribute (or address part, see :mod:`member_address_columns`) of each header
    cell (``None``: not ours) and the ignored column names.

    A column named twice or a required column missing raises ``DataEntryError``, naming the
    header's row ``line``.
    """
    keys: list[str | None] = []
    ignored: list[str] = []
    for cell, key in zip(cells, _keys_of(cells), strict=True):
        if key is not None and key in keys:
            first = cells[keys.index(key)].strip()
            both = (
                "" if _header_key(first) == _header_key(cell) else f" („{first}“, „{cell.strip()}“)"
            )
            raise DataEntryError(
                f"Die Spalte „{column_name(key)}“ steht mehrfach in {header_row(line)}{both}."
            )
        if key is None and cell.strip():
            ignored.append(cell.strip())
        keys.append(key)
    found = {column_name(k) for k in keys if k is not None}
    missing = [header for header in REQUIRED_COLUMNS if header not in found]
    if missing:
        what = "fehlt die Spalte" if len(missing) == 1 else "fehlen die Spalten"
        raise DataEntryError(
            f"In {header_row(line)} {what} {german_list(missing)}. "
            "Die Spaltenüberschriften müssen in der ersten Zeile stehen (oder unter einem "
            "Titel), wie der Export sie schreibt (z. B. Vorname; Nachname; Amtszeit Beginn; "
            "Primäres Handlungsfeld)."
        )
    return keys, tuple(ignored)


def unnamed_filled(header: Sequence[str], cells: Sequence[object]) -> set[int]:
    """The columns (0-based) of ``cells`` under a header cell left empty that hold a value."""
    return {
        column
        for column, cell in enumerate(cells[: len(header)])
        if not header[column].strip() and (not isinstance(cell, str) or cell.strip())
    }


def unnamed_note(columns: set[int]) -> str:
    """What the import says of values in columns without a name, which it reads nowhere
    ("" for none): they were dropped without a word (found by a tester)."""
    if not columns:
        return ""
    which = "Spalte" if len(columns) == 1 else "Spalten"
    letters = ", ".join(_column_letter(column) for column in sorted(columns))
    return f"Nicht gelesen, da ohne Überschrift: {which} {letters}."


def _column_letter(column: int) -> str:
    """Excel's name of the 0-based ``column``: "A", "Z", "AA"."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_as(cells: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The header cells read under another name than the export's, each with the column
    it was read as: ("Funktion im Beirat", "Rolle"), ("Name", "Nachname")."""
    found = []
    for cell, key in zip(cells, _keys_of(cells), strict=True):
        if key in ADDRESS_PARTS:
            found.append((cell.strip(), HEADERS["postal_address"]))
        elif key is not None and _header_key(cell) != _header_key(HEADERS[key]):
            found.append((cell.strip(), HEADERS[key]))
    return tuple(found)


def attributes(keys: Sequence[str | None]) -> frozenset[str]:
    """The member's attributes the columns of ``keys`` give: the address parts its
    Postanschrift."""
    return frozenset("postal_address" if k in ADDRESS_PARTS else k for k in keys if k)
