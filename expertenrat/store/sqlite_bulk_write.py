"""SQLite's fast way to write a whole database's rows into an empty file (a restore): the
journal mode switched and the indexes built once the rows are in (see
:mod:`expertenrat.store.bulk_transaction`)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Connection

from expertenrat.store.engine import BUSY_TIMEOUT_MS


def dropped_indexes(connection: Connection) -> list[str]:
    """Drop the SQLite indexes of the schema (not those of its tables' own key and unique
    constraints, which SQLite makes itself); the statements that create them again."""
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).all()
    for name, _statement in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [statement for _name, statement in indexes]


def journal_mode(connection: Connection, mode: str) -> bool:
    """Switch a SQLite connection's journal mode outside any transaction; ``True`` if done.

    Leaving the write-ahead log needs the file to itself: with another connection open
    the switch fails at once (no waiting for the busy timeout) and nothing changes.
    """
    dbapi = connection.connection.dbapi_connection
    try:
        dbapi.execute("PRAGMA busy_timeout=0")
        return dbapi.execute(f"PRAGMA journal_mode={mode}").fetchone()[0] == mode
    except sqlite3.OperationalError:
        return False
    finally:
        dbapi.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
