"""Migration 0031 on SQLite and PostgreSQL: a council whose vice chair still had the old
default title "Stellvertretung" gets "Stellv. Vorsitz" (read like a member's substitute);
a title of its own stays; downgrading gives the old default back."""

from __future__ import annotations

from old_schema import add_row
from sqlalchemy import select

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__


def _titles(connection) -> list[str]:
    query = select(COUNCILS.c.vice_chair_title).order_by(COUNCILS.c.id)
    return list(connection.execute(query).scalars())


def test_0031_retitles_the_old_default_only_and_downgrades(engine_at):
    url, engine = engine_at("0030")
    with engine.begin() as connection:
        add_row(connection, "councils", name="Rostock", city="Rostock")
        add_row(connection, "councils", name="Wismar", city="Wismar",
                vice_chair_title="Stellvertretende Sprecher*in")  # fmt: skip

    migrate.upgrade(url, "0031")

    with engine.begin() as connection:
        assert _titles(connection) == ["Stellv. Vorsitz", "Stellvertretende Sprecher*in"]
        add_row(connection, "councils", name="Lübeck", city="Lübeck")  # the new default
        assert _titles(connection)[2] == "Stellv. Vorsitz"

    migrate.downgrade(url, "0030")

    with engine.connect() as connection:
        assert _titles(connection) == [
            "Stellvertretung",
            "Stellvertretende Sprecher*in",
            "Stellvertretung",
        ]
        assert migrate.current_revision(connection) == "0030"
    migrate.upgrade(url)
