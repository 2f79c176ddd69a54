"""Migration 0033 on SQLite and PostgreSQL: a council's period for sending the draft
minutes; existing councils get four weeks, a negative period is refused, and downgrading
drops the column."""

from __future__ import annotations

import pytest
from old_schema import add_row
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from expertenrat.store import migrate, models

COUNCILS = models.Council.__table__


def test_0033_adds_the_draft_minutes_period_and_downgrades(engine_at):
    url, engine = engine_at("0032")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rostock", city="Rostock")

    migrate.upgrade(url, "0033")

    with engine.begin() as connection:
        assert connection.execute(select(COUNCILS.c.minutes_draft_weeks)).scalar() == 4
        connection.execute(COUNCILS.update().values(minutes_draft_weeks=0))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(COUNCILS.update().values(minutes_draft_weeks=-1))

    migrate.downgrade(url, "0032")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("councils")}
        assert "minutes_draft_weeks" not in columns
        assert migrate.current_revision(connection) == "0032"
        assert connection.execute(select(COUNCILS.c.id)).scalars().all() == [council]
