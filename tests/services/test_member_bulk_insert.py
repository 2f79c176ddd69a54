"""An import of many new members writes each table with a few statements, not one per row."""

from __future__ import annotations

from sqlalchemy import event, select

from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.store import models

HEADER = "Vorname;Nachname;E-Mail;Rolle;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld"


def test_sixty_new_members_take_a_few_insert_statements(database, actor, council, today):
    exchange = MemberExchangeService(database, actor)
    lines = [HEADER] + [
        f"Zoë {n};O'Brien & <Söhne> {n};p{n}@example.org;;01.01.2025;;Stadtdaten" for n in range(60)
    ]
    preview = exchange.preview_import(council.id, ("\r\n".join(lines) + "\r\n").encode(), today)
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
