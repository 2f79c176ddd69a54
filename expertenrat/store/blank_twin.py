"""The empty twin of a database without a schema yet: its schema in memory, read instead.

One in-memory SQLite database with the same SQL functions, shared by the connections of
every thread, so that reads in the worker (the change poll) find its tables too.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from expertenrat.store.engine import make_engine, shared_memory_uri


class BlankTwin:
    """Made on the first read (:meth:`engine`), kept until :meth:`close`."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._keeper: sqlite3.Connection | None = None  # holds the memory database
        self._lock = threading.Lock()

    def engine(self) -> Engine:
        with self._lock:  # the first reads may come from two threads at once
            if self._engine is None:
                from expertenrat.store.models import Base

                name = f"expertenrat-blank-{uuid.uuid4().hex}"
                uri = shared_memory_uri(name)
                self._keeper = sqlite3.connect(uri, uri=True, check_same_thread=False)
                blank = make_engine(URL.create("sqlite"), shared_memory=name)
                Base.metadata.create_all(blank)
                self._engine = blank  # only with its tables: reads then need no lock
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self._keeper is not None:
            self._keeper.close()
