"""Migration 0036 on SQLite and PostgreSQL: agenda items get ``taken_up_from_id`` (empty
for every existing item; deleting the postponed item clears it); downgrading drops the
column and keeps the items."""

from __future__ import annotations

import uuid

from old_schema import add_held_meeting, add_row
from sqlalchemy import Connection, MetaData, Table, delete, inspect, select

from expertenrat.store import migrate

ITEM = {
    "number": "1",
    "position": 0,
    "title": "Radwege & <Ampeln>",
    "kind": "consultation",
    "public": True,
    "presenter": "",
}


def test_0036_links_a_postponed_item_clears_the_link_with_it_and_downgrades(engine_at):
    url, engine = engine_at("0035")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        postponed = add_row(
            connection, "agenda_items", meeting_id=meeting, public_id=str(uuid.uuid4()),
            outcome="postponed", **ITEM,
        )  # fmt: skip

    migrate.upgrade(url, "0036")

    with engine.begin() as connection:
        table = _items(connection)
        assert (
            connection.execute(
                select(table.c.taken_up_from_id).where(table.c.id == postponed)
            ).scalar_one()
            is None
        )
        taking = add_row(
            connection, "agenda_items", meeting_id=meeting, public_id=str(uuid.uuid4()),
            taken_up_from_id=postponed, **{**ITEM, "number": "2", "position": 1},
        )  # fmt: skip
        connection.execute(delete(table).where(table.c.id == postponed))
        assert (
            connection.execute(
                select(table.c.taken_up_from_id).where(table.c.id == taking)
            ).scalar_one()
            is None
        )

    migrate.downgrade(url, "0035")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("agenda_items")}
        table = _items(connection)
        titles = connection.execute(select(table.c.title).where(table.c.id == taking)).scalars()
        assert list(titles) == ["Radwege & <Ampeln>"]
        revision = migrate.current_revision(connection)
    assert "taken_up_from_id" not in columns and revision == "0035"
    migrate.upgrade(url)


def _items(connection: Connection) -> Table:
    """The table as the database holds it at its revision (the model has the column)."""
    return Table("agenda_items", MetaData(), autoload_with=connection)
