"""CSV import and export of a council's members, in the dialect German Excel reads and writes.

Export: ``;`` as separator, UTF-8 with BOM (so Excel recognises the encoding), CRLF line
ends, German column names, dates as TT.MM.JJJJ, booleans as "ja"/"nein", sectors and roles
by their German label, further action fields joined by " | ". Values with line breaks,
quotes or separators are quoted, so multi-line addresses and notes survive.

Import accepts what Excel and people produce: ``;``, ``,`` or tab as separator (chosen by
which one yields known column names in the header; an Excel "sep=;" first line is honoured);
UTF-8 with or without BOM, else Windows-1252; dates 01.03.2025, 1.3.2025, 01.03.25 and
2025-03-01; booleans ja/nein/j/n/x/1/0/true/false/wahr/falsch (empty means "nein"). Column
names are matched ignoring case, spaces and hyphens. Each data row is parsed and validated
on its own, so a broken row never affects the others.

Formula (CSV) injection: Excel runs a cell that starts with ``= + - @``, a tab or a carriage
return (or the full-width ＝ ＋ － ＠) as a formula. The export puts an apostrophe in front of
such a value ("'=SUMME(A1)", "'+49 381 …"), which Excel shows as plain text, and the import
removes exactly that apostrophe again, so the value round-trips. To stay unambiguous, a value
that itself starts with an apostrophe followed by one of those characters or by another
apostrophe is escaped the same way. An apostrophe before anything else ("'s-Hertogenbosch")
is left alone in both directions.

Line numbers in messages are rows as Excel shows them: the header is row 1, a quoted value
with line breaks still counts as one row, and a "sep=" line (which Excel hides) is not counted.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from expertenrat.domain.enums import LabelledEnum, MemberRole, Sector
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member, validate_member

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

_HEADERS = dict(COLUMNS)
_LINE_KEYS = frozenset(
    {"form_of_address", "title", "given_name", "family_name", "affiliation", "position"}
    | {"email", "phone"}
)
_DATE_KEYS = frozenset({"term_start", "term_end", "publish_name_on", "publish_contact_on"})
_BOOL_KEYS = frozenset({"voting_right", "publish_name", "publish_contact"})
_ENUMS: dict[str, type[LabelledEnum]] = {"sector": Sector, "role": MemberRole}

_FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
_TRUE = frozenset({"ja", "j", "x", "1", "true", "wahr", "yes"})
_FALSE = frozenset({"nein", "n", "0", "false", "falsch", "no", ""})
_DATE_DE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_FIELD_SPLIT = re.compile(r"([|;,\n])")
_SEP_LINE = re.compile(r"sep=([;,\t])", re.IGNORECASE)
_DELIMITERS = (";", ",", "\t")
_SAVE_AS = "Bitte speichern Sie sie in Excel über „Speichern unter“ als „CSV UTF-8“."


@dataclass(frozen=True, slots=True)
class ParsedMemberRow:
    """One data row of an imported file: a member ready to save, or what is wrong with it.

    ``member`` is ``None`` exactly when ``errors`` is not empty; its ``id`` and ``person_id``
    are ``None``. Every error message starts with "Zeile N: ".
    """

    line: int
    member: Member | None
    errors: tuple[str, ...] = ()
    name: str = ""  # given and family name as written in the row, also for broken rows


@dataclass(frozen=True, slots=True)
class MembersCsv:
    """The result of reading a members CSV file."""

    rows: tuple[ParsedMemberRow, ...]
    ignored_columns: tuple[str, ...] = ()
    # The Member attributes the file has a column for; the others were filled by default.
    columns: frozenset[str] = frozenset()
    delimiter: str = ";"
    encoding: str = "utf-8"

    @property
    def members(self) -> tuple[Member, ...]:
        """The members of the rows without errors."""
        return tuple(row.member for row in self.rows if row.member is not None)

    @property
    def errors(self) -> tuple[str, ...]:
        return tuple(error for row in self.rows for error in row.errors)


# --- export -----------------------------------------------------------------------------


def export_members_csv(members: list[Member], field_names: dict[int, str]) -> bytes:
    """Write ``members`` as a CSV file German Excel opens directly.

    ``field_names`` maps action field ids to names; every id a member uses must be in it
    (otherwise ``ValueError``: dropping a field silently would lose data).
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header for _, header in COLUMNS)
    for member in members:
        writer.writerow(_escape(_format(member, key, field_names)) for key, _ in COLUMNS)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def _format(member: Member, key: str, field_names: dict[int, str]) -> str:
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
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    if isinstance(value, LabelledEnum):
        return value.label
    return str(value)


def _field_name(field_id: int, field_names: dict[int, str]) -> str:
    try:
        return field_names[field_id]
    except KeyError:
        raise ValueError(f"action field id {field_id} is missing from field_names") from None


def _escape(value: str) -> str:
    """Neutralise a value Excel would run as a formula (see the module docstring)."""
    if value[:1] in _FORMULA_STARTS or (value[:1] == "'" and _needs_unescape(value[1:])):
        return "'" + value
    return value


def _needs_unescape(value: str) -> bool:
    return value[:1] == "'" or value[:1] in _FORMULA_STARTS


def _unescape(value: str) -> str:
    return value[1:] if value[:1] == "'" and _needs_unescape(value[1:]) else value


# --- import: bytes to records -----------------------------------------------------------


def parse_members_csv(
    data: bytes, field_ids_by_name: dict[str, int], *, today: date | None = None
) -> MembersCsv:
    """Read a members CSV file; see the module docstring for what it accepts.

    ``field_ids_by_name`` maps the council's action field names to their ids. Problems with
    the file as a whole (empty, binary, missing columns) raise ``DataEntryError``; problems
    with a row are reported in that row. ``today`` is passed on to ``validate_member``.
    """
    text, encoding = _decode(data)
    lines = io.StringIO(text, newline="").readlines()
    delimiter = None
    if lines and (sep := _SEP_LINE.fullmatch(lines[0].rstrip("\r\n"))):
        delimiter, lines = sep.group(1), lines[1:]
    if delimiter is None:
        delimiter = _detect_delimiter(lines)
    records = _records(lines, delimiter)
    header: list[str] | None = None
    row_no = 0
    for row_no, (cells, problem) in enumerate(records, start=1):
        if problem:
            raise DataEntryError(f"Zeile {row_no}: {problem}")
        if any(cell.strip() for cell in cells):
            header = cells
            break
    if header is None:
        raise DataEntryError("Die Datei ist leer.")
    keys, ignored = _map_header(header)
    reader = _RowReader(keys, field_ids_by_name, today or date.today())
    rows = []
    for line, (cells, problem) in enumerate(records, start=row_no + 1):
        if problem:
            rows.append(ParsedMemberRow(line, None, (f"Zeile {line}: {problem}",)))
        elif any(cell.strip() for cell in cells):
            rows.append(reader.parse(line, cells))
    present = frozenset(key for key in keys if key is not None)
    return MembersCsv(tuple(rows), ignored, present, delimiter, encoding)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DataEntryError(f"Die Datei ist eine Excel-Arbeitsmappe, keine CSV-Datei. {_SAVE_AS}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DataEntryError(f"Die Datei ist als Unicode-Text (UTF-16) gespeichert. {_SAVE_AS}")
    binary = f"Die Datei ist keine Textdatei und kann nicht als CSV gelesen werden. {_SAVE_AS}"
    if b"\x00" in data:
        raise DataEntryError(binary)
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DataEntryError(
                "Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen "
                f"(Byte {exc.start + len(codecs.BOM_UTF8)}). {_SAVE_AS}"
            ) from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                raise DataEntryError(binary) from None
    if not text.strip():
        raise DataEntryError("Die Datei ist leer.")
    return text, encoding


def _detect_delimiter(lines: list[str]) -> str:
    """The separator under which the header has the most known column names.

    Ties (no known names at all) go to the separator found most often in the first line.
    """
    first_line = next((line for line in lines if line.strip()), "")
    best, best_score = ";", (-1, -1)
    for delimiter in _DELIMITERS:
        records = (cells for cells, _ in _records(lines, delimiter))
        header = next((cells for cells in records if any(c.strip() for c in cells)), [])
        known = sum(_header_key(cell) in _KEYS_BY_HEADER for cell in header)
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


# --- import: header -----------------------------------------------------------------------


def _header_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[\s\-_]+", "", text)


_KEYS_BY_HEADER = {_header_key(header): key for key, header in COLUMNS}


def _map_header(cells: list[str]) -> tuple[list[str | None], tuple[str, ...]]:
    keys: list[str | None] = []
    ignored: list[str] = []
    for cell in cells:
        key = _KEYS_BY_HEADER.get(_header_key(cell))
        if key is not None and key in keys:
            raise DataEntryError(
                f"Die Spalte „{_HEADERS[key]}“ steht mehrfach in der ersten Zeile."
            )
        if key is None and cell.strip():
            ignored.append(cell.strip())
        keys.append(key)
    found = {_HEADERS[k] for k in keys if k is not None}
    missing = [header for header in REQUIRED_COLUMNS if header not in found]
    if missing:
        what = "fehlt die Spalte" if len(missing) == 1 else "fehlen die Spalten"
        raise DataEntryError(
            f"In der ersten Zeile {what} {_german_list(missing)}. "
            "Die erste Zeile muss die Spaltenüberschriften enthalten, "
            "wie sie der CSV-Export schreibt (z. B. Vorname; Nachname; Amtszeit Beginn; "
            "Primäres Handlungsfeld)."
        )
    return keys, tuple(ignored)


def _german_list(items: list[str]) -> str:
    quoted = [f"„{item}“" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " und " + quoted[-1]


# --- import: one row ----------------------------------------------------------------------


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:59] + "…"


class _RowReader:
    """Turns the cells of one data row into a ``ParsedMemberRow``."""

    def __init__(self, keys: list[str | None], field_ids: dict[str, int], today: date) -> None:
        self._keys = keys
        self._today = today
        self._fields = {_name_key(name): fid for name, fid in field_ids.items()}
        self._field_list = ", ".join(field_ids) or "(keine)"
        self._max_parts = 1 + max((len(_FIELD_SPLIT.findall(n)) for n in field_ids), default=0)

    def parse(self, line: int, cells: list[str]) -> ParsedMemberRow:
        named = dict(zip(self._keys, cells, strict=False))
        name = " ".join(
            " ".join((named.get("given_name", ""), named.get("family_name", ""))).split()
        )
        return replace(self._parse(line, cells), name=name)

    def _parse(self, line: int, cells: list[str]) -> ParsedMemberRow:
        extra = [cell for cell in cells[len(self._keys) :] if cell.strip()]
        if extra:
            message = (
                f"Zeile {line}: Die Zeile hat {len(cells)} Werte, die erste Zeile aber nur "
                f"{len(self._keys)} Spalten. Vermutlich enthält ein Wert das Trennzeichen und "
                "steht nicht in Anführungszeichen."
            )
            return ParsedMemberRow(line, None, (message,))
        values: dict[str, object] = {"id": None, "person_id": None, "term_start": self._today}
        errors: list[str] = []
        failed: set[str] = set()
        cells = cells + [""] * (len(self._keys) - len(cells))
        for key, cell in zip(self._keys, cells, strict=False):
            if key is None:
                continue
            try:
                values[key] = self._value(key, _unescape(cell))
            except ValueError as exc:
                errors.append(str(exc))
                failed.add(key)
                values.pop(key, None)
        member = Member(**values)
        for problem in validate_member(member, [], self._today):
            skip = problem.field in failed or (
                problem.field == "term_end" and "term_start" in failed
            )
            if not problem.warning and not skip:
                errors.append(problem.message)
        if errors:
            return ParsedMemberRow(line, None, tuple(f"Zeile {line}: {e}" for e in errors))
        return ParsedMemberRow(line, member)

    def _value(self, key: str, text: str) -> object:
        header = _HEADERS[key]
        if key in _LINE_KEYS:
            return text.strip()
        if key in _DATE_KEYS:
            value = _parse_date(header, text)
            if value is None and key == "term_start":
                raise ValueError(f"{header} fehlt.")
            return value
        if key in _BOOL_KEYS:
            return _parse_bool(header, text)
        if key in _ENUMS:
            enum = _ENUMS[key]
            if not text.strip():
                return Sector.OTHER if enum is Sector else MemberRole.MEMBER
            found = enum.from_label(text)
            if found is None:
                allowed = ", ".join(m.label for m in enum)
                raise ValueError(f"{header} „{_shown(text)}“ ist unbekannt (möglich: {allowed}).")
            return found
        if key == "primary_field_id":
            if not text.strip():
                return None
            found_id = self._fields.get(_name_key(text))
            if found_id is None:
                raise ValueError(self._unknown_field(header, [text.strip()]))
            return found_id
        if key == "further_field_ids":
            ids, unknown = self._match_fields(text)
            if unknown:
                raise ValueError(self._unknown_field(header, unknown))
            return tuple(dict.fromkeys(ids))
        return text  # postal address and notes: kept exactly, line breaks included

    def _unknown_field(self, header: str, names: list[str]) -> str:
        which = _german_list([_shown(n) for n in names])
        kind = "Das Handlungsfeld" if len(names) == 1 else "Die Handlungsfelder"
        return f"{header}: {kind} {which} gibt es nicht (vorhanden: {self._field_list})."

    def _match_fields(self, text: str) -> tuple[list[int], list[str]]:
        """Split at separators, preferring the longest run of pieces that is a known name."""
        parts = _FIELD_SPLIT.split(text)
        count = (len(parts) + 1) // 2
        ids: list[int] = []
        unknown: list[str] = []
        i = 0
        while i < count:
            for j in range(min(count, i + self._max_parts), i, -1):
                found = self._fields.get(_name_key("".join(parts[2 * i : 2 * j - 1])))
                if found is not None:
                    ids.append(found)
                    i = j
                    break
            else:
                if parts[2 * i].strip():
                    unknown.append(parts[2 * i].strip())
                i += 1
        return ids, unknown


def _parse_date(header: str, text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    if match := _DATE_DE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:  # as Excel reads two-digit years: 00-29 → 20xx
            year += 2000 if year < 30 else 1900
    elif match := _DATE_ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(
            f"{header} „{_shown(text)}“ ist kein gültiges Datum. "
            "Bitte im Format TT.MM.JJJJ angeben, z. B. 01.03.2025."
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{header} „{text}“ ist kein gültiges Datum.") from None


def _parse_bool(header: str, text: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{header} „{_shown(text)}“ ist kein gültiger Wert (ja oder nein).")
