"""Migration 0009 on SQLite and PostgreSQL: a council's website, classification, secretariat."""

from __future__ import annotations

import pytest
from old_schema import add_row
from sqlalchemy import inspect, select, update

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__


@pytest.fixture
def old_database(engine_at):
    url, engine = engine_at("0008")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")
    return url, engine, council


def test_0009_gives_existing_councils_the_defaults_and_keeps_them(old_database):
    url, engine, council = old_database

    migrate.upgrade(url)

    with engine.begin() as connection:
        row = connection.execute(select(COUNCILS).where(COUNCILS.c.id == council)).one()
        connection.execute(
            update(COUNCILS).values(
                website="https://www.rostock.de/smartcity", secretariat="Geschäftsstelle 🚲"
            )
        )
    assert (row.name, row.website, row.classification, row.secretariat) == (
        "Rat & <Rostock>", "", "Expert*innenrat", "",
    )  # fmt: skip


def test_0009_downgrade_drops_the_columns(old_database):
    url, engine, _council = old_database
    migrate.upgrade(url)

    migrate.downgrade(url, "0008")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("councils")}
        name = connection.execute(select(COUNCILS.c.name)).scalar_one()
        revision = migrate.current_revision(connection)
    assert not columns & {"website", "classification", "secretariat"}
    assert (name, revision) == ("Rat & <Rostock>", "0008")
