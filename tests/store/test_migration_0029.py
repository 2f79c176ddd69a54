"""Migration 0029 on SQLite and PostgreSQL: the table ``appointment_periods`` (a period
ending before it starts is refused, deleting the council takes its periods along);
downgrading drops it and keeps the council."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from old_schema import add_row
from schema_reads import table_names
from sqlalchemy import column, delete, exc, func, select, table

from expertenrat.store import migrate


def _period(**values: object) -> dict[str, object]:
    return {"name": "Berufungsperiode 2024–2027", "starts_on": date(2024, 9, 25),
            "public_id": str(uuid.uuid4()), **values}  # fmt: skip


def test_0029_adds_appointment_periods_and_downgrades(engine_at):
    url, engine = engine_at("0028")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        kept = add_row(connection, "councils", name="Beirat", city="Wismar")

    migrate.upgrade(url, "0029")

    with engine.begin() as connection:
        add_row(connection, "appointment_periods", council_id=council,
                **_period(ends_on=date(2027, 9, 24)))  # fmt: skip
        add_row(connection, "appointment_periods", council_id=kept, **_period())
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        add_row(connection, "appointment_periods", council_id=council,
                **_period(starts_on=date(2027, 9, 25), ends_on=date(2027, 9, 24)))  # fmt: skip
    with engine.begin() as connection:
        councils = table("councils", column("id"))
        connection.execute(delete(councils).where(councils.c.id == council))
        count = select(func.count()).select_from(table("appointment_periods"))
        assert connection.scalar(count) == 1

    migrate.downgrade(url, "0028")

    assert "appointment_periods" not in table_names(url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(table("councils"))) == 1
        assert migrate.current_revision(connection) == "0028"
    migrate.upgrade(url)
