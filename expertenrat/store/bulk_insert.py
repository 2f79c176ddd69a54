"""Many rows into one table with one short INSERT statement.

SQLAlchemy's Core ``insert`` with a list of dicts builds the parameters of every row in
Python (compiled parameter lookup, then the column types' conversions); for the tens of
thousands of rows of a member import that costs more than the database's work. Here the
statement is written once, each column's conversion for the dialect is looked up once, and
the driver gets plain values. The values stored are the same as through ``insert``: the
conversions are the column types' own (e.g. SQLite's date and time text).

SQLite gets the driver's own executemany of the rows (it loops in C). PostgreSQL gets one
``COPY`` for all rows: psycopg's executemany sends one statement per row, which the server
plans, runs and fires its statement triggers for (the audit trail's change notification,
migration 0011) one by one; ``COPY`` is one statement, streams the rows (the stored PDFs of
a large database are over a hundred megabytes) and psycopg writes them in C (an
``INSERT … SELECT * FROM unnest(<one array per column>)`` had psycopg build the arrays in
Python, a second for the 100,000 values of an import of 20,000 members).

A restore has every column of every row as a list of values (:func:`insert_value_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import closing
from datetime import date, datetime, time
from operator import itemgetter
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
    values = plain_columns(dialect, table, columns, rows)
    _write(connection, table, columns, list(zip(*values, strict=True)))


def insert_value_rows(connection: Connection, table: Table, rows: Sequence[list[Any]]) -> None:
    """Insert ``rows``, each a list of the values of all columns in the order of
    ``table.columns``. Values that the column types convert for the driver are replaced by
    the converted ones in these lists (a restore's rows are used once)."""
    if not rows:
        return
    columns = list(table.columns)
    for index, convert in _converters(columns, connection.dialect):
        for row in rows:
            value = row[index]
            if value is not None:
                row[index] = convert(value)
    _write(connection, table, columns, rows)


def _write(
    connection: Connection, table: Table, columns: Sequence[Column], rows: Sequence[Sequence[Any]]
) -> None:
    """``rows`` (driver values of ``columns``, tuples or lists) into ``table`` in the
    connection's transaction: the driver's executemany on SQLite, a ``COPY`` on PostgreSQL."""
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    into = f"{quote(table.name)} ({', '.join(quote(c.name) for c in columns)})"
    if not connection.in_transaction():
        connection.begin()  # as a statement through SQLAlchemy would
    if dialect.name == "postgresql":
        statement = f"COPY {into} FROM STDIN"
    else:
        statement = f"INSERT INTO {into} VALUES ({markers(dialect, len(columns))})"
    with closing(connection.connection.driver_connection.cursor()) as cursor:
        try:
            if dialect.name != "postgresql":
                cursor.executemany(statement, rows)
            else:
                with cursor.copy(statement) as copy:
                    for row in rows:
                        copy.write_row(row)
        except dialect.loaded_dbapi.Error as error:  # raised as SQLAlchemy's statements raise
            raise exc.DBAPIError.instance(
                statement, None, error, dialect.loaded_dbapi.Error, hide_parameters=True
            ) from error


def plain_columns(
    dialect: Dialect, table: Table, columns: Sequence[Column], rows: Sequence[dict[str, Any]]
) -> list[list[Any]]:
    """The values of ``rows`` (dicts keyed by the names of ``columns``) for the driver, one
    list per column."""
    if any(len(row) != len(columns) for row in rows):
        raise ValueError(f"the rows for {table.name} differ in their columns")
    values = [list(map(itemgetter(column.name), rows)) for column in columns]
    for index, convert in _converters(columns, dialect):
        converted: dict[Any, Any] = {}  # the rows of an import share dates and timestamps
        plain = values[index]
        for n, value in enumerate(plain):
            if value is not None:
                if value not in converted:
                    converted[value] = convert(value)
                plain[n] = converted[value]
    return values


def markers(dialect: Dialect, count: int) -> str:
    """``count`` parameter markers of the driver's style, separated by commas."""
    return ", ".join(["?" if dialect.paramstyle in ("qmark", "numeric") else "%s"] * count)


def array_parameters(dialect: Dialect, columns: Sequence[Column]) -> str:
    """One PostgreSQL array parameter per column (binary: psycopg's text arrays escape each
    value in Python), cast to the column's type without length or precision: a cast to
    ``VARCHAR(200)`` would cut a longer value where the statement's own conversion refuses
    it. The values are the lists of :func:`plain_columns`."""
    types = (re.sub(r"\s*\([^)]*\)", "", c.type.compile(dialect=dialect)) for c in columns)
    return ", ".join(f"%b::{name}[]" for name in types)


def _converters(columns: Sequence[Column], dialect: Dialect) -> list[tuple[int, Any]]:
    """(index, conversion) of the columns whose type converts values for ``dialect``."""
    return [
        (index, convert)
        for index, column in enumerate(columns)
        if (convert := _converter(column, dialect)) is not None
    ]


def _converter(column: Column, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The conversion of ``column``'s values for ``dialect``, or ``None`` if there is none.

    SQLite's date and time types format each value through a dict and ``%`` (twice the
    time of ``isoformat``; a restore converts over 100,000 timestamps). Where ``isoformat``
    writes the same text (checked on a sample with microseconds, so a
    custom storage format keeps its own conversion), naive values of the column's exact
    Python type take that path; anything else still goes through the type's conversion.
    """
    convert = column.type.dialect_impl(dialect).bind_processor(dialect)
    if convert is None:
        return None
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return convert
    sample = _ISO_SAMPLES.get(kind)
    if sample is None:
        return convert
    isoformat, arguments = kind.isoformat, _ISO_ARGUMENTS[kind]
    if convert(sample) != isoformat(sample, *arguments):
        return convert

    def converted(value: Any) -> Any:
        if type(value) is kind and (kind is date or value.tzinfo is None):
            return isoformat(value, *arguments)
        return convert(value)

    return converted


_ISO_SAMPLES = {
    datetime: datetime(2001, 2, 3, 4, 5, 6, 7),
    date: date(2001, 2, 3),
    time: time(4, 5, 6, 7),
}
_ISO_ARGUMENTS = {datetime: (" ", "microseconds"), date: (), time: ("microseconds",)}
