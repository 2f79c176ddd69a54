"""Many versioned rows of one table updated, or rows deleted, with one short statement.

The counterpart of :mod:`store.bulk_insert` for an import that changes thousands of
members: SQLite gets an executemany of plain tuples; PostgreSQL one statement that joins
the table with the rows given as arrays (``UPDATE … FROM unnest(…)``, ``DELETE … USING
unnest(…)``), since psycopg's executemany sends one statement per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from expertenrat.store.driver_values import array_parameters, markers, plain_columns


def update_versioned(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], now: datetime
) -> int:
    """UPDATE the records of ``rows`` (each with ``id``, the ``version`` it was read at and
    new values of other columns, the same keys in each) where they still have that version:
    the values, the version raised by one, ``modified`` ``now``. Returns how many records
    were updated (fewer than ``rows``: a version moved)."""
    if not rows:
        return 0
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    names = [name for name in rows[0] if name not in ("id", "version")]
    columns = [table.c.id, table.c.version, *(table.c[name] for name in names)]
    values = plain_columns(dialect, table, columns, rows)
    (stamp,) = plain_columns(dialect, table, [table.c.modified], [{"modified": now}])
    target = quote(table.name)
    if dialect.name == "postgresql":
        aliases = ", ".join(f"v_{n}" for n in range(len(columns)))
        settings = [f"{quote(name)} = v_{n}" for n, name in enumerate(names, start=2)]
        statement = (
            f"UPDATE {target} SET {', '.join(settings)}, version = {target}.version + 1, "
            f"modified = %s FROM unnest({array_parameters(dialect, columns)}) AS v({aliases}) "
            f"WHERE {target}.id = v_0 AND {target}.version = v_1"
        )
        return connection.exec_driver_sql(statement, (*stamp, *values)).rowcount
    marker = markers(dialect, 1)
    settings = [f"{quote(name)} = {marker}" for name in names]
    statement = (
        f"UPDATE {target} SET {', '.join(settings)}, version = version + 1, "
        f"modified = {marker} WHERE id = {marker} AND version = {marker}"
    )
    parameters = list(zip(*values[2:], stamp * len(rows), *values[:2], strict=True))
    return connection.exec_driver_sql(statement, parameters).rowcount


def delete_rows(connection: Connection, table: Table, keys: Sequence[dict[str, Any]]) -> None:
    """DELETE the rows of ``table`` whose columns have the values of one of ``keys`` (dicts
    with the same column names)."""
    if not keys:
        return
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    columns = [table.c[name] for name in keys[0]]
    values = plain_columns(dialect, table, columns, keys)
    target = quote(table.name)
    if dialect.name == "postgresql":
        aliases = [f"v_{n}" for n in range(len(columns))]
        matches = " AND ".join(
            f"{target}.{quote(c.name)} = {alias}" for c, alias in zip(columns, aliases, strict=True)
        )
        statement = (
            f"DELETE FROM {target} USING unnest({array_parameters(dialect, columns)}) "
            f"AS v({', '.join(aliases)}) WHERE {matches}"
        )
        connection.exec_driver_sql(statement, tuple(values))
        return
    marker = markers(dialect, 1)
    matches = " AND ".join(f"{quote(c.name)} = {marker}" for c in columns)
    statement = f"DELETE FROM {target} WHERE {matches}"
    connection.exec_driver_sql(statement, list(zip(*values, strict=True)))
