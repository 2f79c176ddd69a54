"""Opening a server database looks at it on the connection the window then works on
(store.database_opening): the look opened a connection of its own before, which a city's
VPN made cost several round trips more (found by a tester)."""

from __future__ import annotations

from server_round_trips import traced_connections
from sqlalchemy import select, text

from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.lock_wait import LOCK_WAIT_MS


def test_opening_a_server_database_and_reading_it_connects_once(server_database_url):
    with traced_connections() as tracer:
        database = open_database(server_database_url)
        try:
            with database.reading() as session:
                assert session.execute(select(models.Council.id)).all() == []
                lock_wait = session.execute(text("SHOW lock_timeout")).scalar_one()
            sent = tracer.take()
        finally:
            database.close()
    assert sent.opened == 1
    assert lock_wait == f"{LOCK_WAIT_MS // 1000}s"  # the look's connection waits briefly too
