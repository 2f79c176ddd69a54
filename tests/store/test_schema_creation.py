"""A new SQLite file gets its schema from the models, stamped at head (migrate.create).

It must be the very schema that running every migration builds: what SQLite enforces
(columns with type, NOT NULL and default, indexes incl. unique and partial ones, foreign
keys, CHECK clauses, no triggers or views) and the recorded revision.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from schema_shape import sqlite_schema
from sqlalchemy import inspect

from expertenrat.store import migrate, schema_revisions
from expertenrat.store.engine import database_url, make_engine
from expertenrat.store.models import Base


def _revisions(path) -> list[tuple[str]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_a_new_sqlite_file_gets_the_schema_the_migrations_build(tmp_path, database_at):
    created, migrated = tmp_path / "created.db", Path(database_at("head").database)

    migrate.create(database_url(str(created)))

    assert sqlite_schema(created) == sqlite_schema(migrated)
    assert _revisions(created) == _revisions(migrated) == [(schema_revisions.head_revision(),)]


def test_a_sqlite_file_that_holds_a_table_is_left_to_the_migrations(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('bleibt')")
    connection.commit()
    connection.close()

    migrate.create(database_url(str(path)))

    engine = make_engine(database_url(str(path)))
    try:
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) == (
                set(Base.metadata.tables) | {"alembic_version", "notes"}
            )
            assert migrate.current_revision(connection) == schema_revisions.head_revision()
            assert connection.exec_driver_sql("SELECT text FROM notes").all() == [("bleibt",)]
    finally:
        engine.dispose()
