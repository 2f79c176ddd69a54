"""Rows for databases at an older revision, whose tables the current models may not match."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Connection, MetaData, Table, insert

from expertenrat.store import models

# NOT NULL columns that later migrations dropped, so that no model knows their default.
DROPPED_COLUMN_DEFAULTS = {
    "partners": "",
    "from_item": "",
    "until_item": "",
    "response_text": "",
    "follow_up": "",
    "response_period_days": 56,
}


def add_row(connection: Connection, table_name: str, **values: object) -> int:
    """Insert one row into the table as the database has it now and return its id.

    NOT NULL columns not given take the current model's scalar default (or the one in
    ``DROPPED_COLUMN_DEFAULTS``), so that a row names only what matters to the test.
    """
    table = Table(table_name, MetaData(), autoload_with=connection)
    model_columns = models.Base.metadata.tables[table_name].columns
    row: dict[str, object] = {}
    for column in table.columns:
        if column.primary_key or column.nullable or column.server_default is not None:
            continue
        if column.name in DROPPED_COLUMN_DEFAULTS:
            row[column.name] = DROPPED_COLUMN_DEFAULTS[column.name]
        elif column.name in model_columns:
            default = model_columns[column.name].default
            if default is not None and default.is_scalar:
                row[column.name] = default.arg
    row.update(values)
    key = connection.execute(insert(table).values(**row)).inserted_primary_key
    return key[0] if key else 0


def add_held_meeting(connection: Connection, council_id: int, **values: object) -> int:
    """A meeting held on 10 March 2026 at 16:00, in a schema whose meetings have a calendar
    uid and a public id (revision 0005 on), with ``values`` besides; its id."""
    return add_row(
        connection,
        "meetings",
        council_id=council_id,
        state="held",
        starts_at=datetime(2026, 3, 10, 16),
        uid=str(uuid.uuid4()),
        public_id=str(uuid.uuid4()),
        **values,
    )
