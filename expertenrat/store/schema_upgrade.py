"""Bringing an older database to the current schema as it is opened
(:func:`~expertenrat.store.database_opening.open_database`): in place, after the update
copy beside a SQLite file; or, for an older file opened only to read (an export, a check,
a backup of an old copy), in an upgraded copy in a scratch folder, the file itself left as
it is. A refused upgrade is a :class:`DatabaseUnusableError` with the German reason.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, exc
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import migrate
from expertenrat.store.engine import database_url, make_engine, sqlite_file
from expertenrat.store.problems import sqlite_problem, upgrade_blocked
from expertenrat.store.scratch_folders import READING, new_scratch_folder
from expertenrat.store.server_problems import server_problem
from expertenrat.store.sqlite_copy import copy_sqlite
from expertenrat.store.work_problems import refused


def upgraded_copy(path: Path, location: str, read_flags: str | None) -> tuple[Engine, Path]:
    """The older SQLite file ``path`` opened to read: an engine (read-only) on an upgraded
    copy of it, and the scratch folder that holds the copy (the caller removes it). The
    file may lie where nothing can be written, and an update copy beside it would only
    pile up."""
    scratch = new_scratch_folder(READING)
    copy = scratch / path.name
    try:
        try:
            copy_sqlite(path, copy, read_flags)
        except sqlite3.Error as error:
            raise sqlite_problem(path, error) from error
        upgrade(database_url(str(copy)), location)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return make_engine(database_url(str(copy)), read_only="mode=ro"), scratch  # as the file


def upgrade(url: URL, location: str) -> None:
    """Migrate the database ``url`` to the current schema in place."""
    try:
        migrate.upgrade(url)
    except exc.IntegrityError as error:
        # Old rows that a new constraint rejects; the upgrade was rolled back.
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                message = upgrade_blocked(location, error, connection)
        finally:
            engine.dispose()
        raise DatabaseUnusableError(message) from error
    except exc.DBAPIError as error:
        path = sqlite_file(url)
        if path is not None:
            raise sqlite_problem(path, error) from error
        if isinstance(error, exc.OperationalError):  # the server gone since the probe
            raise server_problem(error, url, location) from error
        # Tables another role owns (only the owner may change them): read by refused().
        raise DatabaseUnusableError(
            *refused(
                f"Die Datenbank „{location}“ konnte nicht aktualisiert werden",
                error,
                url=url,
                creating_schema=True,
            )
        ) from error
