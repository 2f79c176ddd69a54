"""Migration 0012 on SQLite and PostgreSQL: approved minutes versions keep their document."""

from __future__ import annotations

import uuid
from datetime import date

from old_schema import add_held_meeting, add_row
from sqlalchemy import inspect, select, update

from expertenrat.store import migrate, models

VERSIONS = models.MinutesVersion.__table__


def test_0012_adds_an_empty_document_to_existing_versions_and_downgrades(engine_at):
    url, engine = engine_at("0011")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")
        meeting = add_held_meeting(connection, council)
        add_row(
            connection,
            "minutes_versions",
            meeting_id=meeting,
            state="approved",
            approved_on=date(2026, 4, 14),
            pdf=b"%PDF-alt",
            public_id=str(uuid.uuid4()),
        )

    migrate.upgrade(url)

    with engine.begin() as connection:
        row = connection.execute(select(VERSIONS)).one()
        connection.execute(update(VERSIONS).values(document='{"format":1,"x":"🚲 & <"}'))
    assert (row.document, row.pdf, row.state) == (None, b"%PDF-alt", "approved")

    migrate.downgrade(url, "0011")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("minutes_versions")}
        pdf = connection.execute(select(VERSIONS.c.pdf)).scalar_one()
        revision = migrate.current_revision(connection)
    assert "document" not in columns
    assert (pdf, revision) == (b"%PDF-alt", "0011")
