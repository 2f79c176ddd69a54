"""Migration 0008 on SQLite and PostgreSQL: agenda item titles up to 2,000 characters."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from old_schema import add_row
from sqlalchemy import exc, select, update

from expertenrat.store import migrate, models

ITEMS = models.AgendaItem.__table__
OLD_TITLE = "Beratung: Offene Daten & <Straßen> 🚲 " + "ä" * 462  # 500 characters
LONG_TITLE = "Vergabe „Straßenbeleuchtung“ – " + "ß" * 1969  # 2,000 characters


def _item(connection, meeting: int, position: int, title: str, **values) -> int:
    return add_row(
        connection, "agenda_items", meeting_id=meeting, number=str(position + 1),
        position=position, title=title, public_id=str(uuid.uuid4()), **values,
    )  # fmt: skip


@pytest.fixture
def old_database(engine_at):
    """A database at 0007 with a meeting whose items the attendance and a vote refer to."""
    url, engine = engine_at("0007")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        person = add_row(
            connection, "persons", given_name="Ödön", family_name="Pál",
            public_id=str(uuid.uuid4()),
        )  # fmt: skip
        membership = add_row(
            connection, "memberships", council_id=council, person_id=person,
            term_start=datetime(2025, 1, 1).date(), public_id=str(uuid.uuid4()),
        )  # fmt: skip
        meeting = add_row(
            connection, "meetings", council_id=council, number=1,
            starts_at=datetime(2026, 3, 10, 16), uid=str(uuid.uuid4()),
            public_id=str(uuid.uuid4()),
        )  # fmt: skip
        first = _item(connection, meeting, 0, OLD_TITLE)
        second = _item(connection, meeting, 1, "Verschiedenes")
        add_row(
            connection, "attendances", meeting_id=meeting, membership_id=membership,
            status="present", arrived_item_id=second, voting_right=True,
        )  # fmt: skip
        add_row(connection, "votes", agenda_item_id=first, subject="Empfehlung", yes=3)
    return url, engine, {"meeting": meeting, "first": first, "second": second}


def test_0008_keeps_the_items_and_what_refers_to_them(old_database):
    url, engine, ids = old_database

    migrate.upgrade(url)

    with engine.connect() as connection:
        titles = dict(connection.execute(select(ITEMS.c.id, ITEMS.c.title)).all())
        arrived = connection.execute(select(models.Attendance.arrived_item_id)).scalar_one()
        voted = connection.execute(select(models.Vote.agenda_item_id)).scalar_one()
    assert titles == {ids["first"]: OLD_TITLE, ids["second"]: "Verschiedenes"}
    assert (arrived, voted) == (ids["second"], ids["first"])


def test_0008_stores_a_title_of_2000_characters(old_database):
    url, engine, ids = old_database
    migrate.upgrade(url)

    with engine.begin() as connection:
        connection.execute(update(ITEMS).where(ITEMS.c.id == ids["first"]).values(title=LONG_TITLE))
    with engine.connect() as connection:
        stored = connection.execute(
            select(ITEMS.c.title).where(ITEMS.c.id == ids["first"])
        ).scalar_one()
    assert stored == LONG_TITLE


def test_0008_keeps_the_checks_and_the_unique_positions(old_database):
    url, engine, ids = old_database
    migrate.upgrade(url)

    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        _item(connection, ids["meeting"], 2, "Unbekannte Art", kind="party")
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        _item(connection, ids["meeting"], 1, "Gleiche Position")


def test_0008_downgrade_shortens_longer_titles_to_the_old_limit(old_database):
    url, engine, ids = old_database
    migrate.upgrade(url)
    with engine.begin() as connection:
        connection.execute(
            update(ITEMS).where(ITEMS.c.id == ids["second"]).values(title=LONG_TITLE)
        )

    migrate.downgrade(url, "0007")

    with engine.connect() as connection:
        titles = dict(connection.execute(select(ITEMS.c.id, ITEMS.c.title)).all())
        revision = migrate.current_revision(connection)
    assert titles[ids["first"]] == OLD_TITLE
    assert titles[ids["second"]] == LONG_TITLE[:499] + "…"
    assert revision == "0007"
