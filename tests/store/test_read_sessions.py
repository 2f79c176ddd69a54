"""Reads on a server send only their statements, no BEGIN and ROLLBACK beside them; a read
never writes (store.read_sessions)."""

from __future__ import annotations

import pytest
from server_round_trips import traced_connections
from sqlalchemy import select, update

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.context import Services
from expertenrat.store import models


@pytest.fixture
def council_id(database) -> int:
    services = Services.create(database, "tester")
    return services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock")).id


def _name(database, council_id: int) -> str:
    with database.transaction() as session:
        return session.get(models.Council, council_id).name


def test_a_read_on_a_server_sends_its_statements_alone(database, council_id):
    """Found by a tester: each read cost psycopg's BEGIN and the ROLLBACK beside its
    statements, two round trips of 20 ms over the city's VPN."""
    if database.is_sqlite:
        pytest.skip("a server's round trips")
    with traced_connections() as tracer:
        with database.reading() as session:
            assert session.get(models.Council, council_id).name == "Rat"
            assert session.scalars(select(models.ActionField.id)).all()
        sent = tracer.take()
    assert sent.kinds() == {"statement": 2}


def test_a_row_changed_in_a_read_is_not_saved(database, council_id):
    with database.reading() as session:
        session.get(models.Council, council_id).name = "Geändert"
        session.scalars(select(models.ActionField.id)).all()  # would have flushed it
    assert _name(database, council_id) == "Rat"


def test_a_read_refuses_to_write(database, council_id):
    with database.reading() as session:
        session.get(models.Council, council_id).name = "Geändert"
        with pytest.raises(RuntimeError, match="does not write"):
            session.flush()
    councils = models.Council.__table__
    with database.reading() as session, pytest.raises(RuntimeError, match="does not write"):
        session.execute(update(councils).values(name="Geändert"))
    assert _name(database, council_id) == "Rat"


def test_a_query_read_in_parts_needs_a_read_in_a_transaction(database, council_id):
    """A server-side cursor (``yield_per``) needs a transaction; refused on SQLite too, so
    that a test on either finds a read that asks for one without it."""
    query = select(models.Council.name).execution_options(yield_per=10)
    with database.reading() as session, pytest.raises(RuntimeError, match="in parts"):
        session.execute(query)
    with database.reading(transaction=True) as session:
        assert session.execute(query).scalars().all() == ["Rat"]
