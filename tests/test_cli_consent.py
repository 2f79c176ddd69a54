"""The command line never grants consent by accident: issue 6's reproduction, the
confirmation flag and the dry run (SQLite files, as the secretariat's PC holds them)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from cli_runs import assert_one_line_error, import_arguments
from cli_runs import run_script as run
from test_cli_members import stored, write_csv

from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

HEADER = (
    "Vorname;Nachname;E-Mail;Amtszeit Beginn;Primäres Handlungsfeld;"
    "Kontakt veröffentlichen;Zustimmung Kontakt am"
)
NEW_GRANT = "Anna;Berg;anna@example.org;01.01.2026;Stadtdaten;ja;02.11.2026"


@pytest.fixture
def database(demo_file) -> str:
    return str(demo_file)


def ledger(database: str) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT person_id, kind, granted, effective_on, source FROM consent_entries ORDER BY id"
        ).fetchall()
    connection.close()
    return rows


def withdraw_contact(database: str, family_name: str, on: date) -> None:
    """What the secretariat does in the member dialog when a member withdraws consent."""
    db = open_database(database_url(database))
    try:
        services = Services.create(db, "Frau Schulz")
        council_id = services.settings.councils()[0].id
        member = next(
            m for m in services.members.members(council_id) if m.family_name == family_name
        )
        assert member.publish_contact
        withdrawn = replace(member, publish_contact=False, publish_contact_on=on)
        services.members.save(council_id, withdrawn, date.today())
    finally:
        db.close()


def test_reimporting_an_old_export_does_not_make_a_withdrawn_contact_public(database, tmp_path):
    old_export = tmp_path / "mitglieder.csv"
    assert (
        run("--database", database, "export", "members", "--out", str(old_export)).returncode == 0
    )
    withdraw_contact(database, "Lindqvist", date.today())
    before = (stored(database), ledger(database))

    for extra in ((), ("--accept-consent-changes",)):
        result = run(*import_arguments(database, "members", old_export, *extra))

        assert_one_line_error(result, "1 Zeile hat Fehler; es wurde nichts importiert.")
        (line,) = [line for line in result.stdout.splitlines() if "Fehler" in line]
        assert "Lindqvist: Kontaktdaten: Einwilligung wurde am " in line
        assert "widerrufen; die Datei enthält eine ältere Einwilligung vom " in line
        assert (stored(database), ledger(database)) == before


def test_an_import_that_grants_consent_needs_the_flag_and_saves_nothing_without(database, tmp_path):
    file = write_csv(tmp_path / "neu.csv", HEADER, NEW_GRANT)
    before = (stored(database), ledger(database))

    result = run(*import_arguments(database, "members", file))

    assert_one_line_error(
        result,
        "Die Datei ändert Einwilligungen zur Veröffentlichung (Zeile 2); es wurde nichts "
        "importiert. Prüfen Sie die Änderungen und bestätigen Sie sie mit "
        "--accept-consent-changes.",
    )
    assert result.stdout.splitlines() == [
        "Zeile 2: neu – Anna Berg",
        "Zeile 2: Einwilligung – Kontaktdaten: erteilt am 02.11.2026 (bisher: keine)",
    ]
    assert (stored(database), ledger(database)) == before


def test_a_dry_run_reports_consent_changes_in_their_own_lines(database, tmp_path):
    file = write_csv(tmp_path / "neu.csv", HEADER, NEW_GRANT)
    before = (stored(database), ledger(database))

    result = run(*import_arguments(database, "members", file, "--dry-run"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Zeile 2: neu – Anna Berg",
        "Zeile 2: Einwilligung – Kontaktdaten: erteilt am 02.11.2026 (bisher: keine)",
        "Probelauf: 1 neu, 0 zu ändern, 0 unverändert. Es wurde nichts gespeichert.",
        "Einwilligungsänderungen in Zeile 2: der Import braucht --accept-consent-changes.",
    ]
    assert (stored(database), ledger(database)) == before


def test_with_the_flag_the_grant_is_saved_and_recorded_as_an_import(database, tmp_path):
    file = write_csv(tmp_path / "neu.csv", HEADER, NEW_GRANT)
    entries = len(ledger(database))

    result = run(*import_arguments(database, "members", file, "--accept-consent-changes"))

    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.splitlines()[-1] == "Importiert: 1 neu angelegt, 0 geändert, 0 unverändert."
    )
    new_entries = ledger(database)[entries:]
    assert [(kind, granted, on, source) for _, kind, granted, on, source in new_entries] == [
        ("contact", 1, "2026-11-02", "import")
    ]
