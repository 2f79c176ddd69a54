"""A watch on the connections to a PostgreSQL server: work waiting for a server that no
longer answers fails within seconds instead of waiting minutes, or for ever.

libpq's settings (:data:`~expertenrat.store.engine.SERVER_CONNECTION_SETTINGS`) notice a
network that went away only after the system's retransmissions or keepalives, and never
a server that hangs (its processes stopped, its virtual machine paused): its system still
acknowledges every packet, so a statement sent to it waits for ever. A limit on how long
a statement may run (``statement_timeout``) cannot tell a hung server from long work (a
restore, an upgrade, an import, a lock another PC holds), and the server that hangs
would have to keep it.

So a thread watches each server engine's connections. When one has waited
:data:`ANSWER_WAIT_S` for the server, the watch asks whether the server still answers: it
opens a connection of its own, waiting :data:`PROBE_TIMEOUT_S` at most. A server that
answers (with a refusal too: too many connections, a password refused) is busy, and the
work waits on, however long it takes; the watch asks again every ``ANSWER_WAIT_S``. When
no answer comes (the server hangs, the network is gone, the server's address leads
nowhere), the connections waiting for it are shut down (their socket, as a network that
breaks would), and their work fails with :class:`ServerSilentError`, which the services
say as "Der Datenbankserver antwortet nicht". Work waits for a silent server about
``ANSWER_WAIT_S + PROBE_TIMEOUT_S`` (12 seconds) at most; a new connection gives up after
its ``connect_timeout`` (5 seconds), so work whose connection is tested before use (the
pool's ping, also watched) and then replaced waits 17 seconds at most. A server behind a
pooler (PgBouncer) that answers for it is not noticed when only the server hangs.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event, exc
from sqlalchemy.engine import ExceptionContext

log = logging.getLogger(__name__)

ANSWER_WAIT_S = 4.0  # how long work waits for the server before the watch asks it
PROBE_TIMEOUT_S = 8  # how long the watch waits for the server to answer (libpq: 2 at least)
POLL_S = 0.5  # how often the watch looks at the connections
THREAD_NAME = "expertenrat-server-watch"


class ServerSilentError(exc.OperationalError):
    """Work the watch ended: the server did not answer it, nor a new connection."""


def is_server_silent(error: exc.DBAPIError) -> bool:
    """The server did not answer: the watch ended the work, or a new connection's
    ``connect_timeout`` ran out."""
    if isinstance(error, ServerSilentError):
        return True
    if not type(error.orig).__module__.startswith("psycopg"):  # SQLite's
        return False
    import psycopg.errors  # loaded already: the error is psycopg's

    return isinstance(error.orig, getattr(psycopg.errors, "ConnectionTimeout", ()))  # 3.2 on


def watch_server(engine: Engine, settings: dict[str, Any]) -> None:
    """Watch the connections of the server engine ``engine`` (see the module); ``settings``:
    the driver settings its connections get besides its URL's."""
    dialect = engine.dialect  # not the engine: the watch's thread keeps no engine alive
    cargs, cparams = dialect.create_connect_args(engine.url)

    def probe() -> None:
        answer = {**cparams, **settings, "connect_timeout": PROBE_TIMEOUT_S}
        dialect.connect(*cargs, **answer).close()

    watch = _Watch(probe)

    @event.listens_for(engine, "connect")
    def _watched(dbapi_connection: Any, _record: object) -> None:
        watch.add(dbapi_connection)

    @event.listens_for(engine, "handle_error", retval=True)
    def _silent(context: ExceptionContext) -> exc.StatementError | None:
        connection = context.connection
        if connection is None or connection.invalidated:
            return None
        if connection.connection.dbapi_connection not in watch.cut:
            return None
        context.is_disconnect = True
        return ServerSilentError(
            context.statement,
            None,
            context.original_exception,  # type: ignore[arg-type]
            hide_parameters=True,
            connection_invalidated=True,
        )


class _Watch:
    def __init__(self, probe: Callable[[], None]) -> None:
        self._probe = probe
        self._connections: weakref.WeakSet[Any] = weakref.WeakSet()
        self.cut: weakref.WeakSet[Any] = weakref.WeakSet()  # shut down by the watch
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        # The watch's thread's own: when each connection began to wait for the server, and
        # when the server last answered the watch.
        self._waiting_since: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
        self._answered = 0.0

    def add(self, connection: Any) -> None:
        with self._lock:
            self._connections.add(connection)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        """Until the engine has no open connection left (disposed): the thread ends."""
        while self._look():
            time.sleep(POLL_S)

    def _look(self) -> bool:
        """One look at the connections; ``False`` when none is open (the thread ends).
        Keeps none of them alive."""
        from psycopg.pq import TransactionStatus

        with self._lock:
            open_ones = [c for c in self._connections if not c.closed]
            if not open_ones:
                self._thread = None
                return False
        now = time.monotonic()
        waiting = self._waiting_since
        for connection in open_ones:
            if connection.info.transaction_status == TransactionStatus.ACTIVE:
                waiting.setdefault(connection, now)
            else:
                waiting.pop(connection, None)
        if any(now - max(since, self._answered) >= ANSWER_WAIT_S for since in waiting.values()):
            if self._answers():
                self._answered = time.monotonic()
            else:
                log.warning("The database server does not answer: its waiting work ends")
                for connection in list(waiting):
                    self._cut(connection)
                waiting.clear()
        return True

    def _answers(self) -> bool:
        """Whether the server answers a new connection within ``PROBE_TIMEOUT_S``: in a
        thread of its own, so that no step of it (a name to look up) keeps the watch."""
        answers: list[bool] = []

        def ask() -> None:
            import psycopg

            try:
                self._probe()
                answers.append(True)
            except psycopg.Error as error:  # a refusal is an answer
                answers.append(_refused_by_server(error))
            except Exception:  # a bug of the question must not end anyone's work
                log.exception("Could not ask the database server whether it answers")
                answers.append(True)

        asking = threading.Thread(target=ask, name=f"{THREAD_NAME}-probe", daemon=True)
        asking.start()
        asking.join(PROBE_TIMEOUT_S + 1)
        return answers == [True]

    def _cut(self, connection: Any) -> None:
        """Shut down the connection's socket: the wait for the server ends with an error,
        in whatever thread waits (the connection itself belongs to that thread)."""
        import psycopg

        if connection.closed:
            return
        self.cut.add(connection)
        try:
            sock = socket.socket(fileno=connection.fileno())
        except (OSError, psycopg.Error):  # closed meanwhile
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            sock.detach()  # the socket stays libpq's to close


def _refused_by_server(error: Exception) -> bool:
    """Whether the server itself refused a new connection (too many connections, a password
    refused, its database closed to new ones): it answered. libpq gives a refusal at
    connect no SQLSTATE, only the server's words after their severity, which a refusal at
    connect always has as FATAL (in German too)."""
    return getattr(error, "sqlstate", None) is not None or "FATAL:" in str(error)
