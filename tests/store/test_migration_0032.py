"""Migration 0032 on SQLite: every table with an id of its own gives a deleted row's id to
no other row (SQLite gave it to the next one before, also the id of a meeting a restore
took away, which a stale form then overwrote); the rebuild keeps every row and reference,
and SQLite's counters start at the highest id there is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from schema_shape import sqlite_rows

from expertenrat.store import migrate, models
from expertenrat.store.engine import database_url

LATER = {"written_procedures", "election_candidates"}  # made by 0039 and 0040, with
# AUTOINCREMENT from the start
WITH_IDS = {
    table.name
    for table in models.Base.metadata.sorted_tables
    if [column.name for column in table.primary_key.columns] == ["id"]
} - LATER
BEFORE = {  # 0013, 0028 and 0029
    "councils",
    "persons",
    "memberships",
    "agenda_items",
    "projects",
    "action_fields",
    "appointment_periods",
}


def _never_reusing(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'"
    )
    return {name for (name,) in rows}


def _newest_given_anew(connection: sqlite3.Connection, table: str) -> tuple[int, int]:
    """The newest row of ``table`` deleted and added again without its id, the rows that
    referred to it moved along: (old id, new id)."""
    cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY id DESC LIMIT 1')
    names = [column[0] for column in cursor.description]
    values = dict(zip(names, cursor.fetchone(), strict=True))
    old = values.pop("id")
    connection.execute(f'DELETE FROM "{table}" WHERE id = ?', (old,))
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    new = connection.execute(
        f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(values.values())
    ).lastrowid
    for (child,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for reference in connection.execute(f'PRAGMA foreign_key_list("{child}")').fetchall():
            if reference[2] == table:
                column = reference[3]
                connection.execute(
                    f'UPDATE "{child}" SET "{column}" = ? WHERE "{column}" = ?', (new, old)
                )
    return old, new


def test_0032_gives_no_id_twice_keeps_every_row_and_downgrades(demo_file: Path):
    url = database_url(str(demo_file))
    migrate.downgrade(url, "0031")
    before = sqlite_rows(demo_file)
    filled = {table for table in WITH_IDS - BEFORE if before[table]}
    assert {"meetings", "recommendations", "votes", "guests", "files", "objections"} <= filled

    migrate.upgrade(url, "0032")

    assert sqlite_rows(demo_file) == before
    connection = sqlite3.connect(demo_file)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert _never_reusing(connection) == WITH_IDS
        counters = dict(connection.execute("SELECT name, seq FROM sqlite_sequence"))
        assert {table: counters[table] for table in filled} == {
            table: max(row[0] for row in before[table]) for table in filled
        }
        given = {table: _newest_given_anew(connection, table) for table in sorted(filled)}
        connection.commit()
    finally:
        connection.close()
    assert all(new > old for old, new in given.values()), given
    changed = sqlite_rows(demo_file)

    migrate.downgrade(url, "0031")

    assert sqlite_rows(demo_file) == changed
    connection = sqlite3.connect(demo_file)
    try:
        assert _never_reusing(connection) == BEFORE
    finally:
        connection.close()
