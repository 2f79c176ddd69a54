"""Migration 0026 on SQLite and PostgreSQL: the table ``late_invitations`` (one invitation
sent on per meeting and member; a second for the same member is refused, deleting the
member takes theirs with them); downgrading drops it and keeps the meetings."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from old_schema import add_held_meeting, add_row
from schema_reads import table_names
from sqlalchemy import delete, exc, func, select, table

from expertenrat.store import migrate


def test_0026_adds_late_invitations_one_per_member_and_downgrades(engine_at):
    url, engine = engine_at("0025")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        person = add_row(connection, "persons", given_name="Jana", family_name="Petersen",
                         public_id=str(uuid.uuid4()))  # fmt: skip
        member = add_row(connection, "memberships", council_id=council, person_id=person,
                         term_start=date(2026, 3, 1), public_id=str(uuid.uuid4()))  # fmt: skip

    migrate.upgrade(url, "0026")

    sent = {"meeting_id": meeting, "membership_id": member, "sent_on": date(2026, 3, 3)}
    with engine.begin() as connection:
        add_row(connection, "late_invitations", **sent)
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        add_row(connection, "late_invitations", **sent)
    with engine.begin() as connection:
        connection.execute(delete(table("memberships")))
        count = select(func.count()).select_from(table("late_invitations"))
        assert connection.scalar(count) == 0

    migrate.downgrade(url, "0025")

    assert "late_invitations" not in table_names(url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(table("meetings"))) == 1
        assert migrate.current_revision(connection) == "0025"
    migrate.upgrade(url)
