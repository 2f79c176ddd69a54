"""Whether a new SQLite file whose first work failed may go again without losing another
program's data (see :meth:`expertenrat.store.database.Database.created_or_nothing`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from expertenrat.store.engine import sqlite_uri


def removable_new_file(path: Path, *, written_here: bool) -> bool:
    """A new SQLite file that no other program has open (leaving the write-ahead log needs
    the file to itself) and that holds no data, or only what this program wrote into it
    (``written_here``: it committed there), so that removing it loses nothing of another
    program. Another program on the same new file (another PC) may have created and filled
    it, or be writing into it, while this program's first work ran and failed."""
    if not path.exists():
        return True
    try:
        connection = sqlite3.connect(sqlite_uri(path, "mode=rw"), uri=True, timeout=0)
    except sqlite3.Error:
        return False
    try:
        if not _alone_on(connection):
            return False
        if written_here:
            return True
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        ).fetchall()
        return not any(
            connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for (name,) in tables
        )
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _alone_on(connection: sqlite3.Connection) -> bool:
    """Whether no other program has the file open: leaving the write-ahead log takes the
    file's exclusive lock, then folds the log into the file. On a full disk the second
    step fails (SQLITE_FULL), the lock had: a new file whose ``demo`` failed on a full disk
    stayed behind, taken for another program's (found by a tester)."""
    try:
        return connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
    except sqlite3.Error as error:
        if not getattr(error, "sqlite_errorname", "").startswith("SQLITE_FULL"):
            raise
        return True
