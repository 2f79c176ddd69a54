"""The Auskunft nach Art. 15 DSGVO: everything about one person, on both backends, read
back from the PDF: the person's own records, the council it is headed by, the other
records of the same human; an anonymised person's says what is left. Where the person is
named in meetings, minutes and the audit trail: ``test_person_disclosure_mentions``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from client_statements import recorded_statements
from disclosure_lookup import member_of_new_council, person_number, section_titled
from pdf_reading import text

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.services.person_disclosure import PersonDisclosureService
from expertenrat.services.retention import RetentionService


def test_the_chair_s_auskunft_holds_record_roles_consent_meetings_and_minutes(demo_database, today):
    service = PersonDisclosureService(demo_database, "tester")
    person_id = person_number(service, "Lindqvist")

    disclosure = service.disclosure(person_id, today)

    record = dict(section_titled(disclosure, "Gespeicherte Angaben zur Person").rows)
    assert record["Personennummer"] == str(person_id)
    assert record["E-Mail"] == "katharina.lindqvist@example.org"
    (membership,) = section_titled(disclosure, "Mitgliedschaften und Rollen").rows
    assert membership[:2] == ("Smart City Expert*innenrat", "Vorsitz")
    consents = section_titled(disclosure, "Einwilligungen zur Veröffentlichung (Verlauf)").rows
    assert {(c[1], c[2]) for c in consents} == {
        ("Name und Institution", "erteilt"),
        ("Kontaktdaten", "erteilt"),
    }
    attendance = section_titled(disclosure, "Anwesenheit in Sitzungen").rows
    first = attendance[0][0]
    assert first.startswith("1. Sitzung am ") and attendance[0][1] == "anwesend"
    assert section_titled(disclosure, "Befangenheit und Ausschluss von Beratungen").rows
    mentions = section_titled(disclosure, "Nennungen in Protokollen").rows
    assert (first, "Sitzungsleitung", "–") in mentions
    assert any("Lindqvist eröffnet die Sitzung" in m[2] for m in mentions)
    audit = section_titled(disclosure, "Einträge im Änderungsprotokoll").rows
    assert audit[0][2] == "Mitglied angelegt"
    # only hers: "membership_id": 1 is the start of "membership_id": 10, another's
    assert all("Katharina Lindqvist" in row[3].splitlines()[0] for row in audit)
    assert disclosure.state == ""

    pdf = text(service.disclosure_pdf(person_id, today).pdf)
    assert "Auskunft nach Art. 15 DSGVO" in pdf
    assert f"über Prof. Dr. Katharina Lindqvist (Personennummer {person_id})" in pdf
    assert "katharina.lindqvist@example.org" in pdf
    assert "Sitzungsleitung" in pdf
    assert "Aufsichtsbehörde" in pdf
    # where the data come from and that nothing is decided automatically: Art. 15 (1) g, h
    assert "Herkunft der Daten: Ihre Angaben bei der Berufung" in pdf
    assert "automatisierte Entscheidung im Sinne von Art. 22 DSGVO findet nicht statt" in pdf


def test_an_anonymised_person_s_auskunft_says_what_is_left_and_holds_no_contact_data(
    demo_database, today
):
    service = PersonDisclosureService(demo_database, "tester")
    person_id = person_number(service, "Abendroth")
    before = text(service.disclosure_pdf(person_id, today).pdf)
    assert "friedrich.abendroth@example.org" in before
    later = date(today.year + 3, 1, 1)
    assert RetentionService(demo_database, "tester").anonymise([person_id], later) == 1

    disclosure = service.disclosure(person_id, later)

    assert disclosure.state.startswith("Diese Person wurde am ")
    assert "nach Ablauf der Aufbewahrungsfrist anonymisiert" in disclosure.state
    record = dict(section_titled(disclosure, "Gespeicherte Angaben zur Person").rows)
    assert (record["E-Mail"], record["Telefon"], record["Nachname"]) == ("–", "–", "Abendroth")
    assert not section_titled(disclosure, "Einwilligungen zur Veröffentlichung (Verlauf)").rows
    assert section_titled(disclosure, "Anwesenheit in Sitzungen").rows  # kept for the minutes
    pdf = text(service.disclosure_pdf(person_id, later).pdf)
    assert "Gespeichert bleiben Name, Titel, Institution und Funktion" in pdf
    assert "abendroth@example.org" not in pdf  # nor in the audit trail's entries
    assert [p.anonymised for p in service.persons() if p.person_id == person_id] == [True]


def test_an_unknown_person_is_a_german_message(database, today):
    with pytest.raises(NotFoundError, match="Eine Person mit der Nummer 4711 gibt es"):
        PersonDisclosureService(database, "tester").disclosure(4711, today)


def test_a_long_note_stands_whole_in_the_auskunft(database, today):
    """A table cell shortens what is taller than a page; the Auskunft shortens nothing."""
    services = Services.create(database, "tester")
    words = " ".join(f"Wort{n}" for n in range(2000))  # ~17,000 letters
    member = member_of_new_council(
        services,
        today,
        given_name="Ina",
        family_name="Lang",
        notes=f"Anfang {words} Ende der Notiz",
    )

    pdf = text(services.person_disclosure.disclosure_pdf(member.person_id, today).pdf)

    assert "(vollständig unter der Tabelle, [1])" in pdf
    assert "Wort999 Wort1000" in pdf and "Wort1999 Ende der Notiz" in pdf


def test_the_auskunft_is_headed_by_the_council_it_is_answered_for(demo_database, today):
    """Asked from Rostock's Mitglieder page, the Auskunft of a person whose latest
    membership is elsewhere was headed by that other council (found by a tester)."""
    services = Services.create(demo_database, "tester")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    person_id = person_number(services.person_disclosure, "Asmussen")  # a member in Lübeck

    latest = services.person_disclosure.disclosure(person_id, today)
    asked = services.person_disclosure.disclosure(person_id, today, rostock.id)

    assert "Lübeck" in latest.council_name
    assert asked.council_name == rostock.name


def test_a_name_in_two_scripts_reads_in_the_order_typed(database, today):
    """(found by review) A family name starting in Hebrew, "בן-דוד Ben-David", stood as
    "Ben-David בן-דוד" in its cell: the line ran right to left by its first letter. A text
    with left-to-right letters keeps the German document's direction."""
    services = Services.create(database, "tester")
    member = member_of_new_council(
        services, today, given_name="Noa", family_name="בן-דוד Ben-David"
    )

    pdf = text(services.person_disclosure.disclosure_pdf(member.person_id, today).pdf)

    # the table cell "Nachname" (pypdf reads its two runs without the space between)
    cell = pdf.split("Nachname", 1)[1].split("Institution", 1)[0].replace(" ", "")
    assert cell == "בן-דודBen-David"


def test_the_same_human_recorded_in_another_council_is_named_to_the_secretariat(database, today):
    """A member of two councils is two persons (each council keeps its own record; the
    import and the member dialog match within the council only): the Auskunft about one
    left out the other's data unseen (found by a tester). It now warns, naming the other
    record by its number and council; a namesake without the address is named too."""
    services = Services.create(database, "tester")
    records = {}
    for council_name, city, email in (
        ("Expert*innenrat", "Rostock", "ina@example.org"),
        ("Beirat", "Wismar", "INA@example.org "),
        ("Bürgerrat", "Stralsund", "ina.lang@example.org"),
    ):
        council = services.settings.create_council(
            CouncilSettings(id=None, name=council_name, city=city)
        )
        field = services.settings.action_fields(council.id)[0]
        member = Member(
            id=None,
            given_name="Ina",
            family_name="Lang",
            email=email,
            primary_field_id=field.id,
            term_start=today,
        )
        records[city] = services.members.save(council.id, member, today).person_id
    other = Member(id=None, given_name="Jan", family_name="Kurz", term_start=today)
    services.members.save(council.id, replace(other, primary_field_id=field.id), today)

    warnings = services.person_disclosure.disclosure_pdf(records["Rostock"], today).warnings

    assert warnings == (
        f"Unter Nr. {records['Wismar']} (Beirat) ist eine weitere Person mit derselben "
        "E-Mail-Adresse gespeichert; diese Auskunft nennt ihre Daten nicht. Ist es derselbe "
        "Mensch, gehört deren Auskunft dazu.",
        f"Unter Nr. {records['Stralsund']} (Bürgerrat) ist eine weitere Person mit demselben "
        "Namen gespeichert; diese Auskunft nennt ihre Daten nicht. Ist es derselbe Mensch, "
        "gehört deren Auskunft dazu.",
    )


def test_the_other_records_are_read_with_their_memberships_together(demo_database, today):
    """The look for another record of the same human read each person's memberships on its
    own: after ten years fifty statements (found by a tester)."""
    services = Services.create(demo_database, "tester")
    council = services.settings.councils()[0].id
    chair = next(m for m in services.members.members(council) if m.role.value == "chair")
    persons = services.members.persons(council)

    with recorded_statements(demo_database.engine) as statements:
        PersonDisclosureService(demo_database, "tester").disclosure(chair.person_id, today)

    assert len(persons) > 3
    # the person's own, those the audit trail names, every other record's: not one a person
    assert sum(s.startswith("SELECT memberships.id") for s in statements) <= 3
