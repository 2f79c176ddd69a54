"""Another PC's program connected to a PostgreSQL database, doing nothing: what an upgrade
must not overlook (see expertenrat.store.other_connections)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import URL


@contextmanager
def connected_elsewhere(url: URL, program: str) -> Iterator[None]:
    """A connection to ``url`` that names itself ``program``, open for the block."""
    engine = create_engine(url, connect_args={"application_name": program})
    try:
        with engine.connect():
            yield
    finally:
        engine.dispose()
