"""What importing members from a file would do and did: the status of each row, the
preview of the whole file (nothing saved yet), and the result of the import."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from expertenrat.domain.consent import ConsentChange
from expertenrat.domain.members import Member
from expertenrat.domain.wording import listed


class ImportStatus(Enum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"  # matches a stored member and would change nothing
    ERROR = "error"

    @property
    def label(self) -> str:
        """The German word for the row's result: "neu", "aktualisieren", "unverändert", "Fehler"."""
        return _LABELS[self]


_LABELS = {
    ImportStatus.NEW: "neu",
    ImportStatus.UPDATE: "aktualisieren",
    ImportStatus.UNCHANGED: "unverändert",
    ImportStatus.ERROR: "Fehler",
}


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One data row of an import file and what importing it would do.

    ``member`` is what would be saved (``None`` exactly for ``ERROR`` rows). An ``UPDATE``
    (and an ``UNCHANGED`` row) carries the id and versions of the membership it matches;
    ``changed`` is false for ``UNCHANGED`` and ``ERROR`` rows. A ``NEW`` row may carry the
    ``person_id`` of a person who already was a member (a further term). ``person_of_line``
    names an earlier row of the same file that creates this row's person. ``reasons`` are the
    errors of an ``ERROR`` row, otherwise warnings and what an update changes. ``label``
    is the name to show; empty when the row could not be read at all (``sort_name``: where
    it sorts by name). ``consent_changes``
    are the grants and withdrawals the row would record; they are not among the reasons.
    """

    line: int
    status: ImportStatus
    member: Member | None
    label: str
    reasons: tuple[str, ...] = ()
    changed: bool = True
    person_of_line: int | None = None
    consent_changes: tuple[ConsentChange, ...] = ()
    # Where the row sorts by name (name_sort_key): an ERROR row has no ``member`` but was
    # mostly read as one; empty where it could not be read at all.
    sort_name: str = ""


class ImportCounts(NamedTuple):
    new: int
    update: int
    unchanged: int
    error: int


@dataclass(frozen=True, slots=True, weakref_slot=True)
class ImportPreview:
    """Every row of an import file, classified; nothing has been saved yet.

    ``basis`` is what the rows were checked against (the stored versions, as the service
    records them): while it is unchanged, importing need not check the rows again.
    """

    council_id: int
    rows: tuple[ImportRow, ...]
    ignored_columns: tuple[str, ...] = ()
    basis: tuple[object, ...] = ()
    # The columns read under another name than the export's: (as in the file, read as).
    read_as: tuple[tuple[str, str], ...] = ()
    # What the import says of a workbook beyond its members, a sentence each ("Gelesen wurde
    # nur das erste Tabellenblatt, …", "In Excel ausgeblendet, aber gelesen: Zeile 4").
    sheet_notes: tuple[str, ...] = ()

    @property
    def read_as_text(self) -> str:
        """ "Spalten unter anderem Namen gelesen: „Funktion im Beirat“ als „Rolle“; „Straße“,
        „PLZ“ und „Ort“ als „Postanschrift“"; empty where every column has the export's
        name. Columns read together as one are named once with it (found by a tester: „Straße“
        als „Postanschrift“, „PLZ“ als „Postanschrift“, … as if each were the address)."""
        together: dict[str, list[str]] = {}
        for found, column in self.read_as:
            together.setdefault(column, []).append(f"„{found}“")
        if not together:
            return ""
        groups = "; ".join(f"{listed(found)} als „{column}“" for column, found in together.items())
        return f"Spalten unter anderem Namen gelesen: {groups}"

    @property
    def counts(self) -> ImportCounts:
        statuses = [row.status for row in self.rows]
        return ImportCounts(*(statuses.count(status) for status in ImportStatus))

    @property
    def has_errors(self) -> bool:
        return any(row.status is ImportStatus.ERROR for row in self.rows)

    @property
    def errors_text(self) -> str:
        """How many rows have errors, as a German sentence start: "3 Zeilen haben Fehler"."""
        count = self.counts.error
        return "1 Zeile hat Fehler" if count == 1 else f"{count} Zeilen haben Fehler"

    @property
    def valid_rows(self) -> tuple[ImportRow, ...]:
        """The rows without errors (new, updated and unchanged members)."""
        return tuple(row for row in self.rows if row.status is not ImportStatus.ERROR)

    @property
    def consent_rows(self) -> tuple[ImportRow, ...]:
        """The rows that would grant or withdraw consent: importing them needs a confirmation."""
        return tuple(row for row in self.valid_rows if row.consent_changes)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import saved: the created and the changed members; unchanged rows are skipped
    and only counted."""

    created: tuple[Member, ...]
    updated: tuple[Member, ...]
    unchanged: int = 0
