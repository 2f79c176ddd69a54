"""A pooled connection to a server is tested before use only when in doubt.

A connection the server dropped (a restart, a connection ended by its administrator, a
network that was away) is replaced unnoticed, as SQLAlchemy's ``pool_pre_ping`` would:
the pool opens a new one. But the pre-ping asks the server before every use, a round trip
each (20 ms over a city's VPN): at the program's start a dozen of them, one or two per
page shown. So the connection is asked only

- when it has lain unused in the pool for :data:`IDLE_S` or longer: a PC that slept, a
  VPN that dropped and came back (what the server said meanwhile may never have come);
  the time asleep counts (:func:`_idle`), or
- when the server said something while it lay there: a connection the server ended
  (its administrator, a restart, a shutdown) gets its last words ("terminating
  connection") or the end of the stream, which shows as data waiting on the socket, and
  so does a connection the system gave up on (the keepalives of
  :data:`~expertenrat.store.engine.SERVER_CONNECTION_SETTINGS` after about half a minute).
  Looking costs no round trip.

A connection that fails the test is replaced, and with it every connection opened
before (as the pre-ping does: a server that dropped one has dropped all). A connection
lost in the short while neither shows fails its statement as before: the services say
so in German ("Verbindung zum Datenbankserver ist unterbrochen") and the next try gets a
new one. A server that hangs is the watch's (:mod:`expertenrat.store.server_watch`).
"""

from __future__ import annotations

import selectors
import time
from typing import Any

from sqlalchemy import Engine, event, exc

IDLE_S = 30.0  # a connection unused this long is tested before use
_RETURNED = "expertenrat_returned"  # when the connection came back to the pool (time.time)


def _idle(returned: float) -> bool:
    """Whether a connection returned at ``returned`` (``time.time()``) lay unused
    :data:`IDLE_S` or longer. The wall clock, as it goes on while the PC sleeps:
    ``time.monotonic`` stands still then on Linux and macOS, and a connection returned just
    before the lid was closed was taken unasked after the night (found by a tester). A clock
    set back counts as a while too."""
    return abs(time.time() - returned) >= IDLE_S


def check_connections_in_doubt(engine: Engine) -> None:
    """Test the connections of the server engine ``engine`` before use when in doubt
    (see the module)."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED] = time.time()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: object) -> None:
        returned = record.info.get(_RETURNED)
        if returned is None:  # new: just connected (record.info goes with the connection)
            return
        errors = dialect.loaded_dbapi.Error
        if not _idle(returned) and not _server_spoke(dbapi_connection, errors):
            return
        try:
            dialect.do_ping(dbapi_connection)
        except errors as error:
            if dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.InvalidatePoolError() from error  # the pool connects anew
            raise


def _server_spoke(dbapi_connection: Any, errors: type[Exception]) -> bool:
    """Whether the server sent something to (or ended) ``dbapi_connection`` while it lay
    unused, or its state cannot be seen: nothing ought to arrive then."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return True
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(dbapi_connection.fileno(), selectors.EVENT_READ)
            return bool(selector.select(timeout=0))
    except (OSError, ValueError, errors):
        return True
