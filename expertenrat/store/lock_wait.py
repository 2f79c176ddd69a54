"""How long the window's work on a server waits for a lock another connection holds.

The work of the window and its background saves and reads (every session of
:meth:`Database.reading <expertenrat.store.database.Database.reading>` and
:meth:`~expertenrat.store.database.Database.transaction`) waits at most
:data:`LOCK_WAIT_MS` for a lock: a table another PC's restore or upgrade holds, a meeting
whose minutes it approves. Then PostgreSQL gives up with SQLSTATE 55P03, which the services
report as ``ServerBusyError`` ("gerade gesperrt", with "Erneut versuchen"), instead of a
window that waits as long as the other work takes. The limit is a setting of each of the
database's connections, made once as the pool opens it: a ``SET LOCAL`` in every
transaction cost a round trip each (found by a tester: 10 of the 45 statements at the
program's start, 15 per meeting chosen, on a server 20 ms away).

Only waiting for a lock is limited, never how long the work itself takes; the long work
(a backup, a restore, the move to a server) lifts the limit for its transaction
(:func:`wait_for_locks_as_long_as_needed`) and waits for its locks as long as needed, as
a schema upgrade does on an engine of its own. A server that hangs entirely (its process
stopped) keeps no timeout of its own: the watch of :mod:`expertenrat.store.server_watch`
ends the wait for it.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, event

LOCK_WAIT_MS = 15_000


def wait_for_locks_briefly(engine: Engine) -> None:
    """Every connection of ``engine`` (a server's) waits at most ``LOCK_WAIT_MS`` for a
    lock (``SET`` once as it is opened, the limit as it is then), until a transaction lifts
    it for itself."""
    if not event.contains(engine, "connect", _limit_lock_wait):
        event.listen(engine, "connect", _limit_lock_wait)


def _limit_lock_wait(dbapi_connection, _record) -> None:
    # Outside a transaction: one round trip, and the setting stays with the connection
    # (a SET in a transaction rolled back would go with it).
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"SET lock_timeout = {int(LOCK_WAIT_MS)}")
        finally:
            cursor.close()
    finally:
        dbapi_connection.autocommit = autocommit


def wait_for_locks_as_long_as_needed(connection: Connection) -> None:
    """The transaction on ``connection`` (a server's) waits for its locks as long as the
    other work takes: the long work of a backup or a restore, which would otherwise fail
    behind another PC's save (``SET LOCAL``: the connection keeps its limit afterwards)."""
    connection.exec_driver_sql("SET LOCAL lock_timeout = 0")
