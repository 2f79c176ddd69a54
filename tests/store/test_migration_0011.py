"""Migration 0011: PostgreSQL notifies listeners of every committed audit entry (SQLite: no-op)."""

from __future__ import annotations

from sqlalchemy import text

from expertenrat.store import migrate
from expertenrat.store.engine import is_sqlite


def _triggers(connection) -> list[str]:
    if connection.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    return list(connection.execute(text(query)).scalars())


def test_0011_adds_the_notify_trigger_on_postgresql_and_downgrades(engine_at):
    url, engine = engine_at("head")
    with engine.connect() as connection:
        expected = [] if is_sqlite(url) else ["audit_entries_notify"]
        assert _triggers(connection) == expected
    migrate.downgrade(url, "0010")
    with engine.connect() as connection:
        assert _triggers(connection) == []
        assert migrate.current_revision(connection) == "0010"
