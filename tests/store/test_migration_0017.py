"""Migration 0017 on SQLite and PostgreSQL: a council's recommendation codes get a prefix of
its own; existing councils keep "E", and downgrading drops the column."""

from __future__ import annotations

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__


def test_0017_adds_the_recommendation_prefix_and_downgrades(engine_at):
    url, engine = engine_at("0016")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")

    migrate.upgrade(url, "0017")

    with engine.begin() as connection:
        assert connection.execute(select(COUNCILS.c.recommendation_prefix)).scalar() == "E"

    migrate.downgrade(url, "0016")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("councils")}
        assert "recommendation_prefix" not in columns
        assert migrate.current_revision(connection) == "0016"
        assert connection.execute(select(COUNCILS.c.id)).scalars().all() == [council]
