"""Migration 0007 on SQLite and PostgreSQL: the register's schema, existing data converted."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from old_schema import add_row
from sqlalchemy import exc, insert, select

from expertenrat.store import migrate, models
from expertenrat.store.engine import make_engine


def _recommendation(connection, council: int, code: str, **values) -> int:
    return add_row(
        connection,
        "recommendations",
        council_id=council,
        code=code,
        title=f"Empfehlung {code}",
        adopted_on=date(2026, 1, 20),
        public_id=str(uuid.uuid4()),
        **values,
    )


def _fill(connection) -> dict[str, int]:
    """Recommendations in every old state of a database at 0006, one answered: their ids."""
    ids: dict[str, int] = {}
    council = add_row(connection, "councils", name="Rat", city="Rostock")
    ids["quick"] = add_row(
        connection, "councils", name="Schnell", city="Wismar", response_period_days=10
    )
    ids["project"] = add_row(
        connection, "projects", council_id=council, title="Datenplattform",
        public_id=str(uuid.uuid4()),
    )  # fmt: skip
    ids["closed"] = _recommendation(
        connection, council, "E-2026-01",
        project_id=ids["project"], status="closed", sent_on=date(2026, 1, 25),
        response_kind="rejected", response_text="Kein Geld & <keine> Zeit",
        responded_on=date(2026, 3, 1), follow_up="Neuer Antrag 2027",
    )  # fmt: skip
    ids["responded"] = _recommendation(
        connection, council, "E-2026-02", status="responded", sent_on=date(2026, 1, 25),
        response_kind="accepted", responded_on=date(2026, 2, 20),
    )  # fmt: skip
    ids["in_implementation"] = _recommendation(
        connection, council, "E-2026-03", status="in_implementation"
    )
    ids["sent"] = _recommendation(connection, council, "E-2026-04", status="sent")
    add_row(
        connection,
        "recommendation_status_changes",
        recommendation_id=ids["closed"],
        changed_at=datetime(2026, 3, 2, 9, 30),
        from_status="responded",
        to_status="closed",
        note="Antwort geprüft",
    )
    return ids


@pytest.fixture
def old_database(engine_at):
    """A database at 0006 filled (:func:`_fill`): its URL, an engine on it, the ids."""
    url, engine = engine_at("0006")
    with engine.begin() as connection:
        ids = _fill(connection)
    return url, engine, ids


@pytest.fixture(scope="module")
def upgraded(module_database_at):
    """A database at 0006 filled (:func:`_fill`) and upgraded to head, once per backend
    for the tests that only read it (or try changes it must refuse): an engine on it and
    the ids. The tests that upgrade in their own body take ``old_database``."""
    url = module_database_at("0006")
    engine = make_engine(url)
    with engine.begin() as connection:
        ids = _fill(connection)
    migrate.upgrade(url)
    yield engine, ids
    engine.dispose()


def _rows(engine, model):
    with engine.connect() as connection:
        return connection.execute(select(model.__table__)).all()


def test_0007_maps_the_old_statuses_onto_the_lifecycle(old_database):
    url, engine, ids = old_database
    migrate.upgrade(url)

    statuses = {row.id: row.status for row in _rows(engine, models.Recommendation)}

    assert statuses == {
        ids["closed"]: "implemented",
        ids["responded"]: "answered",
        ids["in_implementation"]: "answered",
        ids["sent"]: "sent",
    }


def test_0007_moves_the_project_into_its_own_table(upgraded):
    engine, ids = upgraded

    links = [tuple(row) for row in _rows(engine, models.RecommendationProject)]

    assert links == [(ids["closed"], ids["project"], 0)]


def test_0007_turns_the_old_response_columns_into_one_response_each(upgraded):
    engine, ids = upgraded

    responses = {row.recommendation_id: row for row in _rows(engine, models.RecommendationResponse)}

    assert set(responses) == {ids["closed"], ids["responded"]}
    closed = responses[ids["closed"]]
    assert (closed.verdict, closed.received_on, closed.final) == (
        "not_complied",
        date(2026, 3, 1),
        True,
    )
    assert (closed.reasons, closed.measures) == ("Kein Geld & <keine> Zeit", "Neuer Antrag 2027")
    answered = responses[ids["responded"]]
    assert (answered.verdict, answered.final, answered.version) == ("complied", False, 1)


def test_0007_gives_the_history_its_kind_date_and_new_states(upgraded):
    engine, _ids = upgraded

    (row,) = _rows(engine, models.RecommendationStatusChange)

    assert (row.kind, row.occurred_on, row.from_status, row.to_status, row.note) == (
        "status",
        date(2026, 3, 2),
        "answered",
        "implemented",
        "Antwort geprüft",
    )


def test_0007_turns_the_response_period_into_months(upgraded):
    engine, ids = upgraded

    months = {row.id: row.response_period_months for row in _rows(engine, models.Council)}

    assert months[ids["quick"]] == 1  # ten days: at least the one month the settings allow
    assert sorted(months.values()) == [1, 2]  # the default 56 days become 2 months


def test_0007_allows_drafts_and_statements_and_refuses_unknown_states(old_database):
    url, engine, ids = old_database
    migrate.upgrade(url)
    recommendations = models.Recommendation.__table__
    with engine.begin() as connection:
        connection.execute(
            recommendations.update()
            .where(recommendations.c.id == ids["sent"])
            .values(status="draft", kind="statement", adopted_on=None)
        )
    for column, value in (("status", "responded"), ("kind", "order")):
        with pytest.raises(exc.IntegrityError), engine.begin() as connection:
            connection.execute(recommendations.update().values({column: value}))
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(models.Council.__table__.update().values(response_period_months=25))
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(
            insert(models.RecommendationResponse.__table__).values(
                recommendation_id=ids["sent"], received_on=date(2026, 2, 1), responder="",
                verdict="ignored", reasons="", measures="", final=False, version=1,
            )
        )  # fmt: skip


def test_0007_keeps_a_project_pair_once(upgraded):
    engine, ids = upgraded
    links = models.RecommendationProject.__table__
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(
            insert(links).values(recommendation_id=ids["closed"], project_id=ids["project"])
        )


def test_0007_cannot_be_downgraded(old_database):
    url, _engine, _ids = old_database
    migrate.upgrade(url)

    with pytest.raises(NotImplementedError, match="Sicherung"):
        migrate.downgrade(url, "0006")
