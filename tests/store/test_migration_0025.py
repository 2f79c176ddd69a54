"""Migration 0025 on SQLite and PostgreSQL: agenda items get ``outcome`` ("discussed" for
every existing item, the CHECK refuses an unknown one); downgrading drops the column and
keeps the items."""

from __future__ import annotations

import uuid

import pytest
from old_schema import add_held_meeting, add_row
from sqlalchemy import Connection, MetaData, Table, exc, inspect, select

from expertenrat.store import migrate

ITEM = {
    "number": "1",
    "position": 0,
    "title": "Radwege & <Ampeln>",
    "kind": "consultation",
    "public": True,
    "presenter": "",
}


def test_0025_keeps_existing_items_discussed_checks_the_outcome_and_downgrades(engine_at):
    url, engine = engine_at("0024")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        item = add_row(
            connection, "agenda_items", meeting_id=meeting, public_id=str(uuid.uuid4()), **ITEM
        )

    migrate.upgrade(url, "0025")

    with engine.begin() as connection:
        table = _items(connection)
        (outcome,) = connection.execute(select(table.c.outcome).where(table.c.id == item)).one()
        assert outcome == "discussed"
        postponed = add_row(
            connection, "agenda_items", meeting_id=meeting, public_id=str(uuid.uuid4()),
            **{**ITEM, "number": "2", "position": 1, "title": "Vertagt"}, outcome="postponed",
        )  # fmt: skip
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        add_row(
            connection, "agenda_items", meeting_id=meeting, public_id=str(uuid.uuid4()),
            **{**ITEM, "number": "3", "position": 2}, outcome="verschoben",
        )  # fmt: skip

    migrate.downgrade(url, "0024")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("agenda_items")}
        table = _items(connection)
        titles = connection.execute(
            select(table.c.title).where(table.c.id.in_([item, postponed])).order_by(table.c.id)
        ).scalars()
        assert list(titles) == ["Radwege & <Ampeln>", "Vertagt"]
        revision = migrate.current_revision(connection)
    assert "outcome" not in columns and revision == "0024"
    migrate.upgrade(url)


def _items(connection: Connection) -> Table:
    """The table as the database holds it at its revision (the model has the column)."""
    return Table("agenda_items", MetaData(), autoload_with=connection)
