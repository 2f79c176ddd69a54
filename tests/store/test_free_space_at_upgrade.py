"""A SQLite file brought from a version that did not overwrite what it deleted leaves no
deleted value in its free space (found by review: ``secure_delete`` reached the changes to
come only, and an e-mail anonymised before stayed readable in the file for good)."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from pathlib import Path

import pytest
from old_schema import add_row
from sqlalchemy import create_engine

from expertenrat.store import database_opening, free_space
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url, sqlite_file

SECRET = b"kim.alt@example.org"


def _upgraded_from_0034_with_a_deleted_secret(database_at) -> Path:
    url = database_at("0034")
    path = sqlite_file(url)
    plain = create_engine(url)  # as Python's SQLite on Windows: without secure_delete
    try:
        with plain.begin() as connection:
            connection.exec_driver_sql("PRAGMA secure_delete=OFF")
            guest = add_row(connection, "persons", given_name="Kim", family_name="Alt",
                            email=SECRET.decode(), public_id=str(uuid.uuid4()))  # fmt: skip
            add_row(connection, "persons", given_name="Ina", family_name="Lang",
                    public_id=str(uuid.uuid4()))  # fmt: skip
            connection.exec_driver_sql(f"DELETE FROM persons WHERE id = {guest}")
    finally:
        plain.dispose()
    return path


def _user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_an_upgraded_file_keeps_no_deleted_value_in_its_free_space(database_at):
    path = _upgraded_from_0034_with_a_deleted_secret(database_at)
    url = database_url(str(path))
    assert SECRET in path.read_bytes()  # deleted, in the free space, as an older version left it

    database = open_database(url)
    try:
        assert database.upgraded_from == "0034"
    finally:
        database.close()

    assert SECRET not in path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or SECRET not in wal.read_bytes()


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_a_rewrite_that_fails_is_tried_again_at_the_next_opening(database_at, monkeypatch, caplog):
    """(found by review) The rewrite failed once (another program holding the file longer
    than the busy timeout, a full disk) was logged and never tried again: the deleted
    values stayed in the file for good."""
    path = _upgraded_from_0034_with_a_deleted_secret(database_at)
    url = database_url(str(path))
    monkeypatch.setattr(free_space, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    real_upgrade = database_opening.upgrade

    def upgrade_then_held(*args) -> None:
        real_upgrade(*args)
        holder.execute("BEGIN IMMEDIATE")  # another program writes as the rewrite begins

    monkeypatch.setattr(database_opening, "upgrade", upgrade_then_held)
    with caplog.at_level(logging.WARNING, logger=free_space.__name__):
        open_database(url).close()
    holder.rollback()
    holder.close()
    assert SECRET in path.read_bytes() and _user_version(path) == free_space.PENDING
    assert "tried again at its next opening" in caplog.text and "locked" in caplog.text

    open_database(url, read_only=True).close()  # reading only: left for one that writes
    assert SECRET in path.read_bytes()

    database = open_database(url)
    try:
        assert database.upgraded_from is None  # at the current revision since the first
    finally:
        database.close()
    assert SECRET not in path.read_bytes() and _user_version(path) == 0
