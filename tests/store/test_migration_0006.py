"""Migration 0006 on SQLite and PostgreSQL: what the minutes need, added to existing data."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from old_schema import add_row
from sqlalchemy import exc, select

from expertenrat.store import migrate, models


def _ids() -> dict[str, str]:
    return {"uid": str(uuid.uuid4()), "public_id": str(uuid.uuid4())}


@pytest.fixture
def old_database(engine_at):
    """A database at 0005 with a council, a held meeting, an item and a vote."""
    url, engine = engine_at("0005")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_row(
            connection,
            "meetings",
            council_id=council,
            number=1,
            state="held",
            starts_at=datetime(2026, 3, 10, 16),
            **_ids(),
        )
        item = add_row(
            connection,
            "agenda_items",
            meeting_id=meeting,
            number="1",
            title="Eröffnung",
            public_id=str(uuid.uuid4()),
        )
        vote = add_row(connection, "votes", agenda_item_id=item, yes=5)
        version = add_row(
            connection, "minutes_versions", meeting_id=meeting, public_id=str(uuid.uuid4())
        )
    return (
        url,
        engine,
        {"council": council, "meeting": meeting, "vote": vote, "version": version},
    )


def test_0006_gives_existing_rows_the_defaults(old_database):
    url, engine, _ids = old_database
    migrate.upgrade(url)
    with engine.connect() as connection:
        council = connection.execute(select(models.Council.__table__)).one()
        meeting = connection.execute(select(models.Meeting.__table__)).one()
        vote = connection.execute(select(models.Vote.__table__)).one()
        version = connection.execute(select(models.MinutesVersion.__table__)).one()
    assert (council.minutes_style, council.minutes_approval, council.objection_period_days) == (
        "results",
        "vote",
        14,
    )
    assert (meeting.agenda_approved, meeting.agenda_changes, meeting.quorum_noted) == (
        False,
        "",
        False,
    )
    assert vote.mode == "counted"
    assert (version.content, version.public_pdf, version.objections_due_on) == ("", None, None)


def test_0006_refuses_an_unknown_vote_mode_and_minutes_style(old_database):
    url, engine, _ids = old_database
    migrate.upgrade(url)
    votes, councils = models.Vote.__table__, models.Council.__table__
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(votes.update().values(mode="geheim"))
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(councils.update().values(minutes_style="wortprotokoll"))


def test_0006_objections_refer_to_items_members_and_meetings(old_database):
    url, engine, ids = old_database
    migrate.upgrade(url)
    with engine.begin() as connection:
        item = connection.scalar(select(models.AgendaItem.id))
        objection = add_row(
            connection,
            "objections",
            minutes_version_id=ids["version"],
            raised_by="Dr. Özdemir",
            raised_on=date(2026, 3, 20),
            text="TOP 1 ist falsch wiedergegeben.",
            agenda_item_id=item,
            decided_in_meeting_id=ids["meeting"],
        )
        annex = add_row(
            connection,
            "files",
            council_id=ids["council"],
            meeting_id=ids["meeting"],
            name="anlage.pdf",
            content=b"%PDF-1.4",
            sha256="0" * 64,
            public_id=str(uuid.uuid4()),
        )
        phrase = add_row(
            connection, "text_templates", council_id=ids["council"], text="nimmt zur Kenntnis"
        )
    assert objection and annex and phrase


def test_0006_downgrade_removes_what_it_added_and_keeps_the_rest(old_database):
    url, engine, _ids = old_database
    migrate.upgrade(url, "0006")  # 0007 cannot be downgraded
    migrate.downgrade(url, "0005")
    with engine.connect() as connection:
        vote = connection.execute(select(models.Vote.yes)).scalar_one()
        tables = set(engine.dialect.get_table_names(connection))
    assert vote == 5
    assert not {"files", "text_templates"} & tables
    migrate.upgrade(url)  # and up again
