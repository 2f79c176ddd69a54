"""An import of many new members writes each table with a few statements, not one per row."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.store import models

HEADER = (
    "Vorname;Nachname;E-Mail;Rolle;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld;"
    "Weitere Handlungsfelder"
)


def _file(count: int) -> bytes:
    lines = [HEADER] + [
        f"Zoë {n};O'Brien & <Söhne> {n};p{n}@example.org;;01.01.2025;;Stadtdaten;Umwelt"
        for n in range(count)
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_sixty_new_members_take_a_few_insert_statements(database, actor, council, today):
    exchange = MemberExchangeService(database, actor)
    preview = exchange.preview_import(council.id, _file(60), today)
    inserts: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            inserts.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        created = exchange.apply_import(council.id, preview, today).created
    finally:
        event.remove(database.engine, "before_cursor_execute", count)

    assert len(inserts) <= 6  # persons, memberships, audit entries (+ the import's own entry)
    assert [m.family_name for m in created] == [f"O'Brien & <Söhne> {n}" for n in range(60)]
    with database.reading() as session:
        stored = dict(
            session.execute(
                select(models.Membership.id, models.Person.family_name).join(models.Person)
            ).all()
        )
        audited = set(
            session.scalars(
                select(models.AuditEntry.entity_id).where(models.AuditEntry.action == "create")
            )
        )
    assert {m.id: m.family_name for m in created} == stored
    assert {m.id for m in created} <= audited


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_the_server_runs_one_insert_statement_per_table(database, actor, council, today):
    """psycopg's executemany sends one statement per row: the server then plans each row and
    fires the audit trail's notify trigger (a statement trigger) once per row. Counted here
    by statement triggers of the test's own on the server."""
    tables = ("persons", "memberships", "membership_further_fields", "audit_entries")
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE statements_seen (name text)"))
        connection.execute(
            text(
                "CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN INSERT INTO statements_seen VALUES (TG_TABLE_NAME); RETURN NULL; END $$"
            )
        )
        for table in tables:
            connection.execute(
                text(
                    f"CREATE TRIGGER count_statements AFTER INSERT ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION count_statement()"
                )
            )
    exchange = MemberExchangeService(database, actor)
    preview = exchange.preview_import(council.id, _file(60), today)
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM statements_seen"))

    assert len(exchange.apply_import(council.id, preview, today).created) == 60

    with database.engine.connect() as connection:
        seen = connection.execute(
            text("SELECT name, count(*) FROM statements_seen GROUP BY name")
        ).all()
    # one for the members' audit entries, one for the import's own entry
    assert dict(seen) == {
        "persons": 1,
        "memberships": 1,
        "membership_further_fields": 1,
        "audit_entries": 2,
    }
