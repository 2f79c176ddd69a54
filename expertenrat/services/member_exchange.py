"""Members to and from files (CSV, Excel): export, a preview of an import, and the import."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from weakref import WeakValueDictionary

from expertenrat.domain.enums import AuditAction, ConsentSource
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.file_formats import MemberFileFormat, too_large_message
from expertenrat.domain.member_import import classify_import
from expertenrat.domain.member_import_preview import (
    ImportPreview,
    ImportResult,
    ImportRow,
    ImportStatus,
)
from expertenrat.domain.members import Member
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.exchange.member_columns import COLUMNS
from expertenrat.exchange.members_csv import export_members_csv, parse_members_csv
from expertenrat.services import audit
from expertenrat.services.chairs_ahead import clear_chairs_ahead
from expertenrat.services.collector import collector_paused
from expertenrat.services.consent_ledger import latest_withdrawals
from expertenrat.services.file_reading import read_at_most
from expertenrat.services.member_checks import check_members, check_none_added_meanwhile
from expertenrat.services.member_history import drop_apologies_outside_terms, recorded_spans
from expertenrat.services.member_import_notes import with_import_notes
from expertenrat.services.member_rows import council_members, member_from_rows, membership_rows
from expertenrat.services.member_writes import write_members
from expertenrat.services.unit_of_work import changing, fetch, hold_council, reading
from expertenrat.store import models
from expertenrat.store.database import Database

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest members file read. 20,000 members with every column filled make a CSV file
of about 9 MB and a workbook of about 2 MB; 64 MB still hold 20,000 rows with notes of
some 2,500 characters each (checked in some 7 seconds), and keep a file of gigabytes chosen
by mistake from being read at all."""
_COLUMN_NAMES = dict(COLUMNS)
_CONTAINERS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (.xlsx) and OLE (.xls, protected)
_MADE: WeakValueDictionary[int, ImportPreview] = WeakValueDictionary()
"""The previews made here and still in use, by ``id``: one of them, passed to the import as
it is (frozen, like its rows and their members), holds only members whose values the reader
or the classification checked (``member_problems``), so saving need not check them again."""


class MemberExchangeService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def export(self, council_id: int, file_format: MemberFileFormat) -> bytes:
        """All memberships of the council, active and former, as a file for Excel.

        A value the format cannot hold raises ``DataEntryError``.
        """
        with reading(self._db) as session:
            council = fetch(session, models.Council, council_id, "Das Gremium")
            field_names = {f.id: f.name for f in council.action_fields}
            members = council_members(session, council_id)
            titles = council.role_titles
        if file_format is MemberFileFormat.XLSX:
            from expertenrat.exchange.members_xlsx import export_members_xlsx  # openpyxl: on demand

            return export_members_xlsx(members, field_names, titles)
        return export_members_csv(members, field_names, titles)

    def export_csv(self, council_id: int) -> bytes:
        """Shorthand for ``export(council_id, MemberFileFormat.CSV)``."""
        return self.export(council_id, MemberFileFormat.CSV)

    @staticmethod
    def read_file(path: Path) -> bytes:
        """The content of the members file ``path`` (``OSError`` if it cannot be read); a file
        larger than :data:`MAX_FILE_BYTES` raises ``DataEntryError`` after reading no more."""
        return read_at_most(path, MAX_FILE_BYTES, _too_large)

    def preview_import(
        self,
        council_id: int,
        data: bytes,
        today: date,
        file_format: MemberFileFormat | None = None,
        progress: Progress = no_progress,
    ) -> ImportPreview:
        """What importing ``data`` would do, row by row; nothing is saved.

        An Excel workbook is read as one whatever the file is called (``file_format`` is the
        format its name says, if any); other content is read as CSV unless the name says
        .xlsx. A file that cannot be read as a whole (empty, binary, a column missing)
        raises ``DataEntryError``, as does one larger than :data:`MAX_FILE_BYTES` (read
        it with :meth:`read_file`). ``progress`` hears of every checked row and may cancel.
        """
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(len(data))
        with collector_paused(), reading(self._db) as session:
            council = fetch(session, models.Council, council_id, "Das Gremium")
            field_ids = {f.name: f.id for f in council.action_fields}
            titles = council.role_titles
            existing = council_members(session, council_id)
            withdrawals = latest_withdrawals(
                session, {m.person_id for m in existing if m.person_id}
            )
            # A chair of meetings ahead the file's term leaves out: cleared, as noted.
            recorded = recorded_spans(session, council_id, today, chairs_ahead=False)
        with collector_paused():
            if file_format is MemberFileFormat.XLSX or data.startswith(_CONTAINERS):
                from expertenrat.exchange.members_xlsx import parse_members_xlsx  # on demand

                parsed = parse_members_xlsx(data, field_ids, today=today, titles=titles)
            else:
                parsed = parse_members_csv(data, field_ids, today=today, titles=titles)
            preview = classify_import(
                council_id,
                parsed.rows,
                existing,
                today,
                present=parsed.columns,
                column_names=_COLUMN_NAMES,
                ignored_columns=parsed.ignored_columns,
                names={row.line: row.name for row in parsed.rows},
                withdrawals=withdrawals,
                recorded=recorded,
                titles=titles,
                progress=progress,
            )
        with collector_paused(), reading(self._db) as session:
            rows = with_import_notes(session, council_id, preview.rows, today, titles, existing)
        versions = ((m.id or 0, m.version, m.person_id or 0, m.person_version) for m in existing)
        preview = replace(
            preview,
            rows=rows,
            basis=_basis(versions, field_ids.values()),
            read_as=parsed.read_as,
            sheet_notes=parsed.sheet_notes,
        )
        _MADE[id(preview)] = preview
        return preview

    def apply_import(
        self,
        council_id: int,
        preview: ImportPreview,
        today: date,
        *,
        accept_consent_changes: bool = False,
        progress: Progress = no_progress,
    ) -> ImportResult:
        """Save every new and changed row of ``preview`` in one transaction, or nothing.

        A preview with any error row is refused (``DataEntryError``). The rows were checked
        by the preview; if the council changed since (other versions, members or action
        fields), they are checked again against it as it is now: a member someone else
        changed raises ``ConcurrentEditError``, a rule now broken ``ValidationError``. Rows
        without changes are left out. Rows that grant or withdraw consent are saved only
        with ``accept_consent_changes`` (otherwise ``DataEntryError`` and nothing is saved);
        their consents are recorded in the consent ledger as coming from the import.
        ``progress`` hears of every written row and may cancel.
        """
        if preview.council_id != council_id:
            raise ValueError("the preview was made for another council")
        if preview.has_errors:
            raise DataEntryError(
                f"{preview.errors_text}; es wurde nichts importiert. Bitte korrigieren Sie "
                "die Datei und lesen Sie sie erneut ein."
            )
        if preview.consent_rows and not accept_consent_changes:
            raise DataEntryError(consent_confirmation_message(preview))
        rows = [row for row in preview.valid_rows if row.changed]
        unchanged = preview.counts.unchanged
        if not rows:
            return ImportResult((), (), unchanged)
        members = [_member(row) for row in rows]
        position = {row.line: i for i, row in enumerate(rows)}
        same_person = {
            i: position[row.person_of_line]
            for i, row in enumerate(rows)
            if row.person_of_line is not None
        }
        with collector_paused(), changing(self._db, "Der Import der Mitglieder") as session:
            # Another import into the council waits here until this one is saved, and then
            # finds what it saved (PostgreSQL; SQLite lets one program write at a time).
            hold_council(session, council_id)
            council = fetch(session, models.Council, council_id, "Das Gremium")
            stored_rows = membership_rows(session, council_id)
            versions = (
                (r.id, r.version, r.person.id, r.person.version) for r in stored_rows.values()
            )
            if _basis(versions, (f.id for f in council.action_fields)) != preview.basis:
                stored = [member_from_rows(r) for r in stored_rows.values()]
                known = {entry[0] for entry in preview.basis[0]} if preview.basis else set()
                check_none_added_meanwhile(members, stored, known)
                check_members(session, council_id, members, stored, today, chairs_ahead=False)
            saved = write_members(
                session,
                self._actor,
                council_id,
                members,
                stored_rows,
                same_person=same_person,
                source=ConsentSource.IMPORT,
                values_checked=_MADE.get(id(preview)) is preview,
                progress=progress,
            )
            drop_apologies_outside_terms(session, self._actor, council_id, saved, today)
            clear_chairs_ahead(session, self._actor, council_id, saved, today)
            created = tuple(m for row, m in zip(rows, saved, strict=True) if _is_new(row))
            updated = tuple(m for row, m in zip(rows, saved, strict=True) if not _is_new(row))
            audit.record(
                session,
                self._actor,
                AuditAction.IMPORT,
                "membership",
                None,
                council_id=council_id,
                summary=f"Mitglieder aus einer Datei importiert: {len(created)} neu, "
                f"{len(updated)} geändert",
            )
        return ImportResult(created, updated, unchanged)


def consent_confirmation_message(preview: ImportPreview) -> str:
    """Which rows change consent, and that nothing was imported without a confirmation."""
    lines = ", ".join(str(row.line) for row in preview.consent_rows)
    count = len(preview.consent_rows)
    rows = f"Zeile {lines} ändert" if count == 1 else f"Die Zeilen {lines} ändern"
    return (
        f"{rows} Einwilligungen zur Veröffentlichung. Es wurde nichts importiert. "
        "Bitte prüfen Sie die Änderungen und bestätigen Sie sie ausdrücklich."
    )


def _too_large(size: int) -> DataEntryError:
    return DataEntryError(too_large_message(size, MAX_FILE_BYTES, "eine Mitgliederliste"))


def _basis(
    versions: Iterable[tuple[int, int, int, int]], field_ids: Iterable[int]
) -> tuple[object, ...]:
    """What a preview was checked against: the stored versions (membership id and version,
    person id and version of each) and the action fields."""
    return (tuple(sorted(versions)), tuple(sorted(field_ids)))


def _is_new(row: ImportRow) -> bool:
    return row.status is ImportStatus.NEW


def _member(row: ImportRow) -> Member:
    assert row.member is not None, "error rows are never saved"
    return row.member
