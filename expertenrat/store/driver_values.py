"""Rows' values as the database driver takes them, for the short statements of
:mod:`store.bulk_insert` and :mod:`store.bulk_update`: each column's conversion for the
dialect looked up once (the column types' own, with a faster path where ``isoformat``
writes the same text), one list of values per column, the driver's parameter markers and
PostgreSQL's array parameters."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Dialect


def plain_columns(
    dialect: Dialect, table: Table, columns: Sequence[Column], rows: Sequence[dict[str, Any]]
) -> list[list[Any]]:
    """The values of ``rows`` (dicts keyed by the names of ``columns``) for the driver, one
    list per column."""
    if any(len(row) != len(columns) for row in rows):
        raise ValueError(f"the rows for {table.name} differ in their columns")
    values = [list(map(itemgetter(column.name), rows)) for column in columns]
    for index, convert in converters(columns, dialect):
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


def converters(columns: Sequence[Column], dialect: Dialect) -> list[tuple[int, Any]]:
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
