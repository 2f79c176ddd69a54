"""An import of many new members writes each table with a few statements, not one per row."""

from __future__ import annotations

import pytest
from server_statements import count_statements, statements_seen
from sqlalchemy import event, select

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
    tables = ("persons", "memberships", "membership_further_fields", "audit_entries")
    count_statements(database, [(table, "INSERT") for table in tables])
    exchange = MemberExchangeService(database, actor)
    preview = exchange.preview_import(council.id, _file(60), today)
    statements_seen(database)

    assert len(exchange.apply_import(council.id, preview, today).created) == 60

    # one for the members' audit entries, one for the import's own entry
    assert statements_seen(database) == {
        ("persons", "INSERT"): 1,
        ("memberships", "INSERT"): 1,
        ("membership_further_fields", "INSERT"): 1,
        ("audit_entries", "INSERT"): 2,
    }
