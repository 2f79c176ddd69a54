"""Backup and restore in the portable format, for SQLite and PostgreSQL alike.

Both directions are driven by the SQLAlchemy metadata, so a new table or column is included
without code here. A backup reads every table in one snapshot (a consistent state even while
others write). A restore reads and checks the whole file first (:mod:`services.backup_file`),
brings an older backup up to the current schema in a scratch SQLite file
(:mod:`services.backup_conversion`), keeps a copy of what it replaces (if anything,
:mod:`services.restore_copy`) and then swaps all rows in one transaction: on any error the
database stays exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, exc, false, text

from expertenrat import __version__
from expertenrat.domain.progress import Progress
from expertenrat.services.backup_conversion import dump_tables, parts_at_head, stored_kind
from expertenrat.services.backup_file import read_backup_file
from expertenrat.services.collector import collector_paused
from expertenrat.services.files import FileWriteError, writing_file
from expertenrat.services.restore_copy import discard_copy, has_rows, holds_data, keep_copy
from expertenrat.store import lock_wait, migrate, schema_revisions
from expertenrat.store.backup_format import Backup, BackupError, TablePart
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.bulk_insert import insert_value_rows
from expertenrat.store.bulk_transaction import bulk_transaction
from expertenrat.store.changed_schema import refuse_changed_schema
from expertenrat.store.database import Database
from expertenrat.store.driver_errors import sqlite_error_name
from expertenrat.store.models import Base
from expertenrat.store.work_problems import refused


@dataclass(frozen=True, slots=True)
class BackupSummary:
    tables: int
    rows: int
    size: int  # bytes of the zip file


@dataclass(frozen=True, slots=True)
class RestoreSummary:
    rows: int
    schema_revision: str  # of the backup, before any migration
    kept_copy: Path | None  # what was replaced, or None if the database was empty


_NOT_RESTORED = "Die Sicherung konnte nicht eingespielt werden"
_UNCHANGED = "Die Datenbank ist unverändert."


class BackupService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def backup(self, target: Path, progress: Progress | None = None) -> BackupSummary:
        """Write all data to ``target`` (all or nothing: a temporary file, then a rename)."""
        try:
            with collector_paused(), writing_file(target, private=True) as handle:
                backup = self.snapshot(progress)
                write_backup(handle, backup)
                size = handle.tell()
        except FileWriteError as error:
            raise BackupError(
                f"Die Sicherung {error.message} Die Daten sind unverändert.", error.detail
            ) from None
        except exc.DBAPIError as error:
            raise BackupError(
                *refused("Die Sicherung kann nicht angelegt werden", error, url=self._db.url)
            ) from None
        rows = sum(len(part.rows) for part in backup.tables)
        return BackupSummary(len(backup.tables), rows, size)

    def snapshot(self, progress: Progress | None = None) -> Backup:
        """All data in one consistent read, as a backup in memory."""
        connection_options = {} if self._db.is_sqlite else {"isolation_level": "REPEATABLE READ"}
        with self._db.engine.connect() as connection:
            connection = connection.execution_options(**connection_options)
            with connection.begin():
                if not self._db.is_sqlite:  # another PC's save does not end the backup
                    lock_wait.wait_for_locks_as_long_as_needed(connection)
                revision = migrate.current_revision(connection)
                if revision is not None and revision != schema_revisions.head_revision():
                    # Another PC's newer version upgraded it: this version's tables would
                    # leave out what that one added, under its revision.
                    refuse_changed_schema(
                        connection, self._db.location, is_sqlite=self._db.is_sqlite
                    )
                return _snapshot_of(connection, progress, revision=revision or "")

    def restore(
        self,
        source: Path,
        keep_dir: Path,
        *,
        now: datetime | None = None,
        progress: Progress | None = None,
    ) -> RestoreSummary:
        """Replace all data with the backup in ``source``; keep the old data in ``keep_dir``."""
        with collector_paused():
            backup = read_backup_file(source)
            return self.restore_backup(backup, keep_dir, now=now, progress=progress)

    def restore_backup(
        self,
        backup: Backup,
        keep_dir: Path,
        *,
        now: datetime | None = None,
        progress: Progress | None = None,
        refused_as: tuple[str, str] = (_NOT_RESTORED, _UNCHANGED),
        found_by_check: str = "",
    ) -> RestoreSummary:
        """Replace all data with ``backup`` (already read and checked), as :meth:`restore`.
        ``refused_as``: what failed and what that leaves, in the message when the database
        refuses the data before the commit (a move to the server names itself);
        ``found_by_check``: where to find a refused value or reference (``refused``).

        The copy of the old data is made before anything is replaced; a restore that fails
        while the database is certainly unchanged (its transaction never got to the commit,
        or the database refused the commit) removes it again, so failed attempts leave no
        copies of unchanged data behind. When the outcome of the commit is unknown (the
        connection lost in it) the copy stays."""
        parts = parts_at_head(backup)
        replacement = _Replacement()

        def keep(connection: Connection) -> Path | None:
            return keep_copy(
                self._db, keep_dir, now or datetime.now(), lambda: _snapshot_of(connection)
            )

        # The copy is made inside the restore's transaction, once it holds the write lock
        # (SQLite: the file's; PostgreSQL: every table's), so that it holds exactly what is
        # replaced: a change another program saves between the copy and the replacement
        # would be in neither (see _replace).
        empty = self._db.pending or not holds_data(self._db)
        try:
            # A new file that gets no data does not stay; a server database without a schema
            # gets it in the transaction of the data (see store.bulk_transaction).
            with self._db.created_or_nothing():
                self._replace(parts, progress, replacement, empty=empty, keep=keep)
        except BaseException as error:
            kept = replacement.kept
            unchanged = replacement.unchanged_after(error)
            if kept is not None and unchanged:
                discard_copy(kept)  # the database is as it was: the copy would only pile up
            if isinstance(error, exc.DBAPIError):
                what, outcome = refused_as
                if not unchanged:
                    outcome = "Ob die Daten schon ersetzt wurden, ist nicht sicher." + (
                        f" Die bisherigen Daten sind in „{kept}“ aufbewahrt." if kept else ""
                    )
                raise BackupError(
                    *refused(what, error, outcome, self._db.url, found_by_check=found_by_check)
                ) from None
            if isinstance(error, KeyboardInterrupt) and not unchanged:  # Ctrl+C at the commit
                raise BackupError(
                    "Abgebrochen, als die Daten gespeichert wurden: Ob sie schon ersetzt sind, "
                    "ist nicht sicher."
                    + (f" Die bisherigen Daten sind in „{kept}“." if kept else "")
                ) from None
            if isinstance(error, OverflowError):  # SQLite's driver: a number beyond 64 bits
                raise BackupError(
                    "Die Sicherung konnte nicht eingespielt werden: Sie enthält eine Zahl, die "
                    "zu groß für die Datenbank ist. Die Datenbank ist unverändert."
                ) from None
            raise
        return RestoreSummary(
            rows=sum(len(part.rows) for part in parts.values()),
            schema_revision=backup.schema_revision,
            kept_copy=replacement.kept,
        )

    def _replace(
        self,
        parts: dict[str, TablePart],
        progress: Progress | None,
        replacement: _Replacement,
        *,
        empty: bool,
        keep: Callable[[Connection], Path | None],
    ) -> None:
        tables = Base.metadata.sorted_tables
        with bulk_transaction(self._db, empty=empty) as connection:
            # The write lock first: other programs still read the data as it is, but none
            # can change it until the commit.
            if self._db.is_sqlite:
                connection.execute(tables[0].delete().where(false()))  # changes nothing
            else:
                # Nothing can change once every table is locked, so each read that follows
                # sees the same data, all that was committed before.
                names = ", ".join(
                    connection.dialect.identifier_preparer.quote(t.name) for t in tables
                )
                connection.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
            # A database found empty before may have got rows meanwhile (unless it is in
            # SQLite's rollback journal now, which needed the file to itself: then it has
            # none).
            if not empty or has_rows(connection):
                replacement.kept = keep(connection)
            for table in reversed(tables):
                connection.execute(table.delete())
            for done, table in enumerate(tables, start=1):
                insert_value_rows(connection, table, parts[table.name].rows)
                if progress is not None:
                    progress(done, len(tables))
            # SQLite's counters (AUTOINCREMENT, migrations 0013, 0028, 0032) keep the same
            # rule by themselves: the deletes leave them as they were, an id restored above
            # one raises it, and the rows go into the open file, never a new one.
            if not self._db.is_sqlite:
                _reset_sequences(connection, tables)
            replacement.committing = True


class _Replacement:
    """How far a restore's transaction got: ``committing`` once every row is in and only
    the commit (and on SQLite the rebuilt indexes) is left."""

    def __init__(self) -> None:
        self.committing = False
        self.kept: Path | None = None  # the copy of the replaced data, once made

    def unchanged_after(self, error: BaseException) -> bool:
        """Whether the database is certainly as before, the restore having failed with
        ``error``: the transaction never got to its commit (rolled back), the database
        refused the commit for the data (a constraint checked at the end), or SQLite found
        no room for it (SQLITE_FULL: a commit it cannot write is undone whole; a full disk
        was "nicht sicher" and its copy stayed, taking more of the space that was lacking;
        found by a tester). Not when the connection failed during the commit: it may have
        gone through (nor the WAL index of SQLite that cannot grow: it grows after the
        commit is written)."""
        if not self.committing:
            return True
        if sqlite_error_name(error).startswith("SQLITE_FULL"):
            return True
        return isinstance(error, (exc.IntegrityError, exc.DataError))


def _snapshot_of(
    connection: Connection, progress: Progress | None = None, *, revision: str | None = None
) -> Backup:
    """All data as ``connection`` sees it, as a backup in memory. ``revision``: the schema's
    (``""``: none), when the caller read it already (two round trips to a server)."""
    if revision is None:
        revision = migrate.current_revision(connection) or ""
    parts = dump_tables(connection, Base.metadata.sorted_tables, progress)
    return Backup(__version__, revision, datetime.now(UTC), tuple(parts))


def _reset_sequences(connection: Connection, tables: Iterable[Table]) -> None:
    """After explicit ids, let PostgreSQL's sequences continue after the highest one, and
    never go back: an id handed out before the restore (to a record made after the backup,
    still open in a form on another PC) is given to no new record, which that form's save
    would overwrite (found by a tester)."""
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not keys[0].autoincrement or stored_kind(keys[0].type) != "plain":
            continue
        column = keys[0].name
        connection.execute(
            text(
                "SELECT setval(seq, GREATEST("
                f'(SELECT COALESCE(MAX("{column}"), 0) FROM "{table.name}"), '
                "COALESCE(pg_sequence_last_value(seq), 0)) + 1, false) "
                "FROM (SELECT pg_get_serial_sequence(:table, :column)::regclass AS seq) AS s "
                "WHERE seq IS NOT NULL"
            ),
            {"table": table.name, "column": column},
        )
