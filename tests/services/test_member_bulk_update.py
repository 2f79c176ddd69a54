"""An import that changes many members writes each table with a few statements, checks every
version in the UPDATE itself, and records what changed as before."""

from __future__ import annotations

from dataclasses import replace

import pytest
from client_statements import recorded_statements
from server_statements import count_statements, statements_seen
from sqlalchemy import select

from expertenrat.domain.errors import ConcurrentEditError
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.services.member_rows import membership_rows
from expertenrat.services.member_writes import write_members
from expertenrat.services.unit_of_work import changing
from expertenrat.store import models

HEADER = (
    "Vorname;Nachname;E-Mail;Telefon;Amtszeit Beginn;Primäres Handlungsfeld;Weitere Handlungsfelder"
)


def _file(count: int, phone: str, further: str) -> bytes:
    lines = [HEADER] + [
        f"Zoë {n};O'Brien & <Söhne> {n};p{n}@example.org;{phone}{n};01.01.2025;Stadtdaten;{further}"
        for n in range(count)
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_sixty_changed_members_take_a_few_statements(database, actor, council, today):
    exchange = MemberExchangeService(database, actor)
    first = exchange.preview_import(council.id, _file(60, "0381 1-", "Umwelt"), today)
    before = exchange.apply_import(council.id, first, today).created
    changed = exchange.preview_import(council.id, _file(60, "0381 2-", "Soziale Stadt"), today)
    assert changed.counts.update == 60
    with recorded_statements(database.engine) as sent:
        updated = exchange.apply_import(council.id, changed, today).updated
    writes = ("INSERT", "UPDATE", "DELETE")
    statements = [s for s in sent if s.lstrip().upper().startswith(writes)]

    # persons, memberships, further fields out and in, audit entries, the import's own entry
    assert len(statements) <= 6
    assert [m.phone for m in updated] == [f"0381 2-{n}" for n in range(60)]
    assert [(m.version, m.person_version) for m in updated] == [(2, 2)] * 60
    soziale_stadt = {m.further_field_ids for m in updated}
    assert len(soziale_stadt) == 1 and soziale_stadt != {m.further_field_ids for m in before}
    with database.reading() as session:
        stored = {r.id: r for r in membership_rows(session, council.id).values()}
        assert {(r.person.phone, r.version, r.person.version) for r in stored.values()} == {
            (f"0381 2-{n}", 2, 2) for n in range(60)
        }
    entry = next(
        e
        for e in AuditService(database).entries("membership", updated[0].id)
        if e.action.value == "update"
    )
    assert (entry.before["phone"], entry.after["phone"]) == ("0381 1-0", "0381 2-0")
    assert entry.before["further_field_ids"] != entry.after["further_field_ids"]
    assert (entry.before["version"], entry.after["version"]) == (1, 2)


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_the_server_runs_one_statement_per_table_and_kind(database, actor, council, today):
    exchange = MemberExchangeService(database, actor)
    first = exchange.preview_import(council.id, _file(60, "0381 1-", "Umwelt"), today)
    exchange.apply_import(council.id, first, today)
    changed = exchange.preview_import(council.id, _file(60, "0381 2-", "Soziale Stadt"), today)
    count_statements(
        database,
        [
            ("persons", "UPDATE"),
            ("memberships", "UPDATE"),
            ("membership_further_fields", "DELETE"),
            ("membership_further_fields", "INSERT"),
            ("audit_entries", "INSERT"),
        ],
    )

    assert len(exchange.apply_import(council.id, changed, today).updated) == 60

    assert statements_seen(database) == {
        ("persons", "UPDATE"): 1,
        ("memberships", "UPDATE"): 1,
        ("membership_further_fields", "DELETE"): 1,
        ("membership_further_fields", "INSERT"): 1,
        ("audit_entries", "INSERT"): 2,
    }


def test_a_version_that_moves_while_writing_refuses_everything(
    database, actor, council, today, new_member, members_service
):
    if database.is_sqlite:  # the other save could not commit in between: it would wait
        pytest.skip("SQLite: a writing transaction holds the file's write lock from its start")
    anna = members_service.save(council.id, new_member(phone="1"), today)
    berg = members_service.save(council.id, new_member("Bert", "Berg", phone="2"), today)

    with pytest.raises(ConcurrentEditError), changing(database, "Der Import") as session:
        rows = membership_rows(session, council.id)  # read: Anna at version 1
        members_service.save(council.id, replace(anna, phone="3"), today)  # someone else
        write_members(
            session,
            actor,
            council.id,
            [replace(anna, phone="4"), replace(berg, phone="5")],
            rows,
        )

    with database.reading() as session:
        phones = set(session.scalars(select(models.Person.phone)))
    assert phones == {"3", "2"}  # the other change stands, nothing of ours was written
