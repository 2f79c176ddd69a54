"""A test's own copy of a SQLite file built once (a migrated empty database, the demo):
``expertenrat.db`` in the test's folder, as a path or opened."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

FILE_NAME = "expertenrat.db"


def sqlite_copy(template: Path, folder: Path) -> Path:
    """``template`` copied to ``expertenrat.db`` in ``folder``."""
    path = folder / FILE_NAME
    shutil.copyfile(template, path)
    return path


@contextmanager
def opened_sqlite_copy(template: Path, folder: Path) -> Iterator[Database]:
    """:func:`sqlite_copy`, opened for the block and closed after it."""
    database = open_database(database_url(str(sqlite_copy(template, folder))))
    try:
        yield database
    finally:
        database.close()
