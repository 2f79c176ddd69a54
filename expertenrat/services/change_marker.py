"""Markers of "something changed": the newest audit id, and PostgreSQL's notifications.

Every change writes the audit trail in its own transaction, so the newest audit id of a
council grows with every change anyone saves to it, on any PC; a window polls it (one
index lookup) to learn that another PC changed something (see
``expertenrat.ui.change_watch``). On PostgreSQL a trigger on the audit trail (migration
0011) also sends ``NOTIFY expertenrat_changes, '<council id>'`` when such a transaction
commits; a :class:`ChangeFeed` listens for it, so the window need not wait for its poll.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import exc, func, or_, select

from expertenrat.domain.errors import ConnectionLostError
from expertenrat.services.unit_of_work import CONNECTION_LOST, reading, storage_error
from expertenrat.store.database import Database
from expertenrat.store.models import AuditEntry

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

CHANNEL = "expertenrat_changes"


def latest_change(database: Database, council_id: int | None = None) -> int:
    """The newest audit id of the council (and of entries of no council); of all without one."""
    query = select(func.max(AuditEntry.id))
    if council_id is not None:
        query = query.where(
            or_(AuditEntry.council_id == council_id, AuditEntry.council_id.is_(None))
        )
    with reading(database) as session:
        return session.scalar(query) or 0


class ChangeFeed:
    """A connection of its own that LISTENs on :data:`CHANNEL` (PostgreSQL only).

    It never blocks: the caller watches :meth:`fileno` for readability (a socket
    notifier) and then collects the notifications with :meth:`take`.
    """

    def __init__(self, driver_connection: psycopg.Connection) -> None:
        self._connection = driver_connection

    def fileno(self) -> int:
        return self._connection.fileno()

    def take(self) -> set[int | None]:
        """The councils changed since the last call (``None``: a change of no council).

        Raises :class:`ConnectionLostError` once the server has dropped the connection.
        """
        pgconn = self._connection.pgconn
        councils: set[int | None] = set()
        try:
            pgconn.consume_input()
        except self._connection.Error as error:
            log.warning("The change feed lost the server: %s", error)
            raise ConnectionLostError(CONNECTION_LOST) from None
        while (notification := pgconn.notifies()) is not None:
            payload = notification.extra.decode()
            councils.add(int(payload) if payload.isdigit() else None)
        return councils

    def close(self) -> None:
        self._connection.close()


def open_change_feed(database: Database) -> ChangeFeed | None:
    """A feed of the database's change notifications; ``None`` on SQLite (it has none).

    The connection has the engine's settings (password, connect timeout) but is taken out
    of its pool (a detached connection is the feed's to close): it serves the feed alone.
    """
    if database.is_sqlite:
        return None
    try:
        pooled = database.engine.raw_connection()
    except exc.DBAPIError as error:
        raise storage_error(error, writing=False) from None
    driver = pooled.driver_connection
    pooled.detach()
    try:
        driver.rollback()  # the pool's ping may have begun a transaction
        driver.autocommit = True
        driver.execute(f"LISTEN {CHANNEL}")
    except driver.Error as error:
        driver.close()
        log.warning("Cannot listen for changes: %s", error)
        raise ConnectionLostError(CONNECTION_LOST) from None
    return ChangeFeed(driver)
