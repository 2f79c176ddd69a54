"""Migration 0027 on SQLite and PostgreSQL: a council's e-mail address of the secretariat;
existing councils have none, and downgrading drops the column."""

from __future__ import annotations

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__


def test_0027_adds_the_secretariat_email_and_downgrades(engine_at):
    url, engine = engine_at("0026")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")

    migrate.upgrade(url, "0027")

    with engine.begin() as connection:
        assert connection.execute(select(COUNCILS.c.secretariat_email)).scalar() == ""
        connection.execute(COUNCILS.update().values(secretariat_email="gs@müller.de"))

    migrate.downgrade(url, "0026")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("councils")}
        assert "secretariat_email" not in columns
        assert migrate.current_revision(connection) == "0026"
        assert connection.execute(select(COUNCILS.c.id)).scalars().all() == [council]
