"""Migration 0030 on SQLite and PostgreSQL: guests get ``non_public_only`` (attended only
the non-public part), false for every existing guest; downgrading drops the column and
keeps the guests."""

from __future__ import annotations

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

GUESTS = models.Guest.__table__


def test_0030_marks_no_existing_guest_and_downgrades(engine_at):
    url, engine = engine_at("0029")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        guest = add_row(connection, "guests", meeting_id=meeting, name="Horst Geheimgast",
                        affiliation="Vergabestelle", note="Los 3")  # fmt: skip

    migrate.upgrade(url, "0030")

    with engine.begin() as connection:
        marked = select(GUESTS.c.non_public_only).where(GUESTS.c.id == guest)
        assert connection.execute(marked).one() == (False,)
        hidden = add_row(connection, "guests", meeting_id=meeting, name="Ina Still",
                         non_public_only=True)  # fmt: skip
        assert connection.execute(
            select(GUESTS.c.non_public_only).where(GUESTS.c.id == hidden)
        ).one() == (True,)

    migrate.downgrade(url, "0029")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("guests")}
        names = connection.execute(
            select(GUESTS.c.name).where(GUESTS.c.id.in_([guest, hidden])).order_by(GUESTS.c.id)
        ).scalars()
        assert list(names) == ["Horst Geheimgast", "Ina Still"]
        revision = migrate.current_revision(connection)
    assert "non_public_only" not in columns and revision == "0029"
    migrate.upgrade(url)
