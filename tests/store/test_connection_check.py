"""A pooled connection to the server is asked before use only when in doubt
(store.connection_check): reads in a row cost their statements, a connection the server
ended is replaced unnoticed, one unused a while is asked first."""

from __future__ import annotations

import time

import pytest
from server_round_trips import traced_connections

from expertenrat.store import connection_check
from expertenrat.store.database_opening import open_database


@pytest.fixture
def server_database(empty_postgres_url):
    database = open_database(empty_postgres_url)
    yield database
    database.close()


def _read(database) -> int:
    with database.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT 1").scalar_one()


def test_reads_in_a_row_send_the_server_nothing_beside_their_statements(server_database):
    """Found by a tester: the pool asked the server before every read (SQLAlchemy's
    pre-ping), a round trip each, a dozen at the program's start over a VPN."""
    _read(server_database)
    with traced_connections() as tracer:
        _read(server_database)
        _read(server_database)
        sent = tracer.take()
    assert sent.opened == 0
    assert sent.kinds()["ping"] == 0
    assert sent.kinds()["statement"] == 2


def test_a_connection_unused_a_while_is_asked_before_use(server_database, monkeypatch):
    _read(server_database)
    monkeypatch.setattr(connection_check, "IDLE_S", 0.0)
    with traced_connections() as tracer:
        _read(server_database)
        sent = tracer.take()
    assert sent.kinds()["ping"] == 1 and sent.opened == 0


def test_a_connection_returned_before_the_pc_slept_is_asked_after_waking(
    server_database, monkeypatch
):
    """Found by a tester: a laptop closed just after a read and opened after the night took
    its pooled connection unasked (time.monotonic stands still while Linux or macOS sleeps),
    and the first action after waking told the server was lost."""
    real_monotonic, real_time = time.monotonic(), time.time()
    monkeypatch.setattr(time, "monotonic", lambda: real_monotonic)  # asleep: stands still
    monkeypatch.setattr(time, "time", lambda: real_time)
    _read(server_database)
    monkeypatch.setattr(time, "time", lambda: real_time + 8 * 3600)  # the night passed
    with traced_connections() as tracer:
        _read(server_database)
        sent = tracer.take()
    assert sent.kinds()["ping"] == 1 and sent.opened == 0


def test_a_connection_the_server_ended_is_replaced_unnoticed(
    server_database, empty_postgres_url, postgres_admin
):
    """The server said its last words on the connection lying in the pool (a restart, its
    administrator): the next read asks it, finds it ended and connects anew."""
    _read(server_database)
    postgres_admin(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
        f"WHERE datname = '{empty_postgres_url.database}' AND pid <> pg_backend_pid()"
    )
    with traced_connections() as tracer:
        assert _read(server_database) == 1
        sent = tracer.take()
    assert sent.opened == 1
