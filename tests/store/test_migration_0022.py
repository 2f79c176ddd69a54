"""Migration 0022 on SQLite and PostgreSQL: each answer names the addressed project it is
from; an answer to a recommendation addressed to exactly one project is set to it, one to
a recommendation addressed to several (or none) stays joint (NULL: it answered for all);
downgrading drops the column."""

from __future__ import annotations

from datetime import date

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

RESPONSES = models.RecommendationResponse.__table__


def _answered(connection, council: int, code: str, projects: list[int]) -> int:
    recommendation = add_row(
        connection, "recommendations", council_id=council, code=code, title=code,
        status="answered", public_id=f"p-{code}",
    )  # fmt: skip
    for position, project in enumerate(projects):
        add_row(
            connection, "recommendation_projects", recommendation_id=recommendation,
            project_id=project, position=position,
        )  # fmt: skip
    return add_row(
        connection, "recommendation_responses", recommendation_id=recommendation,
        received_on=date(2026, 5, 4), verdict="complied", responder="", reasons="",
        measures="", final=True,
    )  # fmt: skip


def test_0022_ties_answers_to_their_project_where_it_is_clear_and_downgrades(engine_at):
    url, engine = engine_at("0021")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        portal, park = (
            add_row(connection, "projects", council_id=council, title=t, public_id=t)
            for t in ("Klimaportal", "Parkhaus")
        )
        responses = [
            _answered(connection, council, "E-2026-01", [park]),
            _answered(connection, council, "E-2026-02", [portal, park]),
            _answered(connection, council, "E-2026-03", []),
        ]

    migrate.upgrade(url, "0022")

    with engine.connect() as connection:
        found = connection.execute(
            select(RESPONSES.c.id, RESPONSES.c.project_id).where(RESPONSES.c.id.in_(responses))
        ).all()
        indexes = {i["name"] for i in inspect(connection).get_indexes(RESPONSES.name)}
        keys = inspect(connection).get_foreign_keys(RESPONSES.name)
    assert dict(found) == {responses[0]: park, responses[1]: None, responses[2]: None}
    assert "ix_recommendation_responses_project_id" in indexes
    assert {"projects"} <= {k["referred_table"] for k in keys}

    migrate.downgrade(url, "0021")

    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns(RESPONSES.name)}
        revision = migrate.current_revision(connection)
        count = len(connection.execute(select(RESPONSES.c.id)).all())
    assert "project_id" not in columns
    assert revision == "0021"
    assert count == 3  # the answers themselves survive the downgrade
    migrate.upgrade(url)
