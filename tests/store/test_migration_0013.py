"""Migration 0013 on SQLite and PostgreSQL: a deleted council's id is never given again
(SQLite gave it to the next council before); the councils' children survive the rebuild."""

from __future__ import annotations

from old_schema import add_row
from sqlalchemy import delete, select

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__
FIELDS = models.ActionField.__table__


def test_0013_gives_a_deleted_councils_id_to_no_other_and_downgrades(engine_at):
    url, engine = engine_at("0012")
    with engine.begin() as connection:
        add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")
        newest = add_row(connection, "councils", name="Beirat „Süd“ 🙂", city="Wismar")
        add_row(connection, "action_fields", council_id=newest, name="Mobilität")

    migrate.upgrade(url)

    with engine.begin() as connection:
        assert connection.execute(select(FIELDS.c.council_id)).scalars().all() == [newest]
        connection.execute(delete(COUNCILS).where(COUNCILS.c.id == newest))
        created = add_row(connection, "councils", name="Jugendrat", city="Güstrow")
    assert created > newest

    migrate.downgrade(url, "0012")

    with engine.connect() as connection:
        names = connection.execute(select(COUNCILS.c.name).order_by(COUNCILS.c.id))
        assert names.scalars().all() == ["Rat & <Rostock>", "Jugendrat"]
        assert migrate.current_revision(connection) == "0012"
        if connection.dialect.name == "sqlite":
            table = "SELECT sql FROM sqlite_master WHERE name = 'councils'"
            assert "AUTOINCREMENT" not in connection.exec_driver_sql(table).scalar_one()
