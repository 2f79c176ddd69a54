"""Reading the data rows of a members file (CSV or Excel): :class:`RowReader` turns the cells
of one row into a :class:`ParsedMemberRow`, a member ready to save or the German messages
of what is wrong with it; :class:`MembersFile` is what reading a whole file gives.

A cell's date, yes or no, sector or role is read by :mod:`expertenrat.exchange.member_cells`,
one naming the council's own role titles or action fields by
:mod:`expertenrat.exchange.member_council_cells`.
"""

from __future__ import annotations

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
)
from expertenrat.exchange.member_columns import HEADERS, Cell
from expertenrat.exchange.member_council_cells import ActionFieldCells, RoleCells

_DATE_KEYS = frozenset({"term_start", "term_end", "publish_name_on", "publish_contact_on"})
_LINE_KEYS = frozenset(
    {"form_of_address", "title", "given_name", "family_name", "affiliation", "position", "email"}
)
_BOOL_KEYS = frozenset({"voting_right", "publish_name", "publish_contact"})
_TEXT_KEYS = _LINE_KEYS | {"postal_address", "notes"}  # reading them cannot fail
_UNKNOWN = object()  # a cell not read yet
_ENUMS: dict[str, type[LabelledEnum]] = {"sector": Sector, "role": MemberRole}


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
        self._roles = RoleCells(titles)
        self._action_fields = ActionFieldCells(field_ids)
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
            return self._roles.read
        if key in _ENUMS:
            return partial(read_choice, HEADERS[key], _ENUMS[key])
        if key == "primary_field_id":
            return self._action_fields.read_primary
        if key == "further_field_ids":
            return self._action_fields.read_further
        return cell_text  # postal address and notes: kept exactly, line breaks included


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
