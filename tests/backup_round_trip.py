"""A database backed up by the service and restored into a new SQLite file, read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from expertenrat.services.backup import BackupService
from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

T = TypeVar("T")


def read_restored(database: Database, folder: Path, read: Callable[[Session], T]) -> T:
    """Back ``database`` up into ``folder``, restore the backup into a new database there,
    and return what ``read`` reads of it."""
    backup = folder / "sicherung.zip"
    BackupService(database).backup(backup)
    target = open_database(database_url(str(folder / "ziel.db")))
    try:
        BackupService(target).restore(backup, folder / "vorher")
        with target.reading() as session:
            return read(session)
    finally:
        target.close()
