"""(found by a tester) Reading a daily copy for a restore, or an older file for an export,
puts a whole copy of the database into a scratch folder in the system's temporary folder.
A program killed meanwhile (Task-Manager, power cut) left that copy there for good: every
person's data, outside every retention rule. The next such work removes what an earlier
run left, and nothing else."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from expertenrat.services.backup_file import read_backup_file
from expertenrat.store.database_opening import open_database

DAYS = 24 * 60 * 60


@pytest.fixture
def temporary(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, as the program sees it."""
    folder = tmp_path / "Temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _scratch(temporary: Path, name: str, age: float) -> Path:
    """A scratch folder with a copy of the data, last changed ``age`` seconds ago."""
    folder = temporary / name
    folder.mkdir()
    (folder / "kopie.db").write_bytes(b"alle Daten")
    then = time.time() - age
    for path in (folder / "kopie.db", folder):
        os.utime(path, (then, then))
    return folder


def _leftovers(temporary: Path) -> None:
    """Two scratch folders a killed run left; beside them what must stay."""
    _scratch(temporary, "expertenrat-restore-ab12cd34", 2 * DAYS)
    _scratch(temporary, "expertenrat-lesen-x_9y8z7w", 2 * DAYS)
    _scratch(temporary, "expertenrat-restore-zz99yy88", 60)  # another run's, at work
    _scratch(temporary, "expertenrat-anderes-ab12cd34", 2 * DAYS)  # not the program's
    (temporary / "expertenrat-lesen-q1w2e3r4").write_bytes(b"eine Datei, kein Ordner")


KEPT = [
    "expertenrat-anderes-ab12cd34",
    "expertenrat-lesen-q1w2e3r4",
    "expertenrat-restore-zz99yy88",
]


def test_reading_a_daily_copy_removes_the_copies_a_killed_run_left(migrated_file, temporary):
    _leftovers(temporary)

    read_backup_file(migrated_file)

    assert sorted(p.name for p in temporary.iterdir()) == KEPT


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_reading_an_older_file_removes_the_copies_a_killed_run_left(database_at, temporary):
    older = database_at("0019")
    _leftovers(temporary)

    database = open_database(older, read_only=True)
    database.close()

    assert sorted(p.name for p in temporary.iterdir()) == KEPT
