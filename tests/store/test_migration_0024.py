"""Migration 0024 on SQLite and PostgreSQL: meetings get ``invitation_agenda_sent_on`` (the
day a changed agenda went out), empty for every existing meeting (not known); downgrading
drops the column and keeps the meetings."""

from __future__ import annotations

from datetime import date

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

MEETINGS = models.Meeting.__table__


def test_0024_leaves_the_changed_agenda_unsent_and_downgrades(engine_at):
    url, engine = engine_at("0023")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(
            connection, council, invitation_agenda_changed_on=date(2026, 6, 3)
        )

    migrate.upgrade(url, "0024")

    column = MEETINGS.c.invitation_agenda_sent_on
    with engine.begin() as connection:
        assert connection.execute(select(column).where(MEETINGS.c.id == meeting)).one() == (None,)
        connection.execute(
            MEETINGS.update()
            .where(MEETINGS.c.id == meeting)
            .values(invitation_agenda_sent_on=date(2026, 6, 4))
        )

    migrate.downgrade(url, "0023")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("meetings")}
        changed = connection.execute(
            select(MEETINGS.c.invitation_agenda_changed_on).where(MEETINGS.c.id == meeting)
        ).scalar_one()
        revision = migrate.current_revision(connection)
    assert "invitation_agenda_sent_on" not in columns and revision == "0023"
    assert changed == date(2026, 6, 3)
    migrate.upgrade(url)
