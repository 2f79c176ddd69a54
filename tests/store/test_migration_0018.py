"""Migration 0018 on SQLite and PostgreSQL: a council's titles of chair and vice chair;
existing councils keep "Vorsitz" and "Stellvertretung", and downgrading drops the columns."""

from __future__ import annotations

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__


def test_0018_adds_the_role_titles_and_downgrades(engine_at):
    url, engine = engine_at("0017")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")

    migrate.upgrade(url, "0018")

    with engine.begin() as connection:
        titles = connection.execute(
            select(COUNCILS.c.chair_title, COUNCILS.c.vice_chair_title)
        ).one()
        assert tuple(titles) == ("Vorsitz", "Stellvertretung")
        connection.execute(
            COUNCILS.update().values(chair_title="Sprecher*in 🙂", vice_chair_title="& <\"'>")
        )

    migrate.downgrade(url, "0017")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("councils")}
        assert not columns & {"chair_title", "vice_chair_title"}
        assert migrate.current_revision(connection) == "0017"
        assert connection.execute(select(COUNCILS.c.id)).scalars().all() == [council]
