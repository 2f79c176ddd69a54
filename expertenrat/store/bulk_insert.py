"""Many rows into one table with one short INSERT statement.

SQLAlchemy's Core ``insert`` with a list of dicts builds the parameters of every row in
Python (compiled parameter lookup, then the column types' conversions); for the tens of
thousands of rows of a member import that costs more than the database's work. Here the
statement is written once, each column's conversion for the dialect is looked up once, and
the driver gets plain values (:mod:`store.driver_values`). The values stored are the same
as through ``insert``: the conversions are the column types' own (e.g. SQLite's date and
time text).

SQLite gets the driver's own executemany of the rows (it loops in C). PostgreSQL gets one
``COPY`` for all rows: psycopg's executemany sends one statement per row, which the server
plans, runs and fires its statement triggers for (the audit trail's change notification,
migration 0011) one by one; ``COPY`` is one statement, streams the rows (the stored PDFs of
a large database are over a hundred megabytes) and psycopg writes them in C (an
``INSERT … SELECT * FROM unnest(<one array per column>)`` had psycopg build the arrays in
Python, a second for the 100,000 values of an import of 20,000 members).

A restore has every column of every row as a list of values (:func:`insert_value_rows`).

At the end of each ``COPY`` the server still checks the foreign keys and adds the index
entries of all its rows; :func:`written_behind` lets one thread wait for that while the
caller builds the next table's rows.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Future
from contextlib import closing, contextmanager
from typing import Any, Protocol, TypeVar

from sqlalchemy import Column, Table, exc
from sqlalchemy.engine import Connection, Dialect

from expertenrat.store.driver_values import converters, markers, plain_columns

T = TypeVar("T")


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, column names of ``table``) into ``table``,
    in their order."""
    if rows:
        _write(connection, table, *_driver_rows(connection.dialect, table, rows))


class BulkWriter(Protocol):
    """The writes of :func:`written_behind`, in the order of the calls."""

    def insert(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` into ``table`` as :func:`insert_rows` does."""

    def query(self, work: Callable[[Connection], T]) -> Callable[[], T]:
        """Run ``work`` on the connection after the writes before it; the function returned
        waits for its result (or raises its error)."""


@contextmanager
def written_behind(connection: Connection) -> Iterator[BulkWriter]:
    """A :class:`BulkWriter` whose writes are done in the order of its calls; on PostgreSQL
    by one background thread, so that the caller builds the next rows while the server
    answers a query or finishes a ``COPY`` (psycopg waits for it without holding the GIL).

    From the first call to the end of the block the caller must not use ``connection``.
    Leaving the block waits for the writes; an insert's error (the later writes are
    skipped) is raised there or by the next call, as :func:`insert_rows` raises it. If the
    block raises, the writes not yet begun are skipped. SQLite does each write at once (its
    driver holds the GIL while it writes).
    """
    if connection.dialect.name != "postgresql":
        yield _Immediate(connection)
        return
    writer = _BackgroundWriter(connection)
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
    finally:
        writer.join()
    writer.raise_error()


def insert_value_rows(connection: Connection, table: Table, rows: Sequence[list[Any]]) -> None:
    """Insert ``rows``, each a list of the values of all columns in the order of
    ``table.columns``. Values that the column types convert for the driver are replaced by
    the converted ones in these lists (a restore's rows are used once)."""
    if not rows:
        return
    columns = list(table.columns)
    for index, convert in converters(columns, connection.dialect):
        for row in rows:
            value = row[index]
            if value is not None:
                row[index] = convert(value)
    _write(connection, table, columns, rows)


def _driver_rows(
    dialect: Dialect, table: Table, rows: Sequence[dict[str, Any]]
) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """The columns named by the keys of ``rows`` and the rows' values for the driver."""
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    defaulted = sorted(c.name for c in table.c if c.default is not None and c.name not in names)
    if defaulted:  # SQLAlchemy would fill them in; the rows must hold them here
        raise ValueError(f"the rows for {table.name} lack {', '.join(defaulted)}")
    values = plain_columns(dialect, table, columns, rows)
    return columns, list(zip(*values, strict=True))


class _Immediate:
    """The :class:`BulkWriter` of SQLite: each write at once."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def insert(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        insert_rows(self._connection, table, rows)

    def query(self, work: Callable[[Connection], T]) -> Callable[[], T]:
        result = work(self._connection)
        return lambda: result


class _BackgroundWriter:
    """The :class:`BulkWriter` of PostgreSQL: one thread doing the writes."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        # Each job: what it does, and what it does instead when it is skipped.
        self._jobs: queue.SimpleQueue[tuple[Callable[[], object], Callable[[], object]] | None]
        self._jobs = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._work, name="bulk insert", daemon=True)

    def insert(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        self.raise_error()
        if rows:
            columns, values = _driver_rows(self._connection.dialect, table, rows)
            self._put(lambda: _write(self._connection, table, columns, values), _nothing)

    def query(self, work: Callable[[Connection], T]) -> Callable[[], T]:
        self.raise_error()
        done: Future[T] = Future()

        def run() -> None:
            try:
                done.set_result(work(self._connection))
            except BaseException as error:
                done.set_exception(error)
                raise

        def result() -> T:
            try:
                return done.result()
            except CancelledError:  # skipped after an earlier write's error
                self.raise_error()
                raise

        self._put(run, done.cancel)
        return result

    def join(self) -> None:
        """Wait for the writes."""
        if self._thread.ident is not None:
            self._jobs.put(None)
            self._thread.join()

    def cancel(self) -> None:
        """Skip the writes not yet begun."""
        self._cancelled = True

    def raise_error(self) -> None:
        """Raise the first error of a write, if any."""
        if self._error is not None:
            raise self._error

    def _put(self, run: Callable[[], object], skip: Callable[[], object]) -> None:
        if self._thread.ident is None:
            if not self._connection.in_transaction():
                self._connection.begin()  # here: the thread must not change the connection
            self._thread.start()
        self._jobs.put((run, skip))

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            run, skip = job
            if self._error is not None or self._cancelled:
                skip()
                continue
            try:
                run()
            except BaseException as error:  # raised in the caller's thread
                self._error = error


def _nothing() -> None:
    pass


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
