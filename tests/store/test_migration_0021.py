"""Migration 0021 on SQLite and PostgreSQL: meetings keep which part of the agenda changed
after the invitation; a meeting whose agenda had changed before counts both parts as
changed (as its letter said), the others neither; downgrading drops the columns."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

MEETINGS = models.Meeting.__table__


def test_0021_adds_the_changed_parts_of_the_agenda_and_downgrades(engine_at):
    url, engine = engine_at("0020")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        ids = [
            add_row(
                connection,
                "meetings",
                council_id=council,
                state="invited",
                starts_at=datetime(2026, 6, 10 + n, 16),
                invitation_sent_on=date(2026, 5, 20),
                invitation_agenda_changed_on=changed,
                uid=str(uuid.uuid4()),
                public_id=str(uuid.uuid4()),
            )
            for n, changed in enumerate((date(2026, 5, 27), None))
        ]

    migrate.upgrade(url, "0021")

    with engine.connect() as connection:
        rows = connection.execute(
            select(
                MEETINGS.c.invitation_agenda_changed_public,
                MEETINGS.c.invitation_agenda_changed_non_public,
            )
            .where(MEETINGS.c.id.in_(ids))
            .order_by(MEETINGS.c.id)
        ).all()
    assert [tuple(r) for r in rows] == [(True, True), (False, False)]

    migrate.downgrade(url, "0020")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("meetings")}
        revision = migrate.current_revision(connection)
    assert not {"invitation_agenda_changed_public", "invitation_agenda_changed_non_public"} & (
        columns
    )
    assert revision == "0020"
    migrate.upgrade(url)
