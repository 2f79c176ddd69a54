"""Reading the data rows of a members file (CSV or Excel): :class:`RowReader` turns the cells
of one row into a :class:`ParsedMemberRow`, a member ready to save or the German messages
of what is wrong with it; :class:`MembersFile` is what reading a whole file gives.

A cell's date, yes or no, sector or role is read by :mod:`expertenrat.exchange.member_cells`;
the council's own role titles and its action fields are read here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import partial

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import LabelledEnum, MemberRole, Sector
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.members import Member, clean_and_check
from expertenrat.domain.wording import number_ranges
from expertenrat.exchange.member_address_columns import ADDRESS_PARTS, joined_address
from expertenrat.exchange.member_cells import (
    cell_text,
    read_bool,
    read_choice,
    read_date,
    read_line,
    read_phone,
    shown,
)
from expertenrat.exchange.member_columns import HEADERS, Cell, german_list

_DATE_KEYS = frozenset({"term_start", "term_end", "publish_name_on", "publish_contact_on"})
_LINE_KEYS = frozenset(
    {"form_of_address", "title", "given_name", "family_name", "affiliation", "position", "email"}
)
_BOOL_KEYS = frozenset({"voting_right", "publish_name", "publish_contact"})
_TEXT_KEYS = _LINE_KEYS | {"postal_address", "notes"}  # reading them cannot fail
_UNKNOWN = object()  # a cell not read yet
_ENUMS: dict[str, type[LabelledEnum]] = {"sector": Sector, "role": MemberRole}

_FIELD_SPLIT = re.compile(r"([|;,\n])")
# an office held before: "Vorsitzender a. D.", "ehem. Vorsitzende", "ehemaliges Mitglied"
_FORMER_OFFICE = re.compile(r"\ba\.\s?d\b|\behem|\bfrüher|\balt-", re.IGNORECASE)


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
class MembersFile:
    """The result of reading a members file (CSV or Excel)."""

    rows: tuple[ParsedMemberRow, ...]
    ignored_columns: tuple[str, ...] = ()
    # The Member attributes the file has a column for; the others were filled by default.
    columns: frozenset[str] = frozenset()
    # The columns read under another name than the export's: (as in the file, read as).
    read_as: tuple[tuple[str, str], ...] = ()
    # What the import says of a file beyond its members, a sentence each: a workbook's
    # further sheets with values not read, the rows hidden in Excel read all the same, the
    # rows passed over with values only in columns not read.
    sheet_notes: tuple[str, ...] = ()

    @property
    def members(self) -> tuple[Member, ...]:
        """The members of the rows without errors."""
        return tuple(row.member for row in self.rows if row.member is not None)

    @property
    def errors(self) -> tuple[str, ...]:
        return tuple(error for row in self.rows for error in row.errors)


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_GENDER_MARKS = re.compile(r"[*:_·/()]|-(?=in)")


def _title_key(text: str) -> str:
    """A role title without its gender forms: "Sprecher*in", "Sprecher:in", "Sprecherin"
    and "Sprecher" alike, "Stellvertretende*r" and "Stellvertretende" alike."""
    words = _GENDER_MARKS.sub("", _name_key(text)).split()
    return " ".join(re.sub(r"r$", "", re.sub(r"(?:innen|in)$", "", w)) for w in words)


class RowReader:
    """Turns the cells of one data row into a ``ParsedMemberRow``.

    ``keys`` are the attributes of the columns as ``map_header`` found them; the cells of a
    row are in the same order (missing cells at the end count as empty).

    A file repeats the values of most columns (dates, roles, action fields, yes and no), so
    the value of every distinct cell of such a column is read once and remembered.
    """

    def __init__(
        self,
        keys: list[str | None],
        field_ids: dict[str, int],
        today: date,
        titles: RoleTitles = DEFAULT_ROLE_TITLES,
    ) -> None:
        self._width = len(keys)
        # the council's own titles of chair and vice chair, as its export writes them
        self._titles = {
            titles.chair.strip().casefold(): MemberRole.CHAIR,
            titles.vice_chair.strip().casefold(): MemberRole.VICE_CHAIR,
        }
        # and in another gender form, as a list writes it for the person ("Sprecherin",
        # "Sprecher" for "Sprecher*in"), where that still tells the two apart
        by_key = {_title_key(titles.of(role)): role for role in MemberRole}
        self._title_keys = {k: r for k, r in by_key.items() if r is not MemberRole.MEMBER}
        if len(by_key) < len(MemberRole):  # two alike
            self._title_keys = {}
        self._role_list = ", ".join(titles.of(role) for role in MemberRole)
        self._fields = {_name_key(name): fid for name, fid in field_ids.items()}
        self._field_list = ", ".join(field_ids) or "(keine)"
        self._max_parts = 1 + max((len(_FIELD_SPLIT.findall(n)) for n in field_ids), default=0)
        # A member's values by position, as a row without any column would have them.
        blank = Member(None, "", "", term_start=today)
        self._blank = [getattr(blank, f.name) for f in fields(Member)]
        position = {f.name: i for i, f in enumerate(fields(Member))}
        used = [(column, key) for column, key in enumerate(keys) if key is not None]
        self._read_columns = tuple(column for column, _ in used)
        self._address = [(column, key) for column, key in used if key in ADDRESS_PARTS]
        self._address_at = position["postal_address"]
        used = [(column, key) for column, key in used if key not in ADDRESS_PARTS]
        self._texts = [
            (column, position[key], self._reader(key)) for column, key in used if key in _TEXT_KEYS
        ]
        # These may fail; they keep the column order, which the messages follow.
        self._values = [
            (column, position[key], key, self._reader(key), {})
            for column, key in used
            if key not in _TEXT_KEYS
        ]
        self._given, self._family = keys.index("given_name"), keys.index("family_name")

    def name(self, cells: Sequence[Cell]) -> str:
        """Given and family name as written in the row."""
        parts = [cell_text(cells[i]) for i in (self._given, self._family) if i < len(cells)]
        return " ".join(" ".join(parts).split())

    def has_values(self, cells: Sequence[Cell]) -> bool:
        """Whether a column read holds a value in ``cells``: a row filled only in columns
        left out ("Nr." numbered ahead for members to come) is no member; such rows were
        errors that stopped the whole import (found by a tester)."""
        return any(
            column < len(cells) and (not isinstance(cells[column], str) or cells[column].strip())
            for column in self._read_columns
        )

    def error_row(self, line: int, cells: Sequence[Cell], *messages: str) -> ParsedMemberRow:
        """A row that cannot be read, with messages without the "Zeile N: " prefix."""
        errors = tuple(f"Zeile {line}: {message}" for message in messages)
        return ParsedMemberRow(line, None, errors, self.name(cells))

    def parse(self, line: int, cells: Sequence[Cell]) -> ParsedMemberRow:
        values = self._blank.copy()
        errors: list[str] = []
        failed: set[str] = set()
        if len(cells) < self._width:
            cells = [*cells, *[""] * (self._width - len(cells))]
        for column, position, read in self._texts:
            values[position] = read(cells[column])
        if self._address:
            parts = {key: cell_text(cells[column]) for column, key in self._address}
            values[self._address_at] = joined_address(parts, values[self._address_at])
        for column, position, key, read, known in self._values:
            cell = cells[column]
            value = known.get(cell, _UNKNOWN)
            if value is _UNKNOWN:
                try:
                    value = known[cell] = read(cell)
                except ValueError as exc:
                    errors.append(str(exc))
                    failed.add(key)
                    continue
            values[position] = value
        member, problems = clean_and_check(Member(*values))
        for problem in problems:
            skip = problem.field in failed or (
                problem.field == "term_end" and "term_start" in failed
            )
            if not problem.warning and not skip:
                errors.append(_in_column(problem))
        if errors:
            return self.error_row(line, cells, *errors)
        return ParsedMemberRow(line, member, (), self.name(cells))

    def _reader(self, key: str) -> Callable[[Cell], object]:
        """What turns a cell of the column of ``key`` into the member's value (picked once
        per column: an import reads hundreds of thousands of cells)."""
        if key in _DATE_KEYS:
            return partial(read_date, HEADERS[key], key == "term_start")
        if key in _LINE_KEYS:
            return read_line
        if key == "phone":
            return partial(read_phone, HEADERS[key])
        if key in _BOOL_KEYS:
            return partial(read_bool, HEADERS[key])
        if key == "role":
            return self._read_role
        if key in _ENUMS:
            return partial(read_choice, HEADERS[key], _ENUMS[key])
        if key == "primary_field_id":
            return self._read_primary_field
        if key == "further_field_ids":
            return self._read_further_fields
        return cell_text  # postal address and notes: kept exactly, line breaks included

    def _read_role(self, cell: Cell) -> object:
        """A role by the council's title ("Sprecher*in", also "Sprecherin" or "Sprecher"),
        else as :func:`read_choice`."""
        text = cell_text(cell)
        found = self._titles.get(text.strip().casefold()) or self._title_keys.get(_title_key(text))
        if found is not None:
            return found
        if _FORMER_OFFICE.search(text):  # was read as the office held now (found by a tester)
            raise ValueError(
                f"{HEADERS['role']} „{shown(text)}“ nennt ein früheres Amt. Bitte tragen Sie "
                f"die damalige Rolle ein ({self._role_list}) und ihr Ende unter „Amtszeit Ende“."
            )
        try:
            return read_choice(HEADERS["role"], MemberRole, cell)
        except ValueError:
            raise ValueError(
                f"{HEADERS['role']} „{shown(text)}“ ist unbekannt (möglich: {self._role_list})."
            ) from None

    def _read_primary_field(self, cell: Cell) -> int | None:
        text = cell_text(cell)
        if not text.strip():
            return None
        found_id = self._fields.get(_name_key(text))
        if found_id is None:
            raise ValueError(self._unknown_field(HEADERS["primary_field_id"], [text.strip()]))
        return found_id

    def _read_further_fields(self, cell: Cell) -> tuple[int, ...]:
        ids, unknown = self._match_fields(cell_text(cell))
        if unknown:
            raise ValueError(self._unknown_field(HEADERS["further_field_ids"], unknown))
        return tuple(dict.fromkeys(ids))

    def _unknown_field(self, header: str, names: list[str]) -> str:
        which = german_list([shown(n) for n in names])
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


def passed_over_note(lines: Sequence[int]) -> str:
    """What the import says of the rows ``lines`` passed over as filled only in columns not
    read ("" for none)."""
    if not lines:
        return ""
    rows = f"Zeile {lines[0]}" if len(lines) == 1 else f"Zeilen {number_ranges(lines)}"
    return f"Übergangen, da nur in nicht verwendeten Spalten ausgefüllt: {rows}."


def _in_column(problem: FieldProblem) -> str:
    """The message of ``problem``, with the column it is about: "Spalte „Telefon“: …"."""
    header = HEADERS.get(problem.field)
    return f"Spalte „{header}“: {problem.message}" if header else problem.message
