"""The automatic daily backup of the database, its rotation and its state.

At the first start of a day (or at its beginning in a window left open) a SQLite
database file is copied with SQLite's backup API (a consistent copy while the app runs)
to ``expertenrat-YYYY-MM-DD.db`` in the backup folder; a server database is written in
the portable backup format (one consistent snapshot,
:class:`~expertenrat.services.backup.BackupService`) to ``expertenrat-YYYY-MM-DD.zip``.
Then only the copies :func:`copies_to_keep` names stay (of both kinds together: a PC that
moved to a server sees its old file's copies rotated out as the new ones come).
Other files in the folder are never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import exc

from expertenrat.domain.backup_rotation import STALE_AFTER_DAYS, copies_to_keep
from expertenrat.domain.errors import os_error_detail, os_error_text
from expertenrat.domain.progress import Progress
from expertenrat.paths import user_data_dir
from expertenrat.services.backup import BackupService
from expertenrat.services.change_marker import ChangeMarker, change_marker
from expertenrat.services.collector import collector_paused
from expertenrat.services.files import created_file
from expertenrat.services.leftovers import remove_stale
from expertenrat.store.backup_format import BackupError
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.database import Database
from expertenrat.store.driver_errors import SqliteCause, driver_text, sqlite_cause
from expertenrat.store.engine import sqlite_file
from expertenrat.store.sqlite_copy import copy_sqlite
from expertenrat.store.work_problems import refused

_COPY_NAME = re.compile(r"^expertenrat-(\d{4})-(\d{2})-(\d{2})\.(?:db|zip)$")
# The name a copy is written under until complete (see :meth:`DailyBackupService.run`);
# versions up to schema 0013 wrote one without the random part (".expertenrat-2026-11-30
# .tmp"), which a copy killed then left in the folder: a whole database, never removed.
_TEMPORARY = re.compile(r"\.expertenrat-\d{4}-\d{2}-\d{2}(?:-[0-9a-f]{12})?\.tmp")
FOLDER_NAME = "Sicherungen"


def default_folder(database: Database) -> Path:
    """``Sicherungen`` beside the database file; for a server database in this PC's data
    folder (where the copies kept before a restore go too)."""
    return folder_beside(sqlite_file(database.url))


def folder_beside(database_file: Path | None) -> Path:
    """``Sicherungen`` beside ``database_file``; ``None``: a server database, whose
    copies go to ``Sicherungen`` in this PC's data folder."""
    if database_file is None:
        return user_data_dir() / FOLDER_NAME
    return database_file.parent / FOLDER_NAME


def backup_folder(chosen: str, database_file: Path | None) -> Path:
    """Where the daily copies of ``database_file`` go: the folder ``chosen`` on this PC
    (e.g. a network drive; blank: none), else :func:`folder_beside` the file."""
    chosen = chosen.strip()
    return Path(chosen) if chosen else folder_beside(database_file)


def copy_suffix(database: Database) -> str:
    """The ending of ``database``'s daily copies: ``.db`` for a file, ``.zip`` for a server."""
    return ".db" if database.is_sqlite else ".zip"


def _copy_files(folder: Path) -> list[tuple[date, Path]]:
    files = []
    for entry in folder.iterdir():
        match = _COPY_NAME.match(entry.name)
        if match:
            with contextlib.suppress(ValueError):
                files.append((date(*map(int, match.groups())), entry))
    return files


def daily_copies(folder: Path) -> dict[date, Path]:
    """The automatic copies in ``folder`` by day, of a file (``.db``) or a server
    (``.zip``); one of them for a day that has both (raises OSError if it cannot be read)."""
    return dict(sorted(_copy_files(folder), key=lambda item: item[1].name))


_FOLDER_CAUSES = {
    SqliteCause.DISK_FULL: "Der Datenträger des Ordners ist voll.",
    SqliteCause.READ_ONLY: "In den Ordner kann nicht geschrieben werden (schreibgeschützt).",
    SqliteCause.INACCESSIBLE: (
        "In den Ordner kann nicht geschrieben werden (fehlende Berechtigung, schreibgeschützt "
        "oder nicht verbundenes Laufwerk)."
    ),
}


def _folder_made(folder: Path) -> None:
    """Make the backup folder (not its parents: a missing network drive stays missing) with
    the permissions of the folder it is made in: beside a database file several logins of
    a terminal server share (its folder writable by their group), the first one's umask
    (755) kept the others' daily copies out of it, each day one of them started first
    (found by a tester). The copies in it stay their maker's alone (600); beside the
    default file the folder is as private as the user's data folder (700). Never writable
    by every user of the PC (a file in ``/tmp``, 1777): anyone could put a file under a
    day's name there, which counts as that day's copy."""
    try:
        folder.mkdir()
    except FileExistsError:
        if folder.is_dir():
            return
        raise
    if os.name == "posix":
        with contextlib.suppress(OSError):  # a drive that keeps no modes
            shared = stat.S_IMODE(folder.parent.stat().st_mode)
            os.chmod(folder, shared & ~(stat.S_IWOTH | stat.S_ISVTX))


class DailyBackupService:
    def __init__(self, database: Database) -> None:
        self._db = database

    @property
    def database(self) -> Database:
        return self._db

    def folder(self, chosen: str) -> Path:
        """Where this database's daily copies go: the folder ``chosen`` on this PC, else
        :func:`default_folder` (see :func:`backup_folder`)."""
        return backup_folder(chosen, sqlite_file(self._db.url))

    def data_marker(self) -> ChangeMarker | None:
        """What moves with every change saved to the database, on any PC, in one read: the
        whole audit trail's :func:`change_marker`, whose latest write time moves with each
        autosave of an editing session too (a window left open on the same item of the
        minutes for days made no further copy of what was typed there; found by review).
        Equal markers, the same data. ``None``: a database not yet created."""
        if self._db.pending:
            return None
        return change_marker(self._db)

    def run(self, folder: Path, today: date, progress: Progress | None = None) -> Path | None:
        """Make today's copy unless there is one; rotate. ``None`` if nothing was copied.

        ``progress`` may raise :class:`~expertenrat.domain.progress.Cancelled` (the user's
        "Abbrechen" while a switch or the end of the program waits): the copy stops where
        it is, its temporary file goes, and there is no copy under today's name."""
        if self._db.pending:
            return None
        source = sqlite_file(self._db.url)
        if self._db.is_sqlite and (source is None or not source.exists()):
            return None
        target = folder / f"expertenrat-{today:%Y-%m-%d}{copy_suffix(self._db)}"
        # A name of this run's own: another program on the same database may be copying
        # into the folder at the same moment (both started on the same morning).
        temporary = folder / f".expertenrat-{today:%Y-%m-%d}-{uuid.uuid4().hex[:12]}.tmp"
        try:
            _folder_made(folder)
            remove_stale(folder, _TEMPORARY)
            if target.exists():
                return None
            if source is not None:
                copy_sqlite(source, temporary, progress=progress)
            else:
                self._export(temporary, progress)
            if target.exists():  # the other program's copy came first: it is today's
                return None
            temporary.replace(target)
            files = _copy_files(folder)
            kept = copies_to_keep(day for day, _path in files)
            for day, path in files:
                if day not in kept:
                    path.unlink(missing_ok=True)  # the other program's rotation may be first
        except OSError as error:
            said = os_error_text(error)
            if isinstance(error, FileExistsError) and not folder.is_dir():
                said = "Dort liegt eine Datei, kein Ordner."  # not "existiert bereits"
            raise BackupError(
                f"Die tägliche Sicherung in „{folder}“ ist nicht möglich: {said}",
                os_error_detail(error),
            ) from None
        except exc.DBAPIError as error:  # the server's: reading the snapshot
            raise BackupError(
                *refused(
                    f"Die tägliche Sicherung in „{folder}“ ist nicht möglich",
                    error,
                    url=self._db.url,
                )
            ) from None
        except sqlite3.Error as error:
            # SQLite writes only the copy: its trouble is the folder's, not the database's
            # ("Der Datenträger der Datenbank ist voll" sent the user to the wrong disk).
            cause = sqlite_cause(error)
            if cause in _FOLDER_CAUSES:
                raise BackupError(
                    f"Die tägliche Sicherung in „{folder}“ ist nicht möglich: "
                    f"{_FOLDER_CAUSES[cause]}",
                    driver_text(error),
                ) from None
            raise BackupError(
                *refused(f"Die tägliche Sicherung in „{folder}“ ist nicht möglich", error)
            ) from None
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        return target

    def _export(self, temporary: Path, progress: Progress | None = None) -> None:
        """The server's data in the portable format, read in one consistent snapshot."""
        with collector_paused():
            backup = BackupService(self._db).snapshot(progress)
            with created_file(temporary, private=True) as handle:
                write_backup(handle, backup, progress)

    def warning(self, folder: Path, today: date, *, current: bool = False) -> str | None:
        """A German warning for the Übersicht, or ``None`` when the backups are fine.
        ``current``: the newest copy holds the data as they are now, however old."""
        if self._db.pending:
            return None
        if not folder.exists() and folder.parent.is_dir():
            return None  # the first copy will make the folder
        try:
            copies = daily_copies(folder)
        except OSError as error:
            return (
                f"Der Sicherungsordner „{folder}“ ist nicht erreichbar ({os_error_text(error)}). "
                "Es werden keine täglichen Sicherungen angelegt."
            )
        last = max(copies, default=None)  # none yet: the first one is being made
        if last is not None and not current and (today - last).days > STALE_AFTER_DAYS:
            return (
                f"Die letzte Sicherung ist vom {last:%d.%m.%Y}, älter als "
                f"{STALE_AFTER_DAYS} Tage. Bitte prüfen Sie den Sicherungsordner „{folder}“."
            )
        return None
