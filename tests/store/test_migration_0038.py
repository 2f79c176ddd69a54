"""Migration 0038 on SQLite and PostgreSQL: attendances get a time away (``away_item_id``,
``away_at``, ``back_item_id``, ``back_at``), empty for every line stored before, the
arrival and departure kept; the items are foreign keys that a deleted item empties;
downgrading drops the columns and keeps the lines."""

from __future__ import annotations

import uuid
from datetime import date, time

from old_schema import add_held_meeting, add_row
from sqlalchemy import delete, inspect, select

from expertenrat.store import migrate, models

ATTENDANCES = models.Attendance.__table__
AWAY = ("away_item_id", "away_at", "back_item_id", "back_at")


def test_0038_keeps_stored_lines_records_time_away_and_downgrades(engine_at):
    url, engine = engine_at("0037")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        items = [
            add_row(
                connection,
                "agenda_items",
                meeting_id=meeting,
                number=str(n),
                title=f"Punkt {n}",
                position=n,
                public_id=str(uuid.uuid4()),
            )
            for n in (1, 2, 3)
        ]
        person = add_row(connection, "persons", given_name="Ödön", family_name="Pál",
                         public_id=str(uuid.uuid4()))  # fmt: skip
        membership = add_row(connection, "memberships", council_id=council,
                             person_id=person, term_start=date(2025, 1, 1),
                             public_id=str(uuid.uuid4()))  # fmt: skip
        late = add_row(connection, "attendances", meeting_id=meeting,
                       membership_id=membership, status="present", voting_right=True,
                       arrived_item_id=items[1], arrived_at=time(16, 20))  # fmt: skip

    migrate.upgrade(url, "0038")

    with engine.begin() as connection:
        row = connection.execute(select(ATTENDANCES).where(ATTENDANCES.c.id == late)).one()
        assert (row.arrived_item_id, row.arrived_at) == (items[1], time(16, 20))
        assert [getattr(row, column) for column in AWAY] == [None] * 4
        connection.execute(
            ATTENDANCES.update()
            .where(ATTENDANCES.c.id == late)
            .values(
                arrived_item_id=None,
                away_item_id=items[1],
                away_at=time(16, 40),
                back_item_id=items[2],
                back_at=time(17, 5),
            )
        )
        away = connection.execute(
            select(*(ATTENDANCES.c[column] for column in AWAY)).where(ATTENDANCES.c.id == late)
        ).one()
        assert tuple(away) == (items[1], time(16, 40), items[2], time(17, 5))
        connection.execute(delete(models.AgendaItem.__table__).where(
            models.AgendaItem.__table__.c.id == items[2]))  # fmt: skip
        back = select(ATTENDANCES.c.back_item_id).where(ATTENDANCES.c.id == late)
        assert connection.execute(back).scalar_one() is None

    migrate.downgrade(url, "0037")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("attendances")}
        assert connection.execute(select(ATTENDANCES.c.status)).scalars().all() == ["present"]
        revision = migrate.current_revision(connection)
    assert not columns & set(AWAY) and revision == "0037"
    migrate.upgrade(url)
