"""Migration 0014 on SQLite and PostgreSQL: existing minutes versions say how they came to
be (sent, by an accepted objection, at the approval), read from their days."""

from __future__ import annotations

import uuid
from datetime import date

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

VERSIONS = models.MinutesVersion.__table__
SENT, DUE = date(2026, 3, 20), date(2026, 4, 3)
AGAIN, DUE_AGAIN = date(2026, 3, 30), date(2026, 4, 13)


def test_0014_reads_the_origin_of_existing_versions_and_downgrades(engine_at):
    url, engine = engine_at("0013")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)

        def version(number, state, sent, due, **more):
            return add_row(
                connection,
                "minutes_versions",
                meeting_id=meeting,
                number=number,
                state=state,
                circulated_on=sent,
                objections_due_on=due,
                public_id=str(uuid.uuid4()),
                **more,
            )

        first = version(1, "circulated", SENT, DUE)
        version(2, "circulated", SENT, DUE)  # "Berücksichtigen"
        version(3, "circulated", AGAIN, DUE_AGAIN)  # sent again
        version(4, "approved", AGAIN, DUE_AGAIN, approved_on=date(2026, 5, 12))
        add_row(
            connection,
            "objections",
            minutes_version_id=first,
            raised_by="Anna Berg",
            raised_on=date(2026, 3, 23),
            text="Falsch",
            state="accepted",
            decided_on=date(2026, 3, 25),
        )

    migrate.upgrade(url)

    with engine.connect() as connection:
        rows = connection.execute(
            select(VERSIONS.c.number, VERSIONS.c.origin, VERSIONS.c.made_on).order_by(
                VERSIONS.c.number
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        (1, "sent", None),
        (2, "objection", date(2026, 3, 25)),
        (3, "sent", None),
        (4, "approval", date(2026, 5, 12)),
    ]

    migrate.downgrade(url, "0013")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("minutes_versions")}
        revision = migrate.current_revision(connection)
    assert not {"origin", "made_on"} & columns
    assert revision == "0013"
