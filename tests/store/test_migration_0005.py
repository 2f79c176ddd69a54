"""Migration 0005 on SQLite and PostgreSQL: meetings get a room and may lose their number."""

from __future__ import annotations

import uuid
from datetime import datetime

from old_schema import add_row
from sqlalchemy import select

from expertenrat.store import migrate, models

MEETINGS = models.Meeting.__table__


def _ids() -> dict[str, str]:
    return {"uid": str(uuid.uuid4()), "public_id": str(uuid.uuid4())}


def test_0005_keeps_meetings_adds_an_empty_room_and_allows_no_number(engine_at):
    url, engine = engine_at("0004")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        kept = add_row(
            connection,
            "meetings",
            council_id=council,
            number=5,
            starts_at=datetime(2026, 3, 10, 16),
            uid="3f2b6c1e-0d55-4a51-9a1e-5b1f7c0e2a10",
            public_id=str(uuid.uuid4()),
        )
    migrate.upgrade(url, "0005")  # 0007 cannot be downgraded
    with engine.begin() as connection:
        row = connection.execute(
            select(MEETINGS.c.number, MEETINGS.c.room, MEETINGS.c.uid).where(MEETINGS.c.id == kept)
        ).one()
        assert (row.number, row.room, row.uid) == (
            5,
            "",
            "3f2b6c1e-0d55-4a51-9a1e-5b1f7c0e2a10",
        )
        unnumbered = add_row(
            connection,
            "meetings",
            council_id=council,
            number=None,
            state="cancelled",
            starts_at=datetime(2026, 4, 10, 16),
            **_ids(),
        )
        add_row(  # NULL numbers never collide
            connection,
            "meetings",
            council_id=council,
            number=None,
            state="cancelled",
            starts_at=datetime(2026, 5, 10, 16),
            **_ids(),
        )

    migrate.downgrade(url, "0004")

    with engine.connect() as connection:
        numbers = dict(connection.execute(select(MEETINGS.c.id, MEETINGS.c.number)).all())
    assert numbers[kept] == 5
    assert numbers[unnumbered] == -unnumbered
