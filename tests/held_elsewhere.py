"""A lock another PC's transaction holds on the PostgreSQL server (a table during a restore
or an upgrade, a meeting's row while its minutes are approved), until the test lets go."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from expertenrat.store import lock_wait
from expertenrat.store.database import Database

HOLD_AT_MOST_S = 20  # the lock goes then at the latest (work that waited so long failed)
LOCKED_WITHIN_S = 30  # the other PC's statement on a busy machine


class HeldElsewhere:
    """Another connection's transaction that runs ``statement`` (one that takes a lock)
    and holds what it locked until :meth:`release`; then it rolls back."""

    def __init__(self, url: URL, statement: str, parameters: dict | None = None) -> None:
        self._engine = create_engine(url)
        self._statement = text(statement)
        self._parameters = parameters or {}
        self._locked = threading.Event()
        self._release = threading.Event()
        self.released = threading.Event()
        self._thread = threading.Thread(target=self._hold, name="other-pc")

    def _hold(self) -> None:
        with self._engine.connect() as connection:
            connection.execute(self._statement, self._parameters)
            self._locked.set()
            self._release.wait(HOLD_AT_MOST_S)
            self.released.set()
            connection.rollback()  # the other PC's work failed: nothing of it stays

    def start(self) -> None:
        self._thread.start()
        assert self._locked.wait(LOCKED_WITHIN_S)

    def release_once_waited_for(self) -> None:
        """Let go once another connection waits for the lock, and longer than the window's
        ``LOCK_WAIT_MS`` (the test's: a few milliseconds) after that."""
        while self.waiting() == 0 and not self.released.is_set():
            threading.Event().wait(0.02)
        threading.Event().wait(20 * lock_wait.LOCK_WAIT_MS / 1000)
        self._release.set()

    def release(self) -> None:
        self._release.set()
        self._thread.join()
        self._engine.dispose()

    def waiting(self) -> int:
        """How many other connections wait for a lock in the database."""
        with self._engine.connect() as connection:
            return connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            )


@contextmanager
def held_elsewhere(
    url: URL, statement: str, parameters: dict | None = None
) -> Iterator[HeldElsewhere]:
    held = HeldElsewhere(url, statement, parameters)
    held.start()
    try:
        yield held
    finally:
        held.release()


def lock_wait_of(monkeypatch: pytest.MonkeyPatch, database: Database, ms: int) -> None:
    """The window's work on ``database`` waits at most ``ms`` for a lock from now on: the
    limit is each connection's, set as it is opened, so the pool's open ones are replaced."""
    monkeypatch.setattr(lock_wait, "LOCK_WAIT_MS", ms)
    database.engine.dispose()
