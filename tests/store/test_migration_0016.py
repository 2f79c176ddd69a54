"""Migration 0016 on SQLite and PostgreSQL: a meeting's minutes draft may be finished (the
day and the content's fingerprint); existing drafts are not, and downgrading drops both."""

from __future__ import annotations

from datetime import date

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select, update

from expertenrat.store import migrate, models

MEETINGS = models.Meeting.__table__


def test_0016_adds_the_finished_draft_to_meetings_and_downgrades(engine_at):
    url, engine = engine_at("0015")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")
        meeting = add_held_meeting(connection, council)

    migrate.upgrade(url)

    with engine.begin() as connection:
        finished = select(MEETINGS.c.minutes_finished_on, MEETINGS.c.minutes_finished_fingerprint)
        assert connection.execute(finished).one() == (None, None)
        connection.execute(
            update(MEETINGS)
            .where(MEETINGS.c.id == meeting)
            .values(minutes_finished_on=date(2026, 3, 12), minutes_finished_fingerprint="a" * 64)
        )

    migrate.downgrade(url, "0015")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("meetings")}
        assert "minutes_finished_on" not in columns
        assert "minutes_finished_fingerprint" not in columns
        assert migrate.current_revision(connection) == "0015"
        assert connection.execute(select(MEETINGS.c.id)).scalars().all() == [meeting]
