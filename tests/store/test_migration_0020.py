"""Migration 0020 on SQLite and PostgreSQL: meetings get the day their agenda changed after
the invitation (``invitation_agenda_changed_on``), none for existing meetings, whose first
invitation and changed invitations stand as they were; downgrading drops the column."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

MEETINGS = models.Meeting.__table__


def test_0020_adds_the_day_the_agenda_changed_empty_and_downgrades(engine_at):
    url, engine = engine_at("0019")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        moved = add_row(
            connection,
            "meetings",
            council_id=council,
            state="invited",
            starts_at=datetime(2026, 6, 10, 16),
            ics_sequence=2,
            invitation_sent_on=date(2026, 5, 20),
            invitation_changed_on=date(2026, 5, 27),
            uid=str(uuid.uuid4()),
            public_id=str(uuid.uuid4()),
        )

    migrate.upgrade(url, "0020")

    with engine.connect() as connection:
        row = connection.execute(
            select(MEETINGS.c.invitation_changed_on, MEETINGS.c.invitation_agenda_changed_on).where(
                MEETINGS.c.id == moved
            )
        ).one()
    assert tuple(row) == (date(2026, 5, 27), None)

    migrate.downgrade(url, "0019")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("meetings")}
        changed = connection.execute(select(MEETINGS.c.invitation_changed_on)).scalar()
        revision = migrate.current_revision(connection)
    assert "invitation_agenda_changed_on" not in columns
    assert changed == date(2026, 5, 27) and revision == "0019"
    migrate.upgrade(url)
