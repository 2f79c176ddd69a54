"""A backup file chosen to restore: read and checked whole, or refused as none before the
user is asked to replace the data with it.

A copy of a SQLite database counts as a backup too: the daily backup or the copy a restore
or an update kept (:mod:`services.backup_conversion` reads it).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from expertenrat.domain.errors import os_error_detail, os_error_text
from expertenrat.services.backup_conversion import database_copy_as_backup, modified_utc
from expertenrat.services.file_reading import NotAFileError, check_regular_file
from expertenrat.store import schema_revisions
from expertenrat.store.backup_format import Backup, BackupError
from expertenrat.store.backup_reading import read_backup, read_made
from expertenrat.store.engine import SQLITE_HEADER


def read_backup_file(source: Path) -> Backup:
    """The backup in ``source``, read and checked whole (``BackupError`` if it is none).

    ``source`` may also be a copy of a SQLite database: the daily backup
    (``expertenrat-2026-03-05.db``) or the copy a restore or an update kept; its tables
    are read as a backup of its schema revision (an older one is brought up to date).
    """
    try:
        check_regular_file(source)  # a named pipe would block the reading for ever
        with source.open("rb") as handle:
            start = handle.read(len(SQLITE_HEADER))
            if not start:
                raise BackupError(_EMPTY)
            if start == SQLITE_HEADER:
                return database_copy_as_backup(source)
            handle.seek(0)
            return read_backup(handle, schema_revisions.is_known_revision)
    except NotAFileError as error:
        raise BackupError(error.message) from None
    except OSError as error:
        raise _unreadable(source, error) from None


def backup_made_utc(source: Path) -> datetime | None:
    """When the backup in ``source`` was made (aware), to name in the question before a
    restore: a backup's manifest says it, a copy of the database is of its file's last
    change; ``None`` where it cannot be told (the restore refuses such a file anyway).
    Only the manifest is read, not the whole file."""
    try:
        check_regular_file(source)
        with source.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                return modified_utc(source)
            handle.seek(0)
            return read_made(handle)
    except (NotAFileError, OSError):
        return None


def _unreadable(source: Path, error: OSError) -> BackupError:
    return BackupError(
        f"„{source}“ kann nicht gelesen werden: {os_error_text(error)}", os_error_detail(error)
    )


# An empty file, such as the copy a restore killed while copying leaves (its name taken
# first, the copy never renamed onto it): zipfile's "File is not a zip file" said nothing.
_EMPTY = (
    "Die Datei ist leer (0 Bytes) und enthält keine Sicherung, etwa weil ihr Anlegen "
    "abgebrochen wurde. Bitte wählen Sie eine andere Sicherung."
)


def refuse_no_file(source: Path) -> None:
    """Refuse a backup ``source`` that is missing, no regular file or empty before the
    user is asked to replace the data with it (the reading refuses it anyway): the
    command asked "Alle Daten … durch „fehlt.zip“ ersetzen?" for a mistyped name and said
    only after "Ja" that there is no such file (found by a tester)."""
    try:
        check_regular_file(source)
        empty = source.stat().st_size == 0
    except NotAFileError as error:
        raise BackupError(error.message) from None
    except OSError as error:
        raise _unreadable(source, error) from None
    if empty:
        raise BackupError(_EMPTY)
