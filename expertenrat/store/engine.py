"""Engines for SQLite and PostgreSQL with the settings that keep data safe.

SQLite: foreign keys on, WAL journal, ``synchronous=FULL`` (a committed change survives a
power cut), a busy timeout for a second program on the same file, and real transactions:
pysqlite's legacy mode would run DDL outside any transaction, so the driver's own
transaction handling is switched off and SQLAlchemy emits ``BEGIN`` itself (the recipe
from the SQLAlchemy SQLite dialect documentation).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from expertenrat.paths import default_database_file

SQLITE_HEADER = b"SQLite format 3\x00"


def database_url(text: str | None) -> URL:
    """Turn what the user gave (a URL, a file path or nothing) into a database URL."""
    if not text:
        return make_url(f"sqlite:///{default_database_file()}")
    if "://" not in text:
        return make_url(f"sqlite:///{Path(text).expanduser().resolve()}")
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or ``None`` for an in-memory database."""
    if not is_sqlite(url) or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def make_engine(url: URL, *, foreign_keys: bool = True) -> Engine:
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout=10000")
        if sqlite_file(url) is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
