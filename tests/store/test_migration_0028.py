"""Migration 0028 on SQLite and PostgreSQL: the id of a deleted person, membership, agenda
item, project or action field is never given again (SQLite gave it to the next one
before); rebuilding those tables keeps every row of every table, foreign keys included."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date

from old_schema import add_held_meeting, add_row
from schema_shape import sqlite_rows
from sqlalchemy import Connection, delete, func, select, text

from expertenrat.store import migrate, models
from expertenrat.store.engine import database_url, make_engine

# Child rows first: each is deleted before the row it refers to.
REBUILT = ("agenda_items", "memberships", "persons", "projects", "action_fields")


def _add(connection: Connection, table: str, **values: object) -> int:
    """A row of ``table`` with a public id of its own where the table has one."""
    if "public_id" in models.Base.metadata.tables[table].c:
        values["public_id"] = str(uuid.uuid4())
    return add_row(connection, table, **values)


def _fill(connection: Connection) -> dict[str, dict[str, object]]:
    """One row of each rebuilt table, by table, with what a new one needs (and a meeting)."""
    council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")
    field = add_row(connection, "action_fields", council_id=council, name="Mobilität")
    person = _add(connection, "persons", given_name="Anna", family_name="Berg")
    meeting = add_held_meeting(connection, council, number=1)
    values = {
        "action_fields": {"council_id": council, "name": "Umwelt"},
        "persons": {"given_name": "Ben", "family_name": "Özdemir"},
        "memberships": {"council_id": council, "person_id": person, "term_start": date(2026, 1, 1)},
        "projects": {"council_id": council, "title": "Datenplattform", "action_field_id": field},
        "agenda_items": {"meeting_id": meeting, "number": "1", "title": "Begrüßung"},
    }
    for table in REBUILT:
        _add(connection, table, **values[table])
    return values


def _newest(connection: Connection, table: str) -> int:
    return connection.scalar(select(func.max(models.Base.metadata.tables[table].c.id)))


def test_0028_gives_a_deleted_rows_id_to_no_other_and_downgrades(engine_at):
    url, engine = engine_at("0027")
    with engine.begin() as connection:
        values = _fill(connection)

    migrate.upgrade(url, "0028")

    with engine.begin() as connection:
        newest = {table: _newest(connection, table) for table in REBUILT}
        for table in REBUILT:  # the newest rows, children first
            rows = models.Base.metadata.tables[table]
            connection.execute(delete(rows).where(rows.c.id == newest[table]))
        created = {table: _add(connection, table, **values[table]) for table in REBUILT}
    assert all(created[table] > newest[table] for table in REBUILT), (created, newest)

    migrate.downgrade(url, "0027")

    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0027"
        assert {table: _newest(connection, table) for table in REBUILT} == created
        if connection.dialect.name == "sqlite":
            tables = connection.execute(
                text("SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'")
            )
            assert tables.scalars().all() == ["councils"]


def test_0028_keeps_every_row_and_reference_of_the_demo(demo_file):
    """The demo (a row in each table referring to a rebuilt one, after one invitation
    sent on) down to 0027 and up again: SQLite's ``DROP TABLE`` of a parent cascades
    nothing, as the migrations run with foreign keys off."""
    url = database_url(str(demo_file))
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            meeting, membership = connection.execute(
                select(models.Attendance.meeting_id, models.Attendance.membership_id).limit(1)
            ).one()
            add_row(
                connection,
                "late_invitations",
                meeting_id=meeting,
                membership_id=membership,
                sent_on=date(2026, 11, 2),
            )
    finally:
        engine.dispose()
    migrate.downgrade(url, "0027")
    before = sqlite_rows(demo_file)
    assert all(before[table] for table in before if table != "retired_recommendation_codes")

    migrate.upgrade(url, "0028")

    assert sqlite_rows(demo_file) == before
    connection = sqlite3.connect(demo_file)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        counters = dict(connection.execute("SELECT name, seq FROM sqlite_sequence"))
    finally:
        connection.close()
    assert {table: counters[table] for table in REBUILT} == {
        table: max(row[0] for row in before[table]) for table in REBUILT
    }
