"""The portable backup format: one ``.zip`` with a manifest and one JSON file per table.

``manifest.json`` names the format and its version, the app version, the schema revision,
when it was made (UTC) and, per table, its file, its columns with their kinds, the number
of rows and the SHA-256 of the file. Each ``tables/<name>.json`` holds
``{"table": name, "columns": [...], "rows": [[...], ...]}``; bytes are base64, dates,
times and datetimes ISO 8601. Reading checks everything before anything is used: no
path tricks in the names, no zip bomb, every part present with its hash and row count.
:mod:`backup_writing` writes it, :mod:`backup_reading` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from expertenrat.domain.errors import ExpertenratError

FORMAT_NAME = "expertenrat-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class BackupError(ExpertenratError):
    """A backup file that cannot be restored; the database was not touched."""


@dataclass(frozen=True, slots=True)
class TablePart:
    name: str
    columns: tuple[tuple[str, str], ...]  # (column name, kind)
    rows: list[list[Any]]  # decoded Python values, in column order

    @property
    def file(self) -> str:
        return f"tables/{self.name}.json"


@dataclass(frozen=True, slots=True)
class Backup:
    app_version: str
    schema_revision: str
    created_utc: datetime
    tables: tuple[TablePart, ...]


def column_kind(python_type: type) -> str:
    """The kind a column's values are stored as in the JSON parts."""
    for kind, kind_type in (
        ("boolean", bool),
        ("bytes", bytes),
        ("datetime", datetime),  # before date: a datetime is a date
        ("date", date),
        ("time", time),
    ):
        if issubclass(python_type, kind_type):
            return kind
    return "plain"
