"""Migration 0034 on SQLite and PostgreSQL: attendances and guests get ``digital`` (took
part by video), false for every line stored before; downgrading drops both columns and
keeps the lines."""

from __future__ import annotations

import uuid
from datetime import date

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

ATTENDANCES = models.Attendance.__table__
GUESTS = models.Guest.__table__


def test_0034_marks_no_stored_line_and_downgrades(engine_at):
    url, engine = engine_at("0033")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        person = add_row(connection, "persons", given_name="Ödön", family_name="Pál",
                         public_id=str(uuid.uuid4()))  # fmt: skip
        membership = add_row(connection, "memberships", council_id=council,
                             person_id=person, term_start=date(2025, 1, 1),
                             public_id=str(uuid.uuid4()))  # fmt: skip
        present = add_row(connection, "attendances", meeting_id=meeting,
                          membership_id=membership, status="present",
                          voting_right=True)  # fmt: skip
        guest = add_row(connection, "guests", meeting_id=meeting, name="Ole Fründt")

    migrate.upgrade(url, "0034")

    with engine.begin() as connection:
        assert connection.execute(
            select(ATTENDANCES.c.digital).where(ATTENDANCES.c.id == present)
        ).one() == (False,)
        assert connection.execute(select(GUESTS.c.digital).where(GUESTS.c.id == guest)).one() == (
            False,
        )
        video = add_row(connection, "guests", meeting_id=meeting, name="Ina Wendt",
                        digital=True)  # fmt: skip
        assert connection.execute(select(GUESTS.c.digital).where(GUESTS.c.id == video)).one() == (
            True,
        )

    migrate.downgrade(url, "0033")

    with engine.connect() as connection:
        inspector = inspect(connection)
        columns = {
            table: {c["name"] for c in inspector.get_columns(table)}
            for table in ("attendances", "guests")
        }
        names = connection.execute(select(GUESTS.c.name).order_by(GUESTS.c.id)).scalars()
        assert list(names) == ["Ole Fründt", "Ina Wendt"]
        assert connection.execute(select(ATTENDANCES.c.status)).scalars().all() == ["present"]
        revision = migrate.current_revision(connection)
    assert all("digital" not in names for names in columns.values()) and revision == "0033"
    migrate.upgrade(url)
