"""Markers of "something changed": the newest audit id and the councils, and PostgreSQL's
notifications.

Every change writes the audit trail in its own transaction, so the newest audit id of a
council grows with every change anyone saves to it, on any PC; a window polls it (one
index lookup or two) to learn that another PC changed something (see
``expertenrat.ui.change_watch``). A new council's entries carry its own id, and a council
deleted by another program leaves no entry at all: so the marker also holds the councils
as the switcher shows them (id, name, city; a read of the few rows of ``councils`` by its
primary key), which tells of a council created, renamed or deleted anywhere without
noticing every change of the other councils. On PostgreSQL a trigger on the audit trail (migration
0011) also sends ``NOTIFY expertenrat_changes, '<council id>'`` when such a transaction
commits; a :class:`ChangeFeed` listens for it, so the window need not wait for its poll.

The marker moves with this program's own saves too, whose page already shows them: the
:class:`OwnEntries` of a database note the audit entries its sessions commit, and a marker
read ``since`` the one the window reflects counts the entries beside them
(:attr:`ChangeMarker.others`), so a window can tell its own saves from another PC's.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Subquery, exc, func, null, or_, select, true, union_all
from sqlalchemy.orm import Session

from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.errors import ConnectionLostError
from expertenrat.services import audit
from expertenrat.services.unit_of_work import reading, storage_error
from expertenrat.store.database import Database
from expertenrat.store.models import AuditEntry, Council
from expertenrat.store.work_problems import SERVER_GONE

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
    last_written: datetime | None = None
    """Of the whole trail's marker (``council_id`` ``None``, the daily backup's): when its
    newest entry was written, one index lookup. An editing session's autosaves rewrite its
    one entry (:mod:`services.editing_audit`), which moves no id and no count, but this:
    equal markers, the data unchanged since the last copy. A council's marker (the change
    watch's) leaves it ``None``: the newest write of the council's entries would read them
    all at every poll, and another council's write must not move it."""
    read_at: float = field(default=0.0, compare=False)
    """When the read had ended (:func:`time.monotonic`): an own entry written later is
    not in it."""
    others: int | None = field(default=None, compare=False)
    """Read ``since`` an earlier marker: how many entries its ``recent`` would count now,
    less this program's own written after that marker was read and committed before this
    read began (own entries committed meanwhile count as others: a reread too many, never
    one too few). Equal to its ``recent``: nothing but own saves changed since (``None``:
    not read so)."""

    def moved_by_own_saves_only(self, since: ChangeMarker) -> bool:
        """Differs from ``since`` (read before it) by this program's own entries alone."""
        return self.others == since.recent and self.councils == since.councils


class OwnEntries:
    """The audit entries this program's sessions on a database committed: when each was
    written (before its commit, see :func:`~expertenrat.services.audit.note_own_entries`),
    when committed, and its council. One written after a marker was read is not in it.

    Only the database's own sessions are heard, not another
    :class:`~expertenrat.store.database.Database` on the same data (another program).
    """

    def __init__(self, database: Database) -> None:
        self._lock = threading.Lock()
        self._committed: list[tuple[float, float, int | None]] = []
        database.listen_to_sessions("after_commit", self._committed_now)
        database.listen_to_sessions("after_rollback", audit.take_own_entries)

    def _committed_now(self, session: Session) -> None:
        written = audit.take_own_entries(session)
        if written:
            now = time.monotonic()
            with self._lock:
                self._committed.extend((at, now, council) for at, council in written)

    def count(self, written_after: float, committed_before: float, council_id: int | None) -> int:
        """How many of the council's entries (and of no council; ``None``: all) were written
        after ``written_after`` and committed before ``committed_before``; those written
        before are forgotten (markers are read ``since`` ever newer ones)."""
        with self._lock:
            self._committed = [row for row in self._committed if row[0] > written_after]
            return sum(
                committed < committed_before
                and (council_id is None or council in (council_id, None))
                for _written, committed, council in self._committed
            )


def _newest(council_id: int | None) -> Subquery:
    """The newest audit id of the council and that of entries of no council, each its own
    index lookup: SQLite reads the newest of ``council_id = ? OR council_id IS NULL`` by
    going through every entry of the council (20 ms a poll after ten years' 47,000 entries,
    growing with the trail; found by a tester), the newest of one value from the end of the
    index."""
    entries = AuditEntry.__table__
    if council_id is None:
        return select(func.max(entries.c.id).label("id")).subquery()
    return union_all(
        select(func.max(entries.c.id).label("id")).where(entries.c.council_id == council_id),
        select(func.max(entries.c.id).label("id")).where(entries.c.council_id.is_(None)),
    ).subquery()


def change_marker(
    database: Database,
    council_id: int | None = None,
    since: ChangeMarker | None = None,
    own: OwnEntries | None = None,
) -> ChangeMarker:
    """The marker of the council (``None``: of all entries), in one statement (one round
    trip to a server): the audit trail's newest id and count (of all entries also the
    latest write time) beside each council's row, or beside none when there is no council.
    With ``since`` (an earlier marker of the same council) and ``own``, also its
    :attr:`~ChangeMarker.others`."""
    entries = AuditEntry.__table__
    shown = (
        or_(entries.c.council_id == council_id, entries.c.council_id.is_(None))
        if council_id is not None
        else entries.c.id.is_not(None)
    )
    latest = select(func.coalesce(func.max(_newest(council_id).c.id), 0).label("latest")).cte()
    recent = (
        select(func.count())
        .where(shown, entries.c.id > latest.c.latest - RECENT)
        .scalar_subquery()
        .label("recent")
    )
    others = (
        select(func.count()).where(shown, entries.c.id > since.latest - RECENT).scalar_subquery()
        if since is not None and own is not None
        else null()
    )
    written = select(func.max(entries.c.at)).scalar_subquery() if council_id is None else null()
    council = Council.__table__
    marker = (
        select(
            latest.c.latest,
            recent,
            others.label("others"),
            written.label("last_written"),
            council.c.id,
            council.c.name,
            council.c.city,
            council.c.time_zone,
            council.c.bundesland,
        )
        .select_from(latest.outerjoin(council, true()))
        .order_by(council.c.id)
    )
    began = time.monotonic()
    with reading(database) as session:
        rows = session.execute(marker).all()
    read_at = time.monotonic()
    councils = tuple(
        CouncilChoice(r.id, r.name, r.city, r.time_zone, r.bundesland)
        for r in rows
        if r.id is not None
    )
    others = rows[0].others
    if since is not None and own is not None:
        others -= own.count(since.read_at, began, council_id)
    return ChangeMarker(
        rows[0].latest, rows[0].recent, councils, rows[0].last_written, read_at, others
    )


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
            raise ConnectionLostError(SERVER_GONE) from None
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
        raise ConnectionLostError(SERVER_GONE) from None
    driver = pooled.driver_connection
    pooled.detach()
    try:
        driver.rollback()  # the pool's ping may have begun a transaction
        driver.autocommit = True
        if driver.info.server_version >= 140000:  # which has idle_session_timeout
            # The feed waits idle for ever: a DBA's limit on idle sessions ended it each
            # time, and each time it was opened again, with a warning in the log (found by
            # review). The limit is there for sessions forgotten open, not for this one.
            driver.execute("SET idle_session_timeout = 0")
        driver.execute(f"LISTEN {CHANNEL}")
    except driver.Error as error:
        driver.close()
        log.warning("Cannot listen for changes: %s", error)
        raise ConnectionLostError(SERVER_GONE) from None
    return ChangeFeed(driver)
