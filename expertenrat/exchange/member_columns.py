"""The columns of a members file, shared by the CSV and the Excel (.xlsx) format.

One place for what both formats agree on: the German column names and their order (with
the common other names of ``HEADER_ALIASES``) and how a member's attribute becomes the value
of a cell. Which header cells of an imported file name which attribute is
:mod:`expertenrat.exchange.member_header`; how one data row becomes a member, or the German
messages of what is wrong with it, :mod:`expertenrat.exchange.member_row_reader`.

Cell values on the way out: text, except dates, which stay ``date`` (CSV writes them as
01.03.2025, Excel as a date cell).
"""

from __future__ import annotations

from datetime import date

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import LabelledEnum
from expertenrat.domain.members import Member
from expertenrat.domain.wording import listed
from expertenrat.exchange.member_address_columns import PART_NAMES

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
Beirat") are the role in the council (``member_header._ROLE_PREFIXES``); "Funktion" alone
is the job. The parts of an address in columns of their own are
:mod:`member_address_columns`'s."""

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


# --- names in messages --------------------------------------------------------------------


def column_name(key: str) -> str:
    """The name messages give the column of ``key``: the export's, or an address part's."""
    return HEADERS.get(key) or PART_NAMES[key]


def german_list(items: list[str]) -> str:
    """ "„Vorname“ und „Nachname“": ``items`` quoted and listed."""
    return listed([f"„{item}“" for item in items])
