"""Migration 0015 on SQLite and PostgreSQL: an invited meeting whose time or place changed
after its invitation (its SEQUENCE rose) keeps its changed invitation, dated as it
printed; other meetings have none."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

MEETINGS = models.Meeting.__table__


def test_0015_reads_changed_invitations_from_the_sequence_and_downgrades(engine_at):
    url, engine = engine_at("0014")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")

        def meeting(state, sequence, sent):
            return add_row(
                connection,
                "meetings",
                council_id=council,
                state=state,
                starts_at=datetime(2026, 6, 10, 16),
                ics_sequence=sequence,
                invitation_sent_on=sent,
                uid=str(uuid.uuid4()),
                public_id=str(uuid.uuid4()),
            )

        moved = meeting("invited", 2, date(2026, 5, 20))
        first = meeting("invited", 0, date(2026, 5, 21))
        cancelled = meeting("cancelled", 1, date(2026, 5, 22))
        planned = meeting("planned", 0, None)
        held = add_held_meeting(connection, council)

    migrate.upgrade(url)

    with engine.connect() as connection:
        rows = dict(
            connection.execute(select(MEETINGS.c.id, MEETINGS.c.invitation_changed_on)).all()
        )
    assert rows == {
        moved: date(2026, 5, 20),
        first: None,
        cancelled: None,
        planned: None,
        held: None,
    }

    migrate.downgrade(url, "0014")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("meetings")}
        revision = migrate.current_revision(connection)
    assert "invitation_changed_on" not in columns and "ics_sequence" in columns
    assert revision == "0014"
