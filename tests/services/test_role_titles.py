"""What a council calls its chair and vice chair (Einstellungen: "Bezeichnung Vorsitz",
"Bezeichnung Stellvertretung") is what every document, export and message shows: the
roster, the minutes' list of those present, the Tätigkeitsbericht, the OParl export and the
member checks. They all said "Vorsitz" and "Stellvertretung", whatever the council's own
rules call the roles (found by a tester)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pdf_reading
import pytest
from sqlalchemy import update

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.file_formats import MemberFileFormat
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TODAY = date(2026, 11, 27)  # the demo's day (tests/fixtures/demo_databases.py)
COUNCIL = 1
HELD_WITH_DRAFT = 6  # the demo's 6th meeting: held, its minutes a draft
CHAIR = "Sprecher*in"
VICE = "Stellv. „Sprecher*in“ & <Co> 'x'"


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    services = Services.create(db, "Frau Schulz")
    for choice in services.settings.councils():  # Rostock, and the Lübeck Beirat
        settings = services.settings.settings(choice.id)
        services.settings.update_settings(
            replace(settings, chair_title=CHAIR, vice_chair_title=VICE)
        )
    yield services
    db.close()


def _holder(services: Services, role: MemberRole):
    return next(
        m for m in services.members.members(COUNCIL) if m.role is role and m.is_active(TODAY)
    )


def test_the_roster_names_the_roles_as_the_council_calls_them(services):
    for public in (False, True):
        rendered = services.members.roster_pdf(
            COUNCIL, public=public, grouping=RosterGrouping.ALPHABETICAL, today=TODAY
        )
        text = pdf_reading.text(rendered.pdf)
        assert CHAIR in text
        assert "Stellvertretung" not in text
        if not public:
            assert VICE in text


def test_the_minutes_list_those_present_with_the_councils_titles(services):
    minutes = services.minutes_documents.minutes_pdf(HELD_WITH_DRAFT)
    text = pdf_reading.text(minutes.pdf)
    assert CHAIR in text
    assert "Vorsitz " not in text


def test_the_annual_report_names_the_roles_and_puts_the_chair_first(services):
    report = services.annual_report.report(COUNCIL, 2026, TODAY)
    roles = [entry.role for entry in report.council.members.named]
    assert roles[0] == CHAIR
    assert set(roles) <= {CHAIR, VICE, "Mitglied"}
    assert "Vorsitz" not in roles


def test_the_oparl_export_carries_the_councils_titles(services, tmp_path):
    services.oparl_export.export(tmp_path / "oparl", "https://daten.example.de/oparl/v1")
    roles = {
        membership["role"]
        for path in (tmp_path / "oparl").rglob("*.json")
        for membership in _memberships(json.loads(path.read_text("utf-8")))
    }
    assert roles == {CHAIR, VICE, "Mitglied"}


def test_a_new_title_dates_anew_what_the_export_shows_with_it(services, tmp_path):
    """(found by a tester) A chair's title set anew changed the ``role`` of the chair's
    Membership, and of the Person it is embedded in, but not their ``modified``: a client
    that keeps what it harvested by ``modified`` kept the old title. Their ``modified`` is
    the council's change now, as the Organization's is; a plain member's stays its own."""
    from oparl_client import OParlClient

    base = "https://daten.example.de/oparl/v1"
    long_ago = datetime(2026, 1, 1)
    with services.database.transaction() as session:
        session.execute(update(models.Membership).values(modified=long_ago))
        session.execute(update(models.Person).values(modified=long_ago))
    settings = services.settings.settings(COUNCIL)
    services.settings.update_settings(replace(settings, chair_title="Vorsitzende*r"))

    services.oparl_export.export(tmp_path / "oparl", base)  # a fresh folder: no earlier one
    walk = OParlClient(tmp_path / "oparl", base).run()

    (body,) = [b for b in walk.of_type("Body") if b["name"] == settings.name]
    memberships = walk.of_type("Membership")
    (chair,) = [m for m in memberships if m.get("role") == "Vorsitzende*r"]
    plain = [m for m in memberships if m.get("role") == "Mitglied"]
    (person,) = [p for p in walk.of_type("Person") if p["id"] == chair["person"]]
    assert chair["modified"] == person["modified"] == body["modified"]
    assert plain and all(m["modified"].startswith("2026-01-01T00:00") for m in plain)
    assert body["modified"] > plain[0]["modified"]


def _memberships(obj) -> list[dict]:
    if isinstance(obj, list):
        return [m for item in obj for m in _memberships(item)]
    if not isinstance(obj, dict):
        return []
    found = [obj] if obj.get("type", "").endswith("/Membership") else []
    return found + [m for value in obj.values() for m in _memberships(value)]


def test_a_second_chair_is_refused_in_the_councils_words(services):
    chair = _holder(services, MemberRole.CHAIR)
    other = next(
        m
        for m in services.members.members(COUNCIL)
        if m.role is MemberRole.MEMBER and m.is_active(TODAY)
    )
    with pytest.raises(ValidationError) as raised:
        services.members.save(COUNCIL, replace(other, role=MemberRole.CHAIR), TODAY)
    (problem,) = [p for p in raised.value.problems if p.field == "role"]
    assert problem.message.startswith(f"{CHAIR} hat in dieser Zeit bereits {chair.full_name}.")


def test_a_second_chair_in_an_import_is_refused_in_the_councils_words(services):
    """The import's preview said "Vorsitz hat in dieser Zeit bereits …" in a council whose
    chair is its Sprecher*in (found by a tester)."""
    chair = _holder(services, MemberRole.CHAIR)
    field = services.settings.action_fields(COUNCIL)[0].name
    data = (
        "Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld;Rolle\r\n"
        f"Neue;Sprecherin;01.11.2026;{field};{CHAIR}\r\n"
    ).encode("utf-8-sig")

    preview = services.member_exchange.preview_import(COUNCIL, data, TODAY)

    (row,) = preview.rows
    assert row.status is ImportStatus.ERROR
    assert row.reasons[0].startswith(f"{CHAIR} hat in dieser Zeit bereits {chair.full_name}.")


def test_the_auskunft_and_the_list_of_persons_name_the_role_as_the_council_does(services):
    """The Auskunft's "Mitgliedschaften und Rollen" and ``expertenrat persons`` said
    "Vorsitz" of the council's Sprecher*in (found by a tester)."""
    chair = _holder(services, MemberRole.CHAIR)
    vice = _holder(services, MemberRole.VICE_CHAIR)
    disclosure = services.person_disclosure

    listed = {p.person_id: p.memberships for p in disclosure.persons()}
    for member, title in ((chair, CHAIR), (vice, VICE)):
        text = pdf_reading.text(disclosure.disclosure_pdf(member.person_id, TODAY).pdf)
        assert title in " ".join(text.split())
        assert f": {title} " in listed[member.person_id]
    assert "Vorsitz" not in listed[chair.person_id]


def test_the_excel_list_says_the_titles_and_imports_again_unchanged(services):
    """The members list for Excel names the roles as the council does, and reading it back
    changes nobody's role."""
    from openpyxl import load_workbook

    workbook = services.member_exchange.export(COUNCIL, MemberFileFormat.XLSX)
    sheet = load_workbook(io.BytesIO(workbook)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    roles = {row[header.index("Rolle")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    preview = services.member_exchange.preview_import(
        COUNCIL, workbook, TODAY, MemberFileFormat.XLSX
    )

    assert roles == {CHAIR, VICE, "Mitglied"}
    assert {row.status for row in preview.rows} == {ImportStatus.UNCHANGED}


def test_the_checklist_asks_for_the_chair_by_the_councils_title(services):
    with services.database.transaction() as session:
        session.get(models.Meeting, HELD_WITH_DRAFT).chair_membership_id = None

    lines = services.minutes.checklist(HELD_WITH_DRAFT).missing

    assert f"Die Sitzungsleitung ({CHAIR}) ist nicht angegeben." in [line.text for line in lines]
