"""Counting the statements the PostgreSQL server runs on tables, by statement triggers.

psycopg's executemany sends one statement per row: counting on the client (SQLAlchemy's
cursor events) would see one. A statement trigger of the test's own sees what the server
planned and ran (and what fires the audit trail's notify trigger, migration 0011).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text

from expertenrat.store.database import Database


def count_statements(database: Database, tables: Iterable[tuple[str, str]]) -> None:
    """Count from now on each ``(table, "INSERT"|"UPDATE"|"DELETE")`` statement."""
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE statements_seen (name text, kind text)"))
        connection.execute(
            text(
                "CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "INSERT INTO statements_seen VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$"
            )
        )
        for table, kind in tables:
            connection.execute(
                text(
                    f"CREATE TRIGGER count_{kind.lower()}s AFTER {kind} ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION count_statement()"
                )
            )


def statements_seen(database: Database) -> dict[tuple[str, str], int]:
    """How many statements of each table and kind ran since the count began or was reset;
    resets the count."""
    with database.engine.begin() as connection:
        seen = connection.execute(
            text("SELECT name, kind, count(*) FROM statements_seen GROUP BY name, kind")
        ).all()
        connection.execute(text("DELETE FROM statements_seen"))
    return {(name, kind): count for name, kind, count in seen}
