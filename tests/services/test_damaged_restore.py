"""A backup restored over a damaged SQLite file: set aside, replaced, or left as it was."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from damaged_file import damage_table

from expertenrat.domain.errors import DatabaseDamagedError, ExpertenratError
from expertenrat.services.backup import BackupService
from expertenrat.services.damaged_restore import restore_over_damaged
from expertenrat.store.backup_format import BackupError
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

NOW = datetime(2026, 12, 2, 9, 30, 5)


@pytest.fixture
def damaged(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The demo as a backup, and the demo file damaged."""
    backup = tmp_path / "sicherung.zip"
    database = open_database(database_url(str(demo_file)))
    try:
        BackupService(database).backup(backup)
    finally:
        database.close()
    return damage_table(demo_file), backup


def _councils(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM councils ORDER BY id")]
    finally:
        connection.close()


def test_the_damaged_file_is_set_aside_and_the_backup_restored_in_its_place(damaged):
    path, backup = damaged
    before = path.read_bytes()
    with pytest.raises(DatabaseDamagedError) as refused:
        open_database(database_url(str(path)))
    assert refused.value.path == str(path)

    summary = restore_over_damaged(path, backup, now=NOW)

    aside = path.with_name("expertenrat-beschädigt-2026-12-02-093005.db")
    assert summary.kept_copy == aside and aside.read_bytes() == before
    assert summary.rows > 100
    assert len(_councils(path)) == 2
    open_database(database_url(str(path))).close()  # healthy again


def test_a_file_that_is_no_backup_leaves_the_damaged_database_where_it_was(damaged, tmp_path):
    path, _ = damaged
    before = path.read_bytes()
    bogus = tmp_path / "kaputt.zip"
    bogus.write_bytes(b"PK\x03\x04 nicht wirklich")

    with pytest.raises(BackupError):
        restore_over_damaged(path, bogus, now=NOW)

    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.glob("expertenrat*")) == ["expertenrat.db"]


def test_a_restore_that_fails_puts_the_damaged_file_back(damaged, monkeypatch):
    path, backup = damaged
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise ExpertenratError("Der Datenträger ist voll.")

    monkeypatch.setattr(BackupService, "restore_backup", refuse)
    with pytest.raises(ExpertenratError, match="voll"):
        restore_over_damaged(path, backup, now=NOW)

    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.glob("expertenrat*")) == ["expertenrat.db"]
