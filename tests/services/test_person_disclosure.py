"""The Auskunft nach Art. 15 DSGVO: everything about one person, on both backends, read
back from the PDF; an anonymised person's says what is left."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from pdf_reading import text

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingState, Sector
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.services.person_disclosure import PersonDisclosureService
from expertenrat.services.retention import RetentionService
from expertenrat.store import models


def _person(service: PersonDisclosureService, family_name: str) -> int:
    (found,) = [p.person_id for p in service.persons() if p.name.endswith(family_name)]
    return found


def _section(disclosure, title: str):
    (found,) = [s for s in disclosure.sections if s.title == title]
    return found


def test_the_audit_entries_name_the_role_as_the_council_calls_it(demo_database, today):
    """(found by a tester) a Beirat whose chair is its "Sprecher*in": the Auskunft's
    memberships said so, its audit entries "Rolle: Vorsitz"."""
    services = Services.create(demo_database, "Geschäftsstelle")
    first = services.settings.settings(services.settings.councils()[0].id)
    services.settings.update_settings(replace(first, chair_title="Sprecher*in"))
    service = PersonDisclosureService(demo_database)

    disclosure = service.disclosure(_person(service, "Lindqvist"), today)

    fields = "\n".join(
        row[3] for row in _section(disclosure, "Einträge im Änderungsprotokoll").rows
    )
    assert "Rolle: Sprecher*in" in fields
    assert "Rolle: Vorsitz" not in fields


def test_the_audit_entries_name_the_records_they_refer_to_without_internal_numbers(
    demo_database, today
):
    """(found by a tester) the Auskunft read "Tagesordnungspunkt (Nr.): 49", a row id that
    means nothing to the person who asked."""
    service = PersonDisclosureService(demo_database)

    pdf = " ".join(text(service.disclosure_pdf(_person(service, "Lindqvist"), today).pdf).split())

    assert "(Nr.)" not in pdf and "Nr.:" not in pdf
    assert "Tagesordnungspunkt: TOP 7 „Digitaler Zwilling Rostock:" in pdf
    assert "Sitzung: 1. Sitzung am " in pdf
    assert "Mitglied: Prof. Dr. Katharina Lindqvist" in pdf


def test_the_chair_s_auskunft_holds_record_roles_consent_meetings_and_minutes(demo_database, today):
    service = PersonDisclosureService(demo_database)
    person_id = _person(service, "Lindqvist")

    disclosure = service.disclosure(person_id, today)

    record = dict(_section(disclosure, "Gespeicherte Angaben zur Person").rows)
    assert record["Personennummer"] == str(person_id)
    assert record["E-Mail"] == "katharina.lindqvist@example.org"
    (membership,) = _section(disclosure, "Mitgliedschaften und Rollen").rows
    assert membership[:2] == ("Smart City Expert*innenrat", "Vorsitz")
    consents = _section(disclosure, "Einwilligungen zur Veröffentlichung (Verlauf)").rows
    assert {(c[1], c[2]) for c in consents} == {
        ("Name und Institution", "erteilt"),
        ("Kontaktdaten", "erteilt"),
    }
    attendance = _section(disclosure, "Anwesenheit in Sitzungen").rows
    first = attendance[0][0]
    assert first.startswith("1. Sitzung am ") and attendance[0][1] == "anwesend"
    assert _section(disclosure, "Befangenheit und Ausschluss von Beratungen").rows
    mentions = _section(disclosure, "Nennungen in Protokollen").rows
    assert (first, "Sitzungsleitung", "–") in mentions
    assert any("Lindqvist eröffnet die Sitzung" in m[2] for m in mentions)
    audit = _section(disclosure, "Einträge im Änderungsprotokoll").rows
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
    service = PersonDisclosureService(demo_database)
    person_id = _person(service, "Abendroth")
    before = text(service.disclosure_pdf(person_id, today).pdf)
    assert "friedrich.abendroth@example.org" in before
    later = date(today.year + 3, 1, 1)
    assert RetentionService(demo_database, "tester").anonymise([person_id], later) == 1

    disclosure = service.disclosure(person_id, later)

    assert disclosure.state.startswith("Diese Person wurde am ")
    assert "nach Ablauf der Aufbewahrungsfrist anonymisiert" in disclosure.state
    record = dict(_section(disclosure, "Gespeicherte Angaben zur Person").rows)
    assert (record["E-Mail"], record["Telefon"], record["Nachname"]) == ("–", "–", "Abendroth")
    assert not _section(disclosure, "Einwilligungen zur Veröffentlichung (Verlauf)").rows
    assert _section(disclosure, "Anwesenheit in Sitzungen").rows  # kept for the minutes
    pdf = text(service.disclosure_pdf(person_id, later).pdf)
    assert "Gespeichert bleiben Name, Titel, Institution und Funktion" in pdf
    assert "abendroth@example.org" not in pdf  # nor in the audit trail's entries
    assert [p.anonymised for p in service.persons() if p.person_id == person_id] == [True]


def test_an_unknown_person_is_a_german_message(database, today):
    with pytest.raises(NotFoundError, match="Eine Person mit der Nummer 4711 gibt es"):
        PersonDisclosureService(database).disclosure(4711, today)


def test_a_long_note_stands_whole_in_the_auskunft(database, today):
    """A table cell shortens what is taller than a page; the Auskunft shortens nothing."""
    services = Services.create(database, "tester")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    field = services.settings.action_fields(council.id)[0]
    words = " ".join(f"Wort{n}" for n in range(2000))  # ~17,000 letters
    member = services.members.save(
        council.id,
        Member(
            id=None,
            given_name="Ina",
            family_name="Lang",
            notes=f"Anfang {words} Ende der Notiz",
            primary_field_id=field.id,
            term_start=today,
        ),
        today,
    )

    pdf = text(services.person_disclosure.disclosure_pdf(member.person_id, today).pdf)

    assert "(vollständig unter der Tabelle, [1])" in pdf
    assert "Wort999 Wort1000" in pdf and "Wort1999 Ende der Notiz" in pdf


def test_a_guest_in_another_council_s_meeting_is_found_and_names_that_council(demo_database, today):
    services = Services.create(demo_database, "tester")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]  # its minutes not yet approved
    services.attendance.save_guest(
        meeting.id, GuestEntry(id=None, name="Ömer Karadağ", organisation="Beirat Lübeck")
    )
    person_id = _person(services.person_disclosure, "Karadağ")

    mentions = _section(
        services.person_disclosure.disclosure(person_id, today), "Nennungen in Protokollen"
    ).rows

    assert (
        f"{rostock.name}: {meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}",
        "Gast",
        "Ömer Karadağ, Beirat Lübeck",
    ) in mentions


def test_an_excerpt_of_the_minutes_is_cut_between_words(demo_database, today):
    """It read "… begrüßt die Mitglieder sowie di …" (found by a tester)."""
    service = PersonDisclosureService(demo_database)

    disclosure = service.disclosure(_person(service, "Lindqvist"), today)

    excerpts = {m[2] for m in _section(disclosure, "Nennungen in Protokollen").rows}
    opening = "Prof. Dr. Katharina Lindqvist eröffnet die Sitzung um 16:05 Uhr und begrüßt"
    assert f"{opening} die Mitglieder sowie …" in excerpts
    assert not any(e.endswith(" di …") for e in excerpts)


def test_the_audit_table_shows_who_changed_a_record_on_one_line(database, today):
    """The "Durch" column was too narrow for "Geschäftsstelle" ("Geschäftss" over "telle"),
    and the date of "Zeitpunkt" filled its column to the last point (found by a tester)."""
    services = Services.create(database, "Geschäftsstelle")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    field = services.settings.action_fields(council.id)[0]
    member = services.members.save(
        council.id,
        Member(id=None, given_name="Ina", family_name="Lang", primary_field_id=field.id),
        today,
    )

    pdf = text(services.person_disclosure.disclosure_pdf(member.person_id, today).pdf)

    row = r"\d\d\.\d\d\.\d{4} \d\d:\d\d Geschäftsstelle Mitglied angelegt"
    assert re.search(row, " ".join(pdf.split()))


def test_the_auskunft_is_headed_by_the_council_it_is_answered_for(demo_database, today):
    """Asked from Rostock's Mitglieder page, the Auskunft of a person whose latest
    membership is elsewhere was headed by that other council (found by a tester)."""
    services = Services.create(demo_database, "tester")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    person_id = _person(services.person_disclosure, "Asmussen")  # a member in Lübeck

    latest = services.person_disclosure.disclosure(person_id, today)
    asked = services.person_disclosure.disclosure(person_id, today, rostock.id)

    assert "Lübeck" in latest.council_name
    assert asked.council_name == rostock.name


def test_a_name_in_two_scripts_reads_in_the_order_typed(database, today):
    """(found by review) A family name starting in Hebrew, "בן-דוד Ben-David", stood as
    "Ben-David בן-דוד" in its cell: the line ran right to left by its first letter. A text
    with left-to-right letters keeps the German document's direction."""
    services = Services.create(database, "tester")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    field = services.settings.action_fields(council.id)[0]
    member = services.members.save(
        council.id,
        Member(
            id=None,
            given_name="Noa",
            family_name="בן-דוד Ben-David",
            primary_field_id=field.id,
            term_start=today,
        ),
        today,
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


def test_a_member_who_changed_her_family_name_is_found_under_the_former_one(demo_database, today):
    """(found by a tester) after a marriage, "Hartmann-Okafor" → "Okafor-Lind", the
    Auskunft searched the minutes for the new family name only: the draft minutes naming
    "der Einwand von Dr. Zoë Hartmann-Okafor" were left out, and so were audit entries
    naming her by her former name only."""
    services = Services.create(demo_database, "tester")
    council = services.settings.councils()[0].id
    (member,) = [m for m in services.members.members(council) if "Okafor" in m.family_name]
    meeting = services.meetings.list(council)[-1]
    services.attendance.save_guest(
        meeting.id, GuestEntry(id=None, name="Zoë Hartmann-Okafor", organisation="Fraunhofer")
    )
    services.members.save(council, replace(member, family_name="Okafor-Lind"), today)

    disclosure = services.person_disclosure.disclosure(member.person_id, today)

    mentions = _section(disclosure, "Nennungen in Protokollen")
    assert any("Einwand von Dr. Zoë Hartmann-Okafor" in row[2] for row in mentions.rows)
    assert "frühere Nachname „Hartmann-Okafor“" in mentions.note
    audit = [row[3] for row in _section(disclosure, "Einträge im Änderungsprotokoll").rows]
    assert any(line.startswith("Gast Zoë Hartmann-Okafor") for line in audit)
    assert any("Nachname: Hartmann-Okafor → Okafor-Lind" in line for line in audit)


def test_an_invitation_sent_on_is_listed_with_the_person_s_meetings(sqlite_demo_database, today):
    """(found by review) it showed only as an entry of the audit trail, not where the
    person's meetings are listed."""
    services = Services.create(sqlite_demo_database, "tester")
    council = services.settings.councils()[0].id
    (meeting,) = [m for m in services.meetings.list(council) if m.state is MeetingState.INVITED]
    field = services.settings.action_fields(council)[0].id
    jana = services.members.save(
        council,
        Member(id=None, given_name="Jana", family_name="Petersen", sector=Sector.RESEARCH,
               term_start=today, primary_field_id=field),
        today,
    )  # fmt: skip
    with sqlite_demo_database.transaction() as session:  # saved after the invitation
        session.get(models.Membership, jana.id).created = datetime.combine(
            meeting.invitation_sent_on + timedelta(days=1), time(10)
        )
    sent_on = meeting.invitation_sent_on + timedelta(days=2)
    services.late_invitations.record_sent(meeting.id, [jana.id], sent_on)
    service = PersonDisclosureService(sqlite_demo_database)

    pdf = " ".join(text(service.disclosure_pdf(_person(service, "Petersen"), today).pdf).split())

    section = pdf.split("Anwesenheit in Sitzungen")[1].split("Befangenheit und Ausschluss")[0]
    assert f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}" in section
    assert f"Einladung nachgesandt am {sent_on:%d.%m.%Y}" in section
