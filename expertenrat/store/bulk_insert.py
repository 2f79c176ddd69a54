"""Many rows into one table with one short INSERT statement.

SQLAlchemy's Core ``insert`` with a list of dicts builds the parameters of every row in
Python (compiled parameter lookup, then the column types' conversions); for the tens of
thousands of rows of a member import that costs more than the database's work. Here the
statement is written once, each column's conversion for the dialect is looked up once, and
the driver gets plain values. The values stored are the same as through ``insert``: the
conversions are the column types' own (e.g. SQLite's date and time text).

SQLite gets an executemany of plain tuples (its driver loops in C). PostgreSQL gets one
statement for all rows, ``INSERT … SELECT * FROM unnest(<one array per column>)``: psycopg's
executemany sends one statement per row, which the server plans, runs and fires its
statement triggers for (the audit trail's change notification, migration 0011) one by one.

A restore has every column of every row as a list of values (:func:`insert_value_rows`);
on PostgreSQL these go through ``COPY``, which streams them (the stored PDFs of a large
database are over a hundred megabytes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Table, exc
from sqlalchemy.engine import Connection, Dialect


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, column names of ``table``) into ``table``,
    in their order."""
    if not rows:
        return
    dialect = connection.dialect
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    defaulted = sorted(c.name for c in table.c if c.default is not None and c.name not in names)
    if defaulted:  # SQLAlchemy would fill them in; the rows must hold them here
        raise ValueError(f"the rows for {table.name} lack {', '.join(defaulted)}")
    converters = [
        (index, convert, {})  # the rows of an import share their dates and timestamps
        for index, convert in _converters(columns, dialect)
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
    quote = dialect.identifier_preparer.quote
    into = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)})"
    if dialect.name == "postgresql":
        arrays = ", ".join(f"%b::{_array_type(column, dialect)}" for column in columns)
        statement = f"{into} SELECT * FROM unnest({arrays})"
        connection.exec_driver_sql(statement, tuple(list(c) for c in zip(*values, strict=True)))
        return
    marker = "?" if dialect.paramstyle in ("qmark", "numeric") else "%s"
    connection.exec_driver_sql(f"{into} VALUES ({', '.join([marker] * len(columns))})", values)


def insert_value_rows(connection: Connection, table: Table, rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows``, each the values of all columns in the order of ``table.columns``."""
    if not rows:
        return
    dialect = connection.dialect
    columns = list(table.columns)
    values = list(zip(*rows, strict=True))  # column by column: one pass per conversion
    for index, convert in _converters(columns, dialect):
        values[index] = tuple(map(convert, values[index]))
    values = list(zip(*values, strict=True))
    quote = dialect.identifier_preparer.quote
    into = f"{quote(table.name)} ({', '.join(quote(c.name) for c in columns)})"
    if dialect.name != "postgresql":
        marker = "?" if dialect.paramstyle in ("qmark", "numeric") else "%s"
        statement = f"INSERT INTO {into} VALUES ({', '.join([marker] * len(columns))})"
        connection.exec_driver_sql(statement, values)
        return
    statement = f"COPY {into} FROM STDIN"
    cursor = connection.connection.driver_connection.cursor()  # in this transaction
    try:
        with cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except dialect.loaded_dbapi.Error as error:  # raised as SQLAlchemy's statements raise
        raise exc.DBAPIError.instance(
            statement, None, error, dialect.loaded_dbapi.Error, hide_parameters=True
        ) from error


def _converters(columns: Sequence[Column], dialect: Dialect) -> list[tuple[int, Any]]:
    """(index, conversion) of the columns whose type converts values for ``dialect``."""
    return [
        (index, convert)
        for index, column in enumerate(columns)
        if (convert := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]


def _array_type(column: Column, dialect: Dialect) -> str:
    """The column's type as an array type without length or precision: an explicit cast to
    ``VARCHAR(200)`` would cut a longer value, the INSERT's own conversion refuses it."""
    return re.sub(r"\s*\([^)]*\)", "", column.type.compile(dialect=dialect)) + "[]"
