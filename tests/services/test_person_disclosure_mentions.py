"""The Auskunft nach Art. 15 DSGVO: where the person is found besides their own records,
read back from the PDF on both backends: the meetings (attendance, invitations sent on),
the mentions in the minutes ("Nennungen in Protokollen", under a former family name too)
and the entries of the audit trail."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time, timedelta

from disclosure_lookup import person_number, section_titled
from pdf_reading import text

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingState, Sector
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.services.person_disclosure import PersonDisclosureService
from expertenrat.store import models


def test_the_audit_entries_name_the_role_as_the_council_calls_it(demo_database, today):
    """(found by a tester) a Beirat whose chair is its "Sprecher*in": the Auskunft's
    memberships said so, its audit entries "Rolle: Vorsitz"."""
    services = Services.create(demo_database, "Geschäftsstelle")
    first = services.settings.settings(services.settings.councils()[0].id)
    services.settings.update_settings(replace(first, chair_title="Sprecher*in"))
    service = PersonDisclosureService(demo_database, "tester")

    disclosure = service.disclosure(person_number(service, "Lindqvist"), today)

    fields = "\n".join(
        row[3] for row in section_titled(disclosure, "Einträge im Änderungsprotokoll").rows
    )
    assert "Rolle: Sprecher*in" in fields
    assert "Rolle: Vorsitz" not in fields


def test_the_audit_entries_name_the_records_they_refer_to_without_internal_numbers(
    demo_database, today
):
    """(found by a tester) the Auskunft read "Tagesordnungspunkt (Nr.): 49", a row id that
    means nothing to the person who asked."""
    service = PersonDisclosureService(demo_database, "tester")

    pdf = " ".join(
        text(service.disclosure_pdf(person_number(service, "Lindqvist"), today).pdf).split()
    )

    assert "(Nr.)" not in pdf and "Nr.:" not in pdf
    assert "Tagesordnungspunkt: TOP 7 „Digitaler Zwilling Rostock:" in pdf
    assert "Sitzung: 1. Sitzung am " in pdf
    assert "Mitglied: Prof. Dr. Katharina Lindqvist" in pdf


def test_a_guest_in_another_council_s_meeting_is_found_and_names_that_council(demo_database, today):
    services = Services.create(demo_database, "tester")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]  # its minutes not yet approved
    services.attendance.save_guest(
        meeting.id, GuestEntry(id=None, name="Ömer Karadağ", organisation="Beirat Lübeck")
    )
    person_id = person_number(services.person_disclosure, "Karadağ")

    mentions = section_titled(
        services.person_disclosure.disclosure(person_id, today), "Nennungen in Protokollen"
    ).rows

    assert (
        f"{rostock.name}: {meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}",
        "Gast",
        "Ömer Karadağ, Beirat Lübeck",
    ) in mentions


def test_an_excerpt_of_the_minutes_is_cut_between_words(demo_database, today):
    """It read "… begrüßt die Mitglieder sowie di …" (found by a tester)."""
    service = PersonDisclosureService(demo_database, "tester")

    disclosure = service.disclosure(person_number(service, "Lindqvist"), today)

    excerpts = {m[2] for m in section_titled(disclosure, "Nennungen in Protokollen").rows}
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

    mentions = section_titled(disclosure, "Nennungen in Protokollen")
    assert any("Einwand von Dr. Zoë Hartmann-Okafor" in row[2] for row in mentions.rows)
    assert "frühere Nachname „Hartmann-Okafor“" in mentions.note
    audit = [row[3] for row in section_titled(disclosure, "Einträge im Änderungsprotokoll").rows]
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
    service = PersonDisclosureService(sqlite_demo_database, "tester")

    pdf = " ".join(
        text(service.disclosure_pdf(person_number(service, "Petersen"), today).pdf).split()
    )

    section = pdf.split("Anwesenheit in Sitzungen")[1].split("Befangenheit und Ausschluss")[0]
    assert f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}" in section
    assert f"Einladung nachgesandt am {sent_on:%d.%m.%Y}" in section
