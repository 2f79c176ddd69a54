"""Counting the round trips to a PostgreSQL server, from libpq's trace of each connection.

SQLAlchemy's cursor events (``client_statements``) see the statements the program runs,
not what the driver and the pool send beside them: psycopg's ``BEGIN``, the ``ROLLBACK``
of a connection given back, the pool's ping. Each waits for the server's answer, a round
trip of its own (20 ms over a city's VPN). libpq's trace shows every message the client
sends: a round trip ends each ``Query`` (simple protocol) and each ``Sync`` (extended).
Connections opened meanwhile are counted apart (a new connection costs several).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from psycopg import pq
from sqlalchemy import event
from sqlalchemy.pool import Pool


@dataclass
class RoundTrips:
    """What the connections sent: ``sent`` the texts of the round trips in order (a
    statement's SQL, ``";"`` for the pool's ping), ``opened`` the new connections."""

    sent: list[str] = field(default_factory=list)
    opened: int = 0

    def count(self) -> int:
        return len(self.sent)

    def kinds(self) -> Counter[str]:
        """How many round trips each kind took: BEGIN, ROLLBACK, COMMIT, ping, statement."""
        return Counter(_kind(text) for text in self.sent)


def _kind(text: str) -> str:
    if not text.strip(" ;"):
        return "ping"
    word = text.split(None, 1)[0].upper()
    return word if word in ("BEGIN", "ROLLBACK", "COMMIT") else "statement"


class Tracer:
    """libpq's trace of each connection, each into a file of its own."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="round-trips-"))
        self._files = 0
        self._traced: dict[int, tuple[object, Path]] = {}  # id(connection): (it, its file)
        self._opened = 0

    def opened(self, dbapi_connection, _record) -> None:
        self._opened += 1
        self._trace(dbapi_connection)

    def checked_out(self, dbapi_connection, _record, _proxy) -> None:
        self._trace(dbapi_connection)  # one opened before the count (after its ping)

    def closing(self, dbapi_connection, _record) -> None:
        if id(dbapi_connection) in self._traced and not dbapi_connection.closed:
            dbapi_connection.pgconn.untrace()  # the rest of its trace written out

    def _trace(self, dbapi_connection) -> None:
        pgconn = getattr(dbapi_connection, "pgconn", None)
        if pgconn is None or dbapi_connection.closed:
            return
        known = self._traced.get(id(dbapi_connection))
        if known is not None and known[0] is dbapi_connection:
            return
        self._files += 1
        path = self._folder / f"{self._files}.trace"
        pgconn.trace(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # closed by untrace
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        self._traced[id(dbapi_connection)] = (dbapi_connection, path)

    def take(self, *, trace_on: bool = True) -> RoundTrips:
        """The round trips since the last take; the open connections traced on. Only while
        no connection is at work (a worker's read): libpq's are not to be shared."""
        taken = RoundTrips(opened=self._opened)
        self._opened = 0
        traced, self._traced = self._traced, {}
        for connection, path in traced.values():
            if not connection.closed:
                connection.pgconn.untrace()
            taken.sent.extend(_round_trips(path.read_text(errors="replace")))
            path.unlink()
            if trace_on and not connection.closed:
                self._trace(connection)
        return taken


@contextmanager
def traced_connections() -> Iterator[Tracer]:
    """Trace every PostgreSQL connection of every engine inside the ``with`` block: those
    opened in it from their opening on, others (already in a pool) from their checkout on,
    after the pool's ping (not counted). ``take()`` what they sent. A connection closed
    outside its pool (one it gave away) loses what its trace had not yet written."""
    tracer = Tracer()
    listeners = [
        ("connect", tracer.opened),
        ("checkout", tracer.checked_out),
        ("close", tracer.closing),
    ]
    for name, listener in listeners:
        event.listen(Pool, name, listener, insert=True)
    try:
        yield tracer
    finally:
        for name, listener in listeners:
            event.remove(Pool, name, listener)
        tracer.take(trace_on=False)


def _round_trips(trace: str) -> Iterator[str]:
    """The text of each round trip in a trace (its lines as ``F<tab>length<tab>message<tab>
    fields``): a simple query's, or the statement parsed before a ``Sync`` (none for one
    psycopg prepared before), without the count of its parameters that follows it on the
    line. A statement on lines of its own leaves its first empty."""
    prepared = "(prepared statement)"
    statement = prepared
    for line in trace.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0] != "F":
            continue
        fields = parts[3].strip() if len(parts) > 3 else ""
        if parts[2] == "Query":
            yield fields.strip('"') or "(statement)"
        elif parts[2] == "Parse":  # "name" "statement" count of parameters [their types]
            text = fields.split('" "', 1)[-1]
            statement = re.sub(r'"(?: \d+)+$', "", text) or "(statement)"
        elif parts[2] == "Sync":
            yield statement
            statement = prepared
