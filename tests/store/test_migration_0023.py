"""Migration 0023 on SQLite and PostgreSQL: agenda items get ``urgent`` (a
Dringlichkeitsantrag taken up at the meeting), false for every existing item; downgrading
drops the column and keeps the items."""

from __future__ import annotations

import uuid

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

ITEMS = models.AgendaItem.__table__


def test_0023_marks_no_existing_item_urgent_and_downgrades(engine_at):
    url, engine = engine_at("0022")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        item = add_row(
            connection,
            "agenda_items",
            meeting_id=meeting,
            number="1",
            position=0,
            title="Radwege & <Ampeln>",
            kind="consultation",
            public=True,
            presenter="",
            public_id=str(uuid.uuid4()),
        )

    migrate.upgrade(url, "0023")

    with engine.begin() as connection:
        assert connection.execute(select(ITEMS.c.urgent).where(ITEMS.c.id == item)).one() == (
            False,
        )
        urgent = add_row(
            connection,
            "agenda_items",
            meeting_id=meeting,
            number="2",
            position=1,
            title="Eilantrag",
            kind="consultation",
            public=True,
            presenter="",
            public_id=str(uuid.uuid4()),
            urgent=True,
        )

    migrate.downgrade(url, "0022")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("agenda_items")}
        titles = connection.execute(
            select(ITEMS.c.title).where(ITEMS.c.id.in_([item, urgent])).order_by(ITEMS.c.id)
        ).scalars()
        assert list(titles) == ["Radwege & <Ampeln>", "Eilantrag"]
        revision = migrate.current_revision(connection)
    assert "urgent" not in columns and revision == "0022"
    migrate.upgrade(url)
