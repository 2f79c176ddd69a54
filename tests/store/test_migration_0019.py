"""Migration 0019 on SQLite and PostgreSQL: the codes no recommendation holds any more go
from the audit trail into a table of their own (so a code is never handed out twice
without reading the whole audit trail); downgrading drops the table."""

from __future__ import annotations

import json
from datetime import datetime

from old_schema import add_row
from sqlalchemy import inspect, select

from expertenrat.store import migrate, models

RETIRED = models.RetiredRecommendationCode.__table__


def _audit(connection, council: int | None, action: str, before: object) -> None:
    add_row(
        connection,
        "audit_entries",
        at=datetime(2026, 12, 2, 12, 0),
        actor="tester",
        action=action,
        entity="recommendation",
        council_id=council,
        before=before if before is None or isinstance(before, str) else json.dumps(before),
    )


def test_0019_keeps_the_retired_codes_of_the_audit_trail_and_downgrades(engine_at):
    url, engine = engine_at("0018")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat & <Rostock>", city="Rostock")
        other = add_row(connection, "councils", name="Wismar", city="Wismar")
        add_row(connection, "recommendations", council_id=council, code="E-2026-02",
                title="Gilt", public_id="p-1")  # fmt: skip
        _audit(connection, council, "delete", {"code": "E-2026-01", "title": "Weg"})
        _audit(connection, council, "update", {"code": "E-2025-02"})  # renumbered
        _audit(connection, council, "update", {"code": "E-2026-02"})  # still held
        _audit(connection, council, "update", {"code": "E-2026-01"})  # twice named
        _audit(connection, other, "delete", {"code": "E-2026-01"})
        _audit(connection, council, "create", None)
        _audit(connection, council, "delete", "kein JSON")
        _audit(connection, None, "delete", {"code": "E-2020-01"})  # no council

    migrate.upgrade(url, "0019")

    with engine.begin() as connection:
        rows = connection.execute(
            select(RETIRED.c.council_id, RETIRED.c.code).order_by(
                RETIRED.c.council_id, RETIRED.c.code
            )
        ).all()
        assert [tuple(r) for r in rows] == [
            (council, "E-2025-02"),
            (council, "E-2026-01"),
            (other, "E-2026-01"),
        ]

    migrate.downgrade(url, "0018")

    with engine.connect() as connection:
        assert "retired_recommendation_codes" not in inspect(connection).get_table_names()
        assert migrate.current_revision(connection) == "0018"
