"""A SQLite file brought from a version that did not overwrite what it deleted leaves no
deleted value in its free space (found by review: ``secure_delete`` reached the changes to
come only, and an e-mail anonymised before stayed readable in the file for good)."""

from __future__ import annotations

import uuid

import pytest
from old_schema import add_row
from sqlalchemy import create_engine

from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import sqlite_file

SECRET = b"kim.alt@example.org"


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_an_upgraded_file_keeps_no_deleted_value_in_its_free_space(database_at):
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
    assert SECRET in path.read_bytes()  # deleted, in the free space, as an older version left it

    database = open_database(url)
    try:
        assert database.upgraded_from == "0034"
    finally:
        database.close()

    assert SECRET not in path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or SECRET not in wal.read_bytes()
