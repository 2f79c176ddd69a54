"""The columns of a members file, shared by the CSV and the Excel (.xlsx) format.

One place for what both formats agree on: the German column names and their order, how a
member's attribute becomes the value of a cell, and which header cells name which attribute
(ignoring case, spaces, hyphens and underscores, umlauts spelled out as ae, oe, ue, ss;
also the common other names of ``HEADER_ALIASES``). How one data row becomes a member, or the
German messages of what is wrong with it, is :mod:`expertenrat.exchange.member_row_reader`.

Cell values on the way out: text, except dates, which stay ``date`` (CSV writes them as
01.03.2025, Excel as a date cell).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import LabelledEnum
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member
from expertenrat.domain.wording import listed
from expertenrat.exchange.member_address_columns import ADDRESS_PARTS, PART_NAMES

FIELD_SEPARATOR = " | "
"""Joins the further action fields in one cell. The import also splits at ``,``, ``;`` and
line breaks, and first tries to read neighbouring pieces as one name, so action field names
that contain any of these characters still round-trip."""

COLUMNS: tuple[tuple[str, str], ...] = (
    ("form_of_address", "Anrede"),
    ("title", "Titel"),
    ("given_name", "Vorname"),
    ("family_name", "Nachname"),
    ("affiliation", "Institution"),
    ("position", "Funktion"),
    ("sector", "Sektor"),
    ("email", "E-Mail"),
    ("phone", "Telefon"),
    ("postal_address", "Postanschrift"),
    ("role", "Rolle"),
    ("term_start", "Amtszeit Beginn"),
    ("term_end", "Amtszeit Ende"),
    ("voting_right", "Stimmrecht"),
    ("primary_field_id", "Primäres Handlungsfeld"),
    ("further_field_ids", "Weitere Handlungsfelder"),
    ("publish_name", "Name veröffentlichen"),
    ("publish_name_on", "Zustimmung Name am"),
    ("publish_contact", "Kontakt veröffentlichen"),
    ("publish_contact_on", "Zustimmung Kontakt am"),
    ("notes", "Notizen"),
)
"""Member attribute and German column name, in the order of the export."""

REQUIRED_COLUMNS: tuple[str, ...] = (
    "Vorname",
    "Nachname",
    "Amtszeit Beginn",
    "Primäres Handlungsfeld",
)

HEADERS = dict(COLUMNS)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("Akad. Titel", "Akademischer Titel", "Akademischer Grad"),
    "family_name": ("Name", "Familienname", "Zuname"),
    "affiliation": ("Organisation", "Einrichtung", "Firma", "Unternehmen", "Institution/Firma"),
    "email": ("E-Mail-Adresse", "Mail", "Mailadresse"),
    "phone": ("Telefonnummer", "Tel.", "Tel"),
    "postal_address": ("Anschrift", "Adresse", "Postadresse"),
    "term_start": ("Beginn der Amtszeit", "Amtsbeginn", "Mitglied seit"),
    "term_end": ("Ende der Amtszeit", "Amtsende", "Mitglied bis"),
    "primary_field_id": ("Handlungsfeld", "Haupthandlungsfeld"),
    "role": ("Funktion im Gremium", "Rolle im Gremium"),
    "notes": ("Bemerkungen", "Bemerkung", "Anmerkungen"),
}
"""Further names a council's own list gives a column, read as the export's name (the
export always writes ``COLUMNS``'s): "Name" beside "Vorname" is the family name. Besides,
"Funktion im …" and "Rolle im …" / "Rolle in der …" (the council's name: "Funktion im
Beirat") are the role in the council (``_ROLE_PREFIXES``); "Funktion" alone is the job. The
parts of an address in columns of their own are :mod:`member_address_columns`'s."""

_ROLE_PREFIXES = ("funktionim", "funktioninder", "rolleim", "rolleinder")

Cell = str | date
"""A cell as a reader delivers it: text, or a date where the file has a typed date."""


# --- export -----------------------------------------------------------------------------


def export_row(
    member: Member, field_names: dict[int, str], titles: RoleTitles = DEFAULT_ROLE_TITLES
) -> list[Cell]:
    """The cells of one member in the order of ``COLUMNS``: text, and dates as ``date``;
    the role as the council calls it (``titles``: "Sprecher*in").

    ``field_names`` maps action field ids to names; every id a member uses must be in it
    (otherwise ``ValueError``: dropping a field silently would lose data).
    """
    return [
        titles.of(member.role) if key == "role" else _export_value(member, key, field_names)
        for key, _ in COLUMNS
    ]


def _export_value(member: Member, key: str, field_names: dict[int, str]) -> Cell:
    value = getattr(member, key)
    if key == "primary_field_id":
        return "" if value is None else _field_name(value, field_names)
    if key == "further_field_ids":
        return FIELD_SEPARATOR.join(_field_name(i, field_names) for i in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return value
    if isinstance(value, LabelledEnum):
        return value.label
    return str(value)


def format_date(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def _field_name(field_id: int, field_names: dict[int, str]) -> str:
    try:
        return field_names[field_id]
    except KeyError:
        raise ValueError(f"action field id {field_id} is missing from field_names") from None


# --- import: header -----------------------------------------------------------------------


_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _header_key(text: str) -> str:
    """Case, spaces, hyphens and underscores aside, umlauts as spelled out without them
    ("Primaeres Handlungsfeld" is "Primäres Handlungsfeld"), and without a form's marks at
    the end ("Vorname*" of a required field, "Vorname:"), which named a column missing that
    was there (found by a tester)."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_SPELLED_OUT)
    text = text.strip().rstrip("*:").rstrip()
    return re.sub(r"[\s\-_]+", "", text)


_KEYS_BY_HEADER = {_header_key(header): key for key, header in COLUMNS} | {
    _header_key(alias): key
    for key, aliases in (HEADER_ALIASES | ADDRESS_PARTS).items()
    for alias in aliases
}


def column_name(key: str) -> str:
    """The name messages give the column of ``key``: the export's, or an address part's."""
    return HEADERS.get(key) or PART_NAMES[key]


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


def german_list(items: list[str]) -> str:
    """ "„Vorname“ und „Nachname“": ``items`` quoted and listed."""
    return listed([f"„{item}“" for item in items])
