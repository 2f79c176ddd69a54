"""The consent ledger: form edits, imports and the rule that a withdrawal is never undone
by an older file. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from expertenrat.domain.consent import ConsentEntry
from expertenrat.domain.enums import ConsentKind, ConsentSource
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.store import models

GRANTED_ON = date(2025, 3, 1)
WITHDRAWN_ON = date(2026, 11, 20)
HEADER = (
    "Vorname;Nachname;E-Mail;Amtszeit Beginn;Primäres Handlungsfeld;"
    "Kontakt veröffentlichen;Zustimmung Kontakt am"
)


@pytest.fixture
def exchange(database, actor) -> MemberExchangeService:
    return MemberExchangeService(database, actor)


def csv_file(*lines: str) -> bytes:
    return "\r\n".join(lines).encode("utf-8-sig") + b"\r\n"


def history(members_service, member) -> list[tuple]:
    """The ledger of the member's person, newest first, without the time of recording."""
    return [
        (e.kind, e.granted, e.on, e.source, e.actor)
        for e in members_service.consent_history(member.person_id)
    ]


def ledger_size(database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(models.ConsentEntry)) or 0


@pytest.fixture
def anna(members_service, council, new_member, today):
    """Anna, who consented to publish her contact data on 1 March 2025 (through the form)."""
    draft = new_member(
        email="anna@example.org", publish_contact=True, publish_contact_on=GRANTED_ON
    )
    return members_service.save(council.id, draft, today)


def withdraw_contact(members_service, council, member, today):
    withdrawn = replace(member, publish_contact=False, publish_contact_on=WITHDRAWN_ON)
    return members_service.save(council.id, withdrawn, today)


# --- the form -----------------------------------------------------------------------------


def test_a_new_member_with_consent_gets_a_form_entry_with_actor_and_time(
    members_service, anna, actor
):
    (entry,) = members_service.consent_history(anna.person_id)

    assert entry == ConsentEntry(
        ConsentKind.CONTACT, True, GRANTED_ON, ConsentSource.FORM, actor, entry.recorded_at
    )
    assert entry.recorded_at.tzinfo is None  # stored as UTC, naive


def test_withdrawing_in_the_form_adds_an_entry_and_the_latest_is_the_state(
    members_service, council, anna, actor, today
):
    saved = withdraw_contact(members_service, council, anna, today)

    assert history(members_service, anna) == [
        (ConsentKind.CONTACT, False, WITHDRAWN_ON, ConsentSource.FORM, actor),
        (ConsentKind.CONTACT, True, GRANTED_ON, ConsentSource.FORM, actor),
    ]
    assert (saved.publish_contact, saved.publish_contact_on) == (False, WITHDRAWN_ON)


def test_saving_without_a_consent_change_adds_no_entry(
    members_service, council, anna, database, today
):
    before = ledger_size(database)

    members_service.save(council.id, replace(anna, phone="+49 381 1"), today)

    assert ledger_size(database) == before


def test_each_kind_and_a_corrected_date_are_entries_of_their_own(
    members_service, council, anna, actor, today
):
    changed = replace(
        anna,
        publish_name=True,
        publish_name_on=date(2025, 2, 1),
        publish_contact_on=date(2025, 2, 1),
    )

    members_service.save(council.id, changed, today)

    assert sorted(history(members_service, anna)[:2]) == sorted(
        [
            (ConsentKind.NAME, True, date(2025, 2, 1), ConsentSource.FORM, actor),
            (ConsentKind.CONTACT, True, date(2025, 2, 1), ConsentSource.FORM, actor),
        ]
    )


def test_a_member_without_consent_has_no_entries(members_service, council, new_member, today):
    member = members_service.save(council.id, new_member(), today)

    assert members_service.consent_history(member.person_id) == []


def test_deleting_a_member_deletes_the_persons_ledger(
    members_service, council, anna, database, today
):
    withdraw_contact(members_service, council, anna, today)

    members_service.delete(members_service.member(anna.id))

    assert ledger_size(database) == 0


def test_demo_consents_are_recorded_as_demo(demo_database):
    with demo_database.reading() as session:
        sources = set(session.scalars(select(models.ConsentEntry.source)))
        persons_with_name = session.scalar(
            select(func.count()).where(models.Person.publish_name.is_(True))
        )
        name_grants = session.scalar(
            select(func.count()).where(
                models.ConsentEntry.kind == "name", models.ConsentEntry.granted.is_(True)
            )
        )
    assert sources == {"demo"}
    assert name_grants == persons_with_name == 9 + 3  # Rostock and Lübeck


# --- the import: the reproduction of issue 6 ----------------------------------------------


def test_reimporting_an_old_export_cannot_undo_a_withdrawal(
    exchange, members_service, council, anna, database, today
):
    old_export = exchange.export_csv(council.id)
    withdraw_contact(members_service, council, anna, today)
    entries = ledger_size(database)

    preview = exchange.preview_import(council.id, old_export, today)

    (row,) = preview.rows
    assert row.status is ImportStatus.ERROR
    assert row.reasons == (
        "Kontaktdaten: Einwilligung wurde am 20.11.2026 widerrufen; die Datei enthält eine "
        "ältere Einwilligung vom 01.03.2025.",
    )
    with pytest.raises(DataEntryError, match="1 Zeile hat Fehler; es wurde nichts importiert"):
        exchange.apply_import(council.id, preview, today, accept_consent_changes=True)
    stored = members_service.member(anna.id)
    assert (stored.publish_contact, stored.publish_contact_on) == (False, WITHDRAWN_ON)
    assert ledger_size(database) == entries


def test_a_grant_without_a_date_after_a_withdrawal_is_refused(
    exchange, members_service, council, anna, today
):
    withdraw_contact(members_service, council, anna, today)
    data = csv_file(HEADER, "Anna;Berg;anna@example.org;01.01.2025;Stadtdaten;ja;")

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.ERROR
    assert row.reasons == (
        "Kontaktdaten: Einwilligung wurde am 20.11.2026 widerrufen; die Datei enthält eine "
        "Einwilligung ohne Datum.",
    )


def test_a_grant_newer_than_the_withdrawal_is_listed_and_recorded_as_import(
    exchange, members_service, council, anna, actor, today
):
    withdraw_contact(members_service, council, anna, today)
    data = csv_file(HEADER, "Anna;Berg;anna@example.org;01.01.2025;Stadtdaten;ja;25.11.2026")

    preview = exchange.preview_import(council.id, data, today)
    exchange.apply_import(council.id, preview, today, accept_consent_changes=True)

    (row,) = preview.rows
    assert row.status is ImportStatus.UPDATE and row.reasons == ()
    assert [c.text for c in row.consent_changes] == [
        "Kontaktdaten: erteilt am 25.11.2026 (bisher: widerrufen am 20.11.2026)"
    ]
    assert history(members_service, anna)[0] == (
        ConsentKind.CONTACT,
        True,
        date(2026, 11, 25),
        ConsentSource.IMPORT,
        actor,
    )
    assert members_service.member(anna.id).publish_contact is True


# --- the import: confirmation -------------------------------------------------------------


def test_an_import_that_grants_consent_saves_nothing_without_confirmation(
    exchange, members_service, council, anna, database, today
):
    data = csv_file(
        HEADER,
        "Anna;Berg;anna@example.org;01.01.2025;Stadtdaten;ja;01.03.2025",
        "Jan;Brandt;jan@example.org;01.01.2025;Stadtdaten;ja;01.06.2025",
    )
    preview = exchange.preview_import(council.id, data, today)
    entries = ledger_size(database)

    with pytest.raises(DataEntryError) as raised:
        exchange.apply_import(council.id, preview, today)

    assert [row.line for row in preview.consent_rows] == [3]
    assert raised.value.message.startswith("Zeile 3 ändert Einwilligungen zur Veröffentlichung.")
    assert "Es wurde nichts importiert." in raised.value.message
    assert [m.family_name for m in members_service.members(council.id)] == ["Berg"]
    assert ledger_size(database) == entries


def test_a_withdrawal_in_a_file_is_a_consent_change_too(exchange, council, anna, today):
    data = csv_file(HEADER, "Anna;Berg;anna@example.org;01.01.2025;Stadtdaten;nein;20.11.2026")

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.changed and row.reasons == ()
    assert [c.text for c in row.consent_changes] == [
        "Kontaktdaten: widerrufen am 20.11.2026 (bisher: erteilt am 01.03.2025)"
    ]
    with pytest.raises(DataEntryError):
        exchange.apply_import(council.id, exchange.preview_import(council.id, data, today), today)


def test_consent_columns_are_not_among_the_ordinary_changes(
    exchange, members_service, council, anna, actor, today
):
    data = csv_file(
        HEADER + ";Telefon",
        "Anna;Berg;anna@example.org;01.01.2025;Stadtdaten;nein;20.11.2026;+49 381 2",
    )

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.reasons == ("Ändert: Telefon",)
    assert len(row.consent_changes) == 1
