"""Over-long or odd values are refused by validation on every backend, never by the database."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from expertenrat.domain.councils import ActionField
from expertenrat.domain.errors import DataEntryError, ValidationError
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.store import models

# The reproductions of issue 6: each passed validation and then broke PostgreSQL's INSERT.
OVERLONG = {
    "phone": ("Telefon", "0" * 101, "Die Telefonnummer darf höchstens 100 Zeichen haben."),
    "title": ("Titel", "Dr. " * 26, "Der Titel darf höchstens 100 Zeichen haben."),
    "form_of_address": ("Anrede", "F" * 51, "Die Anrede darf höchstens 50 Zeichen haben."),
    "affiliation": ("Institution", "I" * 301, "Die Institution darf höchstens 300 Zeichen haben."),
    "position": ("Funktion", "P" * 301, "Die Funktion darf höchstens 300 Zeichen haben."),
    "email": (
        "E-Mail",
        "a" * 64 + "@" + "b" * 253 + ".de",
        "Die E-Mail-Adresse darf höchstens 320 Zeichen haben.",
    ),
}


def persons(database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(models.Person)) or 0


@pytest.mark.parametrize("field", list(OVERLONG))
def test_saving_an_overlong_value_is_refused_by_validation(
    members_service, council, new_member, today, database, field
):
    _, value, message = OVERLONG[field]

    with pytest.raises(ValidationError) as raised:
        members_service.save(council.id, new_member(**{field: value}), today)

    assert [(p.field, p.message) for p in raised.value.problems if not p.warning] == [
        (field, message)
    ]
    assert persons(database) == 0


@pytest.mark.parametrize("field", list(OVERLONG))
def test_the_import_preview_names_row_and_column_of_an_overlong_value(
    database, actor, council, fields, today, field
):
    column, value, message = OVERLONG[field]
    data = (
        f"Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld;{column}\r\n"
        f"Anna;Berg;01.01.2025;Stadtdaten;ok\r\n"
        f"Ben;Kurz;01.01.2025;Stadtdaten;{value}\r\n"
    ).encode()
    if field == "email":
        data = data.replace(b";ok\r\n", b";anna@example.org\r\n")
    exchange = MemberExchangeService(database, actor)

    preview = exchange.preview_import(council.id, data, today)

    row = {row.line: row for row in preview.rows}[3]
    assert row.status is ImportStatus.ERROR
    assert row.reasons == (f"Spalte „{column}“: {message}",)
    with pytest.raises(DataEntryError):  # nothing is written while any row has an error
        exchange.apply_import(council.id, preview, today)
    assert persons(database) == 0


def test_an_import_that_skipped_validation_is_still_refused_before_the_database(
    database, actor, council, fields, today
):
    exchange = MemberExchangeService(database, actor)
    data = "Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld\nAnna;Berg;1.1.2025;Stadtdaten"
    preview = exchange.preview_import(council.id, data.encode(), today)
    (row,) = preview.rows
    forged = replace(preview, rows=(replace(row, member=replace(row.member, phone="0" * 101)),))

    with pytest.raises(ValidationError, match="Die Telefonnummer darf höchstens 100 Zeichen"):
        exchange.apply_import(council.id, forged, today)

    assert persons(database) == 0


def test_a_name_typed_in_nfd_is_stored_in_nfc(members_service, council, new_member, today):
    nfd = unicodedata.normalize("NFD", "Jörg Müller-Lüdenscheidt")

    saved = members_service.save(
        council.id, new_member(given_name=nfd.split()[0], family_name=nfd.split()[1]), today
    )

    stored = members_service.member(saved.id)
    assert (stored.given_name, stored.family_name) == ("Jörg", "Müller-Lüdenscheidt")


def test_an_imported_name_in_nfd_is_stored_in_nfc(database, actor, council, fields, today):
    exchange = MemberExchangeService(database, actor)
    name = unicodedata.normalize("NFD", "Lüdenscheidt")
    data = (
        "Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld\r\n"
        f"Jörg;{name};01.01.2025;Stadtdaten\r\n"
    ).encode()

    preview = exchange.preview_import(council.id, data, today)
    (created,) = exchange.apply_import(council.id, preview, today).created

    with database.reading() as session:
        stored = session.scalar(select(models.Person.family_name))
    assert stored == created.family_name == "Lüdenscheidt"


@pytest.mark.parametrize("char", ["\x1b", "\x00", "\u202e", "\u2066"])
def test_control_characters_are_refused_before_the_database(
    members_service, council, new_member, today, database, char
):
    with pytest.raises(ValidationError, match="Der Nachname enthält ein unsichtbares"):
        members_service.save(council.id, new_member(family_name=f"Berg{char}"), today)

    assert persons(database) == 0


def test_line_breaks_are_refused_in_one_line_fields_but_kept_in_the_address(
    members_service, council, new_member, today
):
    with pytest.raises(ValidationError, match="Die Funktion muss in einer Zeile stehen"):
        members_service.save(council.id, new_member(position="Leitung\nIT"), today)

    saved = members_service.save(
        council.id, new_member(postal_address="Am Markt 1\r\n18055 Rostock\tHof"), today
    )
    assert members_service.member(saved.id).postal_address == "Am Markt 1\n18055 Rostock\tHof"


def test_a_term_start_outside_1900_to_2100_is_refused(
    members_service, council, new_member, today, database
):
    with pytest.raises(ValidationError, match="zwischen 1900 und 2100"):
        members_service.save(council.id, new_member(term_start=date(1025, 1, 1)), today)

    assert persons(database) == 0


def test_an_imported_consent_date_outside_the_range_names_row_and_column(
    database, actor, council, fields, today
):
    exchange = MemberExchangeService(database, actor)
    data = (
        "Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld;Zustimmung Name am\r\n"
        "Anna;Berg;01.01.2025;Stadtdaten;01.01.2202\r\n"
    ).encode()

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.ERROR
    assert row.reasons == (
        "Spalte „Zustimmung Name am“: Das Datum der Einwilligung (Name) (01.01.2202) muss "
        "zwischen 1900 und 2100 liegen.",
    )


def test_overlong_council_settings_are_refused_by_validation(settings_service, council):
    with pytest.raises(ValidationError, match="Der Kurzname darf höchstens 50 Zeichen"):
        settings_service.update_settings(replace(council, short_name="K" * 51))

    assert settings_service.settings(council.id).short_name == ""


def test_settings_are_stored_in_nfc(settings_service, council):
    nfd = unicodedata.normalize("NFD", "Lübeck")

    updated = settings_service.update_settings(replace(council, city=nfd))

    assert updated.city == settings_service.settings(council.id).city == "Lübeck"


def test_an_overlong_action_field_name_is_refused_by_validation(settings_service, council):
    with pytest.raises(ValidationError, match="höchstens 100 Zeichen"):
        settings_service.add_action_field(council.id, "H" * 101, "#123456")

    field: ActionField = settings_service.action_fields(council.id)[0]
    with pytest.raises(ValidationError, match="unsichtbares Steuerzeichen"):
        settings_service.update_action_field(replace(field, name="Um\u202ewelt"))
