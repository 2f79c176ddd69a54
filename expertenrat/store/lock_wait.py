"""How long the window's work on a server waits for a lock another connection holds.

The work of the window and its background saves and reads (every session of
:meth:`Database.reading <expertenrat.store.database.Database.reading>` and
:meth:`~expertenrat.store.database.Database.transaction`) waits at most
:data:`LOCK_WAIT_MS` for a lock: a table another PC's restore or upgrade holds, a meeting
whose minutes it approves. Then PostgreSQL gives up with SQLSTATE 55P03, which the services
report as ``ServerBusyError`` ("gerade gesperrt", with "Erneut versuchen"), instead of a
window that waits as long as the other work takes. Only waiting for a lock is limited, never
how long the work itself takes; the long work on a connection of its own (a backup, a
restore, the move to a server, a schema upgrade) waits for its locks as long as needed. A
server that hangs entirely (its process stopped) keeps no timeout of its own: the watch of
:mod:`expertenrat.store.server_watch` ends the wait for it.
"""

from __future__ import annotations

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session, sessionmaker

LOCK_WAIT_MS = 15_000

LIMITS_ITSELF = "limits_lock_wait"
"""A session's info: its transaction sets the limit itself (with its schema check)."""


def wait_for_locks_briefly(sessions: sessionmaker[Session]) -> None:
    """Each transaction of a session of ``sessions`` on a server waits at most
    ``LOCK_WAIT_MS`` for a lock (``SET LOCAL``: the pooled connection keeps no limit for
    the long work), unless the session is marked :data:`LIMITS_ITSELF`."""
    event.listen(sessions, "after_begin", _limit_unless_limited_itself)


def _limit_unless_limited_itself(
    session: Session, _transaction: object, connection: Connection
) -> None:
    if not session.info.get(LIMITS_ITSELF):
        limit_lock_wait(connection)


def limit_lock_wait(connection: Connection) -> None:
    """The transaction on ``connection`` waits at most ``LOCK_WAIT_MS`` for a lock."""
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(LOCK_WAIT_MS)}")
