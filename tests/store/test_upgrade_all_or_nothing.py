"""(found by a tester) An upgrade of a SQLite file is one transaction, as on PostgreSQL:
Alembic committed each migration on its own there, so an upgrade refused at a later
migration left the file at a revision between, too new for the old version ("aus einer
neueren Version") and refused by the new one, while the message said "Die Datenbank
wurde nicht verändert."; a program killed during the upgrade left such a file too."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from old_schema import add_row
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import schema_revisions
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

OLD = "0005"
FAILING = "0012"  # several migrations after OLD


def _old_file(engine_at: Callable[[str], tuple[URL, Engine]]) -> Path:
    """A file at ``OLD`` with a council, whose upgrade fails at ``FAILING``: a trigger
    refuses the revision's step, as a rule that old data breaks would."""
    url, engine = engine_at(OLD)
    with engine.begin() as connection:
        add_row(connection, "councils", name="Alter Rat", city="Stralsund")
        connection.execute(
            text(
                "CREATE TRIGGER refuse_step BEFORE UPDATE ON alembic_version "
                f"WHEN NEW.version_num = '{FAILING}' "
                "BEGIN SELECT RAISE(ABORT, 'a rule of the new version'); END"
            )
        )
    return Path(url.database)


def _revision_and_tables(path: Path) -> tuple[str, set[str]]:
    connection = sqlite3.connect(path)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        return revision, tables
    finally:
        connection.close()


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_an_upgrade_refused_at_a_later_migration_leaves_the_file_at_its_old_revision(
    engine_at,
):
    path = _old_file(engine_at)
    _revision, before = _revision_and_tables(path)

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(database_url(str(path)))

    assert caught.value.message.endswith("Die Datenbank wurde nicht verändert.")
    assert _revision_and_tables(path) == (OLD, before)  # nor the table 0010 makes
    assert "agenda_templates" not in before


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_the_old_revision_left_is_upgraded_at_the_next_start_once_the_cause_is_gone(
    engine_at,
):
    path = _old_file(engine_at)
    with pytest.raises(DatabaseUnusableError):
        open_database(database_url(str(path)))
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DROP TRIGGER refuse_step")
    connection.close()

    open_database(database_url(str(path))).close()

    revision, tables = _revision_and_tables(path)
    assert revision == schema_revisions.head_revision()
    assert "agenda_templates" in tables
