"""The connection that listens for other PCs' changes (:func:`open_change_feed`)."""

from __future__ import annotations

import select
import time

from sqlalchemy import create_engine

from expertenrat.services.change_marker import CHANNEL, open_change_feed
from expertenrat.store.database_opening import open_database


def test_the_feed_outlives_the_server_s_limit_on_idle_sessions(
    empty_postgres_url, postgres_admin
) -> None:
    """A DBA's idle_session_timeout ended the feed's connection, which waits idle for
    ever, each time: it was opened again each time, with a warning in the log (found by
    review)."""
    database = open_database(empty_postgres_url)
    base = empty_postgres_url.database
    postgres_admin(f"ALTER DATABASE {base} SET idle_session_timeout = '200ms'")
    other_pc = create_engine(empty_postgres_url)
    try:
        database.engine.dispose()  # the next connections get the limit
        feed = open_change_feed(database)
        time.sleep(0.6)  # idle past the limit
        with other_pc.begin() as connection:
            connection.exec_driver_sql(f"NOTIFY {CHANNEL}, '7'")
        readable, _, _ = select.select([feed.fileno()], [], [], 5)

        assert readable
        assert feed.take() == {7}
        feed.close()
    finally:
        other_pc.dispose()
        postgres_admin(f"ALTER DATABASE {base} RESET ALL")
        database.close()
