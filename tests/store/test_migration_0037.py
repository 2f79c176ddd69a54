"""Migration 0037 on SQLite and PostgreSQL: the audit trail gets an index on
(``entity``, ``entity_id``) and keeps its entries; downgrading drops the index."""

from __future__ import annotations

from datetime import datetime

from old_schema import add_row
from sqlalchemy import Connection, func, inspect, select, table

from expertenrat.store import migrate

INDEX = "ix_audit_entries_entity_entity_id"


def test_0037_indexes_one_records_audit_entries_and_downgrades(engine_at):
    url, engine = engine_at("0036")
    with engine.begin() as connection:
        add_row(
            connection, "audit_entries", at=datetime(2026, 3, 10, 16), actor="Sekretariat",
            action="update", entity="invitation", entity_id=7, summary="Einladung <geändert>",
        )  # fmt: skip
        assert INDEX not in _indexes(connection)

    migrate.upgrade(url, "0037")

    with engine.connect() as connection:
        assert _indexes(connection)[INDEX] == ["entity", "entity_id"]
        assert _entries(connection) == 1

    migrate.downgrade(url, "0036")

    with engine.connect() as connection:
        assert INDEX not in _indexes(connection)
        assert _entries(connection) == 1
        revision = migrate.current_revision(connection)
    assert revision == "0036"
    migrate.upgrade(url)


def _indexes(connection: Connection) -> dict[str, list[str]]:
    return {
        index["name"]: index["column_names"]
        for index in inspect(connection).get_indexes("audit_entries")
    }


def _entries(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(table("audit_entries"))).scalar_one()
