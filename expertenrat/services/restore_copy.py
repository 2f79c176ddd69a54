"""The copy of the old data a restore keeps before it replaces anything (see
:meth:`services.backup.BackupService.restore_backup`): beside a SQLite file a copy of the
file, for a server database a portable backup in the folder given. Its name is claimed
exclusively, so that two restores in one second keep two copies; a copy the restore did
not need (the database stayed unchanged) is removed again with :func:`discard_copy`.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, exc, literal, select

from expertenrat.domain.errors import os_error_detail, os_error_text
from expertenrat.services.files import created_file
from expertenrat.services.leftovers import remove_stale
from expertenrat.store.backup_format import Backup, BackupError
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.database import Database
from expertenrat.store.engine import sqlite_file
from expertenrat.store.models import Base
from expertenrat.store.set_aside import remove_with_companions
from expertenrat.store.sqlite_copy import copy_sqlite
from expertenrat.store.work_problems import refused

log = logging.getLogger(__name__)


def keep_copy(
    database: Database, keep_dir: Path, now: datetime, snapshot: Callable[[], Backup]
) -> Path | None:
    """A copy of the data the restore replaces: beside a SQLite file a copy of it, else a
    backup (``snapshot``) in ``keep_dir``; ``None``: there is none (no rows). It never
    takes the name of an earlier copy (two restores in one second)."""
    if database.pending or not holds_data(database):
        return None  # nothing to keep
    path = sqlite_file(database.url)
    stamp = f"{now:%Y-%m-%d-%H%M%S}"
    target: Path | None = None
    try:
        if path is not None:
            remove_stale(path.parent, _temporary_name(path.stem, path.suffix))
            target = _claimed(
                path.parent, f"{path.stem}-vor-wiederherstellung-{stamp}", path.suffix
            )
            _written_whole(target, lambda temporary: copy_sqlite(path, temporary))
            return target
        keep_dir.mkdir(parents=True, exist_ok=True)
        remove_stale(keep_dir, _temporary_name("", ".zip"))
        target = _claimed(keep_dir, f"vor-wiederherstellung-{stamp}", ".zip")
        _written_whole(target, lambda temporary: _write_zip(temporary, snapshot()))
        return target
    except BaseException as error:
        if target is not None:
            discard_copy(target)  # half a copy is none
        if isinstance(error, OSError):
            raise BackupError(
                "Vor der Wiederherstellung kann keine Kopie der bisherigen Daten angelegt "
                f"werden: {os_error_text(error)} Es wurde nichts verändert.",
                os_error_detail(error),
            ) from None
        if isinstance(error, (sqlite3.Error, exc.DBAPIError)):
            raise BackupError(
                *refused(
                    "Vor der Wiederherstellung kann keine Kopie der bisherigen Daten "
                    "angelegt werden",
                    error,
                    "Es wurde nichts verändert.",
                )
            ) from None
        raise


def holds_data(database: Database) -> bool:
    """Has any table a row? (A new database has only its schema.)"""
    with database.engine.connect() as connection:
        return has_rows(connection)


def has_rows(connection: Connection) -> bool:
    """Has any table a row, as ``connection`` sees the database?"""
    return any(
        connection.scalar(select(literal(1)).select_from(table).limit(1)) is not None
        for table in Base.metadata.sorted_tables
    )


def _claimed(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or with "-2", "-3" … before the suffix, made as an empty
    file for this restore alone: created exclusively, so that another restore in the same
    second takes the next name and neither removes the other's copy."""
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        try:
            (folder / name).open("xb").close()
        except FileExistsError:
            number += 1
            continue
        return folder / name


def _temporary_name(stem: str, suffix: str) -> re.Pattern[str]:
    """The name :func:`_written_whole` writes a copy named by :func:`_claimed` under."""
    start = f"{stem}-" if stem else ""
    return re.compile(
        rf"\.{re.escape(start)}vor-wiederherstellung-\d{{4}}-\d{{2}}-\d{{2}}-\d{{6}}"
        rf"(-\d+)?{re.escape(suffix)}\.tmp"
    )


def _written_whole(target: Path, write: Callable[[Path], None]) -> None:
    """``write`` the copy under a temporary name beside ``target``, which it replaces only
    once complete: a program killed while copying leaves the claimed name empty (0 bytes),
    never half a copy under the name of a whole one."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        remove_with_companions(temporary)


def _write_zip(path: Path, backup: Backup) -> None:
    """``backup`` as a zip at ``path``, a new file the owner's alone from the start (all
    data: not given so after, found by review)."""
    with created_file(path, private=True) as handle:
        write_backup(handle, backup)


def discard_copy(path: Path) -> None:
    """Remove a copy this restore made (and its journal files); if that fails, it stays."""
    try:
        remove_with_companions(path)
    except OSError:
        log.warning("Die Kopie „%s“ konnte nicht entfernt werden.", path)
