"""Markers of "something changed": the newest audit id and the councils, and PostgreSQL's
notifications.

Every change writes the audit trail in its own transaction, so the newest audit id of a
council grows with every change anyone saves to it, on any PC; a window polls it (one
index lookup) to learn that another PC changed something (see
``expertenrat.ui.change_watch``). A new council's entries carry its own id, and a council
deleted by another program leaves no entry at all: so the marker also holds the councils
as the switcher shows them (id, name, city; a read of the few rows of ``councils`` by its
primary key), which tells of a council created, renamed or deleted anywhere without
noticing every change of the other councils. On PostgreSQL a trigger on the audit trail (migration
0011) also sends ``NOTIFY expertenrat_changes, '<council id>'`` when such a transaction
commits; a :class:`ChangeFeed` listens for it, so the window need not wait for its poll.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import exc, func, or_, select, true

from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.errors import ConnectionLostError
from expertenrat.services.unit_of_work import CONNECTION_LOST, reading, storage_error
from expertenrat.store.database import Database
from expertenrat.store.models import AuditEntry, Council

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

CHANNEL = "expertenrat_changes"
RECENT = 10_000  # the newest audit ids whose entries the marker counts (an index range)


@dataclass(frozen=True, slots=True)
class ChangeMarker:
    """What a window compares between polls: a difference means "reread"."""

    latest: int
    """The newest audit id of the shown council and of entries of no council."""
    recent: int
    """How many of those entries are among the newest :data:`RECENT` ids: a change that
    commits after a later one (PostgreSQL draws an id when the entry is written, so a long
    import or approval may commit after a quick change with a higher id) adds to it
    without moving ``latest``."""
    councils: tuple[CouncilChoice, ...]
    """Every council's id, name and city, by id: what the council switcher shows."""


def change_marker(database: Database, council_id: int | None = None) -> ChangeMarker:
    """The marker of the council (``None``: of all entries), in one statement (one round
    trip to a server): the audit trail's newest id and count beside each council's row,
    or beside none when there is no council."""
    audit = AuditEntry.__table__
    shown = (
        or_(audit.c.council_id == council_id, audit.c.council_id.is_(None))
        if council_id is not None
        else audit.c.id.is_not(None)
    )
    latest = select(func.coalesce(func.max(audit.c.id), 0).label("latest")).where(shown).cte()
    recent = (
        select(func.count())
        .where(shown, audit.c.id > latest.c.latest - RECENT)
        .scalar_subquery()
        .label("recent")
    )
    council = Council.__table__
    marker = (
        select(latest.c.latest, recent, council.c.id, council.c.name, council.c.city)
        .select_from(latest.outerjoin(council, true()))
        .order_by(council.c.id)
    )
    with reading(database) as session:
        rows = session.execute(marker).all()
    councils = tuple(CouncilChoice(r.id, r.name, r.city) for r in rows if r.id is not None)
    return ChangeMarker(rows[0].latest, rows[0].recent, councils)


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
    except database.engine.dialect.loaded_dbapi.Error as error:
        # The pool's own connect hands on the driver's error unwrapped (server down).
        log.warning("Cannot open the change feed: %s", error)
        raise ConnectionLostError(CONNECTION_LOST) from None
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
