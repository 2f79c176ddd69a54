"""Consistent copies of a SQLite file (WAL included): the one kept beside a database before
its upgrade, and any other (backups, the daily backup)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from expertenrat.domain.errors import DatabaseUnusableError, os_error_detail, os_error_text
from expertenrat.domain.progress import Progress
from expertenrat.paths import keep_private
from expertenrat.store.engine import sqlite_uri
from expertenrat.store.problems import sqlite_problem

PAGES_PER_STEP = 1024  # 4 MiB of the usual pages: a cancel is heard within moments


def backup_before_upgrade(path: Path, revision: str) -> Path:
    """Copy the database consistently (WAL included) next to it, one copy per old revision.

    A second attempt at the same upgrade replaces the copy instead of adding another file.
    """
    target = path.with_name(f"{path.stem}-vor-update-von-{revision}{path.suffix}")
    temporary = path.with_name(f".{path.stem}-sicherung.tmp")
    try:
        copy_sqlite(path, temporary)
        os.replace(temporary, target)
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from error
    except OSError as error:
        raise DatabaseUnusableError(
            f"Vor der Aktualisierung der Datenbank „{path}“ konnte keine Sicherung angelegt "
            f"werden: {os_error_text(error)} Die Datenbank wurde nicht verändert.",
            os_error_detail(error),
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def copy_sqlite(
    source: Path,
    target: Path,
    read_flags: str | None = None,
    *,
    progress: Progress | None = None,
) -> None:
    """A consistent copy of a SQLite file (WAL included) with SQLite's backup API;
    ``read_flags``: the source opened read-only with these URI flags (``mode=ro`` …).
    ``progress`` hears of every ``PAGES_PER_STEP`` pages copied; what it raises
    (:class:`~expertenrat.domain.progress.Cancelled`) stops the copy, the target left
    half-written for the caller to remove."""
    origin = (
        sqlite3.connect(sqlite_uri(source, read_flags), uri=True)
        if read_flags
        else sqlite3.connect(source)
    )
    try:
        _made_private(target)  # all data: no other user of the PC reads it
        destination = sqlite3.connect(target)
        try:
            if progress is None:
                origin.backup(destination)
            else:
                origin.backup(
                    destination,
                    pages=PAGES_PER_STEP,
                    progress=lambda _status, left, total: progress(total - left, total),
                )
        finally:
            destination.close()
    finally:
        origin.close()


def _made_private(path: Path) -> None:
    """``path`` made the owner's alone before anything is written to it: made so, where it
    is new (SQLite made it with the umask's 644, and another login that opened it before
    it was given 600 kept reading the copy, found by review); given so, where it is not.
    Where it cannot be made, SQLite says why as it opens it."""
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    keep_private(path)
