"""Migration 0040 on SQLite and PostgreSQL: votes get the election columns (no invalid
ballots, not secret, no acceptance for every vote stored before) and the mode "election";
election_candidates hold the candidates, emptied with their vote and keeping the name of a
deleted membership; downgrading deletes the elections and keeps the other votes."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from old_schema import add_held_meeting, add_row
from sqlalchemy import delete, exc, inspect, select

from expertenrat.store import migrate, models

VOTES = models.Vote.__table__
CANDIDATES = models.ElectionCandidate.__table__


def test_0040_keeps_stored_votes_records_elections_and_downgrades(engine_at) -> None:
    url, engine = engine_at("0039")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        item = add_row(connection, "agenda_items", meeting_id=meeting, number="1",
                       title="Wahl", position=1, public_id=str(uuid.uuid4()))  # fmt: skip
        counted = add_row(connection, "votes", agenda_item_id=item, yes=5, no=1)
        person = add_row(connection, "persons", given_name="Ödön", family_name="Pál",
                         public_id=str(uuid.uuid4()))  # fmt: skip
        membership = add_row(connection, "memberships", council_id=council,
                             person_id=person, term_start=date(2025, 1, 1),
                             public_id=str(uuid.uuid4()))  # fmt: skip

    migrate.upgrade(url, "0040")

    with engine.begin() as connection:
        row = connection.execute(select(VOTES).where(VOTES.c.id == counted)).one()
        assert (row.yes, row.no, row.mode) == (5, 1, "counted")
        assert (row.invalid, row.secret, row.accepted) == (0, False, None)
        election = add_row(connection, "votes", agenda_item_id=item, mode="election", abstain=1,
                           invalid=1, secret=True, accepted=True, position=1)  # fmt: skip
        add_row(connection, "election_candidates", vote_id=election, position=0,
                membership_id=membership, name="Ödön Pál", votes=4, elected=True)  # fmt: skip
        add_row(connection, "election_candidates", vote_id=election, position=1,
                name="Dr. B", votes=2, elected=False)  # fmt: skip
        connection.execute(delete(models.Membership.__table__))
        kept = connection.execute(select(CANDIDATES.c.name, CANDIDATES.c.membership_id)).all()
        assert sorted(kept) == [("Dr. B", None), ("Ödön Pál", None)]
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        add_row(connection, "votes", agenda_item_id=item, mode="election", invalid=-1)

    migrate.downgrade(url, "0039")

    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        columns = {c["name"] for c in inspect(connection).get_columns("votes")}
        modes = connection.execute(select(VOTES.c.mode)).scalars().all()
        revision = migrate.current_revision(connection)
    assert "election_candidates" not in tables and not {"invalid", "secret", "accepted"} & columns
    assert modes == ["counted"] and revision == "0039"
    migrate.upgrade(url)
