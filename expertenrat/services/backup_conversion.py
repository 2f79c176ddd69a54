"""Backups converted by way of a scratch SQLite file in a temporary folder: a copy of a
SQLite database read as a backup (the daily copy, the copy a restore kept), and an older
backup brought up to the current schema by the migrations before a restore. And the rows
of tables as a backup's parts (:func:`dump_tables`), which a backup writes too.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, MetaData, Table, exc, select

from expertenrat.domain.progress import Progress
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.backup_format import Backup, BackupError, TablePart, column_kind
from expertenrat.store.bulk_insert import insert_value_rows
from expertenrat.store.driver_errors import SqliteCause, driver_text, sqlite_cause
from expertenrat.store.engine import database_url, make_engine
from expertenrat.store.models import Base
from expertenrat.store.scratch_folders import RESTORING, scratch_folder
from expertenrat.store.sqlite_copy import copy_sqlite
from expertenrat.store.work_problems import refused


def dump_tables(
    connection: Connection, tables: Iterable[Table], progress: Progress | None = None
) -> list[TablePart]:
    """Every row of ``tables``, read on ``connection`` (one snapshot inside a transaction)."""
    tables = list(tables)
    parts = []
    for done, table in enumerate(tables, start=1):
        columns = tuple((c.name, stored_kind(c.type)) for c in table.columns)
        query = select(table).order_by(*table.primary_key.columns)
        rows = [list(row) for row in connection.execute(query)]
        parts.append(TablePart(name=table.name, columns=columns, rows=rows))
        if progress is not None:
            progress(done, len(tables))
    return parts


def stored_kind(column_type: Any) -> str:
    """The kind a column of ``column_type`` is stored as in a backup's parts."""
    try:
        return column_kind(column_type.python_type)
    except NotImplementedError:
        return "plain"


def database_copy_as_backup(source: Path) -> Backup:
    """The tables of the SQLite file ``source`` as they are, read from a copy of it (its
    journal files included; the file itself is left as it was)."""
    with scratch_folder(RESTORING) as folder:
        copy = folder / "kopie.db"
        engine = None
        try:
            copy_sqlite(source, copy)
            engine = make_engine(database_url(str(copy)))
            with engine.connect() as connection, connection.begin():
                revision = migrate.current_revision(connection)
                if revision is None:
                    raise BackupError(
                        f"„{source}“ ist keine Expertenrat-Datenbank und keine Sicherung."
                    )
                if not schema_revisions.is_known_revision(revision):
                    raise BackupError(
                        f"Die Datenbank „{source}“ stammt aus einer neueren Version von "
                        "Expertenrat und kann mit dieser Version nicht eingespielt werden."
                    )
                metadata = MetaData()
                metadata.reflect(connection)
                tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
                parts = dump_tables(connection, tables)
        except (sqlite3.Error, exc.DBAPIError) as error:
            raise BackupError(_copy_unreadable(source, error), driver_text(error)) from None
        finally:
            if engine is not None:
                engine.dispose()
    return Backup("", revision, modified_utc(source), tuple(parts))


def modified_utc(source: Path) -> datetime:
    """When the database copy ``source`` was made: its file's last change (a copy holds
    the data of that moment), aware."""
    return datetime.fromtimestamp(source.stat().st_mtime, UTC)


def parts_at_head(backup: Backup) -> dict[str, TablePart]:
    """The backup's tables by name, in the shape of the current schema."""
    if backup.schema_revision != schema_revisions.head_revision():
        backup = _migrated(backup)
    parts = {part.name: part for part in backup.tables}
    expected = {table.name: table for table in Base.metadata.sorted_tables}
    if set(parts) != set(expected):
        missing = sorted(set(expected) - set(parts)) or sorted(set(parts) - set(expected))
        raise BackupError(
            f"Die Sicherung passt nicht zum Schemastand {backup.schema_revision} "
            f"(Tabellen: {', '.join(missing)})."
        )
    return {
        name: _in_order(parts[name], table, backup.schema_revision)
        for name, table in expected.items()
    }


def _in_order(part: TablePart, table: Table, revision: str) -> TablePart:
    """``part`` with its columns in the order of ``table``'s. They are matched by name: a
    database the migrations built or updated has a column a later revision added at the
    end of its table, where a new one (and the models) may have it elsewhere, so a copy
    of the file lists its columns in another order than the models do."""
    names = [c for c, _kind in part.columns]
    wanted = [c.name for c in table.columns]
    if sorted(names) != sorted(wanted):
        raise BackupError(
            f"Die Spalten der Tabelle „{part.name}“ passen nicht zum Schemastand {revision}."
        )
    if names == wanted:
        return part
    where = [names.index(name) for name in wanted]
    return TablePart(
        part.name,
        tuple(part.columns[i] for i in where),
        [[row[i] for i in where] for row in part.rows],
    )


def _migrated(backup: Backup) -> Backup:
    """Load an older backup into a scratch SQLite file at its revision and migrate it."""
    with scratch_folder(RESTORING) as folder:
        url = database_url(str(folder / "staging.db"))
        migrate.upgrade(url, backup.schema_revision)
        engine = make_engine(url)
        try:
            metadata = MetaData()
            metadata.reflect(engine)
            parts = {part.name: part for part in backup.tables}
            with engine.begin() as connection:
                for table in metadata.sorted_tables:
                    part = parts.get(table.name) if table.name != "alembic_version" else None
                    if part is not None:
                        part = _in_order(part, table, backup.schema_revision)
                        insert_value_rows(connection, table, part.rows)
        except (exc.IntegrityError, exc.StatementError) as error:
            raise BackupError(
                *refused("Die ältere Sicherung ist in sich nicht stimmig", error)
            ) from None
        finally:
            engine.dispose()
        migrate.upgrade(url)
        engine = make_engine(url)
        try:
            with engine.connect() as connection, connection.begin():
                parts_at_head = dump_tables(connection, Base.metadata.sorted_tables)
        finally:
            engine.dispose()
    return Backup(
        backup.app_version,
        schema_revisions.head_revision(),
        backup.created_utc,
        tuple(parts_at_head),
    )


def _copy_unreadable(source: Path, error: BaseException) -> str:
    """Why the database file ``source`` could not be read as a backup: only SQLite's word
    for damage says damaged; its copy is made in the temporary folder, so a full disk is
    that folder's, not the file's."""
    cause = sqlite_cause(error)
    if cause is SqliteCause.DISK_FULL:
        return (
            f"„{source}“ kann nicht eingelesen werden: Der Datenträger des temporären Ordners "
            f"„{tempfile.gettempdir()}“ ist voll. Die Datenbank ist unverändert."
        )
    if cause in (SqliteCause.INACCESSIBLE, SqliteCause.READ_ONLY, SqliteCause.DISK_ERROR):
        return (
            f"„{source}“ kann nicht gelesen werden (fehlende Berechtigung, nicht verbundenes "
            "Laufwerk oder ein Fehler des Datenträgers). Die Datenbank ist unverändert."
        )
    if cause is SqliteCause.DAMAGED or cause is None:
        return f"Die Datenbank „{source}“ ist beschädigt und kann nicht eingespielt werden."
    return refused(f"„{source}“ kann nicht eingelesen werden", error)[0]
