"""A SQLite schema and its rows as plain data, for comparing two databases regardless of
order."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

_CHECK = re.compile(r"(?:CONSTRAINT (\w+) )?CHECK \(")


def sqlite_schema(path: Path) -> dict[str, object]:
    """Per table: columns (by name), indexes (by columns), foreign keys and CHECK clauses.

    What is compared is what SQLite enforces, not the text or the order of a CREATE
    statement (a migration appends a column at the end, ``create_all`` follows the model).
    """
    connection = sqlite3.connect(path)
    try:
        shape: dict[str, object] = {}
        tables = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
        for table, sql in tables:
            shape[table] = {
                "columns": {
                    row[1]: row[2:]  # type, notnull, default, pk, hidden
                    for row in connection.execute(f'PRAGMA table_xinfo("{table}")')
                },
                "indexes": _indexes(connection, table),
                "foreign_keys": sorted(
                    row[2:] for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')
                ),
                "checks": _checks(sql),
                "autoincrement": "AUTOINCREMENT" in sql.upper(),  # ids never given twice
            }
        others = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index')"
        ).fetchall()
        shape["(triggers and views)"] = sorted(others)
        return shape
    finally:
        connection.close()


def sqlite_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table but SQLite's counters and Alembic's revision."""
    connection = sqlite3.connect(path)
    try:
        names = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT IN ('sqlite_sequence', 'alembic_version')"
        ).fetchall()
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for (name,) in names
        }
    finally:
        connection.close()


def _indexes(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """(columns with order and collation, unique, origin, partial clause, name if named)."""
    indexes = []
    for _seq, name, unique, origin, partial in connection.execute(f'PRAGMA index_list("{table}")'):
        columns = tuple(
            row[2:] for row in connection.execute(f'PRAGMA index_xinfo("{name}")') if row[5]
        )
        where = None
        if partial:
            (sql,) = connection.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
            ).fetchone()
            where = " ".join(sql.split(" WHERE ", 1)[1].split())
        # SQLite names the index behind a UNIQUE constraint after its position.
        label = None if name.startswith("sqlite_autoindex_") else name
        indexes.append((columns, unique, origin, where, label))
    return sorted(indexes, key=repr)


def _checks(sql: str) -> list[tuple[str | None, str]]:
    """Every CHECK clause of a CREATE TABLE statement: (constraint name, condition)."""
    checks = []
    for match in _CHECK.finditer(sql):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            end += 1
        checks.append((match.group(1), " ".join(sql[match.end() : end - 1].split())))
    return sorted(checks, key=repr)
