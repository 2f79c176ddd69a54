"""Many rows into one table with one executemany of a short INSERT.

SQLAlchemy's Core ``insert`` with a list of dicts builds the parameters of every row in
Python (compiled parameter lookup, then the column types' conversions); for the tens of
thousands of rows of a member import that costs more than the database's work. Here the
statement is written once, each column's conversion for the dialect is looked up once, and
the driver gets plain tuples. The values stored are the same as through ``insert``: the
conversions are the column types' own (e.g. SQLite's date and time text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, column names of ``table``) into ``table``."""
    if not rows:
        return
    dialect = connection.dialect
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    defaulted = sorted(c.name for c in table.c if c.default is not None and c.name not in names)
    if defaulted:  # SQLAlchemy would fill them in; the rows must hold them here
        raise ValueError(f"the rows for {table.name} lack {', '.join(defaulted)}")
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle in ("qmark", "numeric") else "%s"
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))})"
    )
    converters = [
        (index, convert, {})  # the rows of an import share their dates and timestamps
        for index, column in enumerate(columns)
        if (convert := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    values = []
    for row in rows:
        if len(row) != len(names):
            raise ValueError(f"the rows for {table.name} differ in their columns")
        value = [row[name] for name in names]
        for index, convert, converted in converters:
            if (plain := value[index]) is not None:
                if plain not in converted:
                    converted[plain] = convert(plain)
                value[index] = converted[plain]
        values.append(tuple(value))
    connection.exec_driver_sql(statement, values)
