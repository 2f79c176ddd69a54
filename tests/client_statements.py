"""Recording the statements SQLAlchemy sends to the database, to count queries in tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Engine, event


@contextmanager
def recorded_statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL of each statement ``engine`` sends inside the ``with`` block, in order."""
    statements: list[str] = []

    def note(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)


@contextmanager
def recorded_executions(engine: Engine) -> Iterator[list[tuple[str, Sequence[object]]]]:
    """As :func:`recorded_statements`, each with the values it was sent with, in order."""
    executions: list[tuple[str, Sequence[object]]] = []

    def note(conn, cursor, statement, parameters, *args) -> None:
        values = parameters.values() if isinstance(parameters, dict) else parameters or ()
        executions.append((statement, tuple(values)))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield executions
    finally:
        event.remove(engine, "before_cursor_execute", note)
