"""The Auskunft nach Art. 15 DSGVO about a guest of meetings who is no member (found by a
tester, the city's data protection officer: a guest has no person number, so the
secretariat had no way to answer a guest's request), and the projects' part of every
Auskunft (a project's contact, with the e-mail address beside the name, was in none)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from disclosure_lookup import person_number, section_titled
from pdf_reading import text

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.projects import Project
from expertenrat.services.context import Services


def test_a_guest_s_auskunft_lists_the_guest_lines_the_trail_the_minutes_and_the_projects(
    demo_database, today
):
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]  # its minutes not yet approved
    services.attendance.save_guest(
        meeting.id,
        GuestEntry(None, "Merle Steffens", "Umweltamt", "Gutachten", non_public_only=True),
    )

    disclosure = services.person_disclosure.guest_disclosure("merle steffens", today)

    assert disclosure.person_id is None
    assert disclosure.name == "Merle Steffens"  # as the latest line has it
    lines = section_titled(disclosure, "Teilnahme an Sitzungen als Gast").rows
    assert [line[1] for line in lines] == [
        "Dr. Merle Steffens, Amt für Umwelt- und Klimaschutz, Projektleitung",
        "Dr. Merle Steffens, Amt für Umwelt- und Klimaschutz, Projektleitung",
        "Merle Steffens, Umweltamt, Gutachten",
    ]
    assert lines[-1] == (
        f"{rostock.name}: {meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}",
        "Merle Steffens, Umweltamt, Gutachten",
        "nur nichtöffentlicher Teil (in öffentlichen Protokollen nicht genannt)",
    )
    trail = [row[3] for row in section_titled(disclosure, "Einträge im Änderungsprotokoll").rows]
    assert any(row.startswith("Gast Merle Steffens in der") for row in trail)
    assert any("Ansprechperson: Dr. Merle Steffens" in row for row in trail)
    minutes = section_titled(disclosure, "Nennungen in Protokollen").rows
    assert any(place.endswith("Vortragende*r") for _, place, _ in minutes)
    assert (
        f"{rostock.name}: Klimasensoren an Schulen",
        "Ansprechperson",
        "Dr. Merle Steffens, merle.steffens@example.org",
    ) in section_titled(disclosure, "Nennungen in Projekten").rows

    pdf = " ".join(
        text(services.person_disclosure.guest_disclosure_pdf("Steffens", today).pdf).split()
    )
    assert "über Merle Steffens (Gast)" in pdf
    # (found by a tester) the trail's "Änderung" cut "Tagesordnungs" / "punkt angelegt"
    assert "Tagesordnungspunkt" in pdf and "Tagesordnungs punkt" not in pdf
    assert "Personennummer" not in pdf
    assert "Einwilligung" not in pdf  # a guest gave none to withdraw


def test_a_name_no_guest_line_bears_is_a_german_message(demo_database, today):
    services = Services.create(demo_database, "Geschäftsstelle")

    for name in ("Merle Unbekannt", "  "):
        with pytest.raises(NotFoundError, match="nennt keine Sitzung") as raised:
            services.person_disclosure.guest_disclosure(name, today)
        assert "„expertenrat persons“" in raised.value.message


def test_a_name_typed_family_name_first_is_searched_by_the_family_name(demo_database, today):
    """ "Steffens, Merle" was searched as "Merle", the last word."""
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]
    services.attendance.save_guest(meeting.id, GuestEntry(None, "Steffens, Merle", "Umweltamt"))
    services.attendance.save_guest(meeting.id, GuestEntry(None, "Merle Anders", "Schulamt"))

    disclosure = services.person_disclosure.guest_disclosure("Steffens, Merle", today)

    assert disclosure.name == "Steffens, Merle"
    minutes = section_titled(disclosure, "Nennungen in Protokollen").rows
    assert any(place.endswith("Vortragende*r") for _, place, _ in minutes)  # "Dr. Merle Steffens"
    assert not any("Anders" in excerpt for _, _, excerpt in minutes)


def test_a_member_s_auskunft_names_the_project_they_are_the_contact_of(demo_database, today):
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    project = services.projects.projects(rostock.id)[0].project
    services.projects.update(
        replace(project, contact_name="Gülşen Yılmaz", contact_email="g.yilmaz@example.org")
    )
    service = services.person_disclosure

    disclosure = service.disclosure(person_number(service, "Yılmaz"), today)

    assert section_titled(disclosure, "Nennungen in Projekten").rows == (
        (project.title, "Ansprechperson", "Gülşen Yılmaz, g.yilmaz@example.org"),
    )


def test_the_guests_a_name_fits_are_named_with_umlauts_among_their_base_letters(
    demo_database, today
):
    """(found by a tester) Sorted by their lower case letters, "Merle Özdemir" came after
    "Merle Zander"."""
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]
    for name in ("Merle Zander", "Merle Özdemir"):
        services.attendance.save_guest(meeting.id, GuestEntry(None, name, "Schulamt"))

    with pytest.raises(ExpertenratError) as refused:
        services.person_disclosure.guest_disclosure("Merle", today)

    assert "„Dr. Merle Steffens“, „Merle Özdemir“, „Merle Zander“." in refused.value.message


def test_the_projects_naming_a_person_stand_by_title_umlauts_and_case_aside(demo_database, today):
    """(found by a tester) The database ordered them by bytes (or a server's own locale):
    "Ökoquokka" and "eAkte-Quokka" came after "Zukunftsquokka"."""
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    field = services.settings.action_fields(rostock.id)[0].id
    for title in ("Zukunftsquokka", "Ökoquokka", "eAkte-Quokka", "Bürgerquokka"):
        named = Project(None, title, action_field_id=field, contact_name="Gülşen Yılmaz")
        services.projects.create(rostock.id, named)
    service = services.person_disclosure

    disclosure = service.disclosure(person_number(service, "Yılmaz"), today)

    rows = section_titled(disclosure, "Nennungen in Projekten").rows
    assert [row[0] for row in rows if "uokka" in row[0]] == [
        "Bürgerquokka",
        "eAkte-Quokka",
        "Ökoquokka",
        "Zukunftsquokka",
    ]


def test_a_guest_who_bears_a_member_s_name_is_pointed_to_that_member_s_auskunft(
    demo_database, today
):
    """The guest's Auskunft leaves out what the member's record holds; the secretariat is
    told that there is one, as for two records of one human in two councils."""
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]
    services.attendance.save_guest(meeting.id, GuestEntry(None, "Prof. Henrike Asmussen"))
    service = services.person_disclosure
    number = person_number(service, "Asmussen")

    rendered = service.guest_disclosure_pdf("Henrike Asmussen", today)

    (warning,) = [w for w in rendered.warnings if w.startswith("Unter Nr.")]
    assert warning.startswith(
        f"Unter Nr. {number} (Beirat Digitale Stadt Lübeck) ist ein Mitglied mit diesem Namen"
    )
    assert service.guest_disclosure("Sabine Rehberg", today).other_records == ()


def test_a_name_that_fits_two_humans_is_refused_and_a_whole_name_takes_its_own_lines(
    demo_database, today
):
    """One guest's Auskunft handed to another would disclose the first one's data (found by
    a tester, the city's data protection officer)."""
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]
    for name in ("Merle Anders", "Merle Anders-Hoffmann"):
        services.attendance.save_guest(meeting.id, GuestEntry(None, name, "Schulamt"))
    service = services.person_disclosure

    with pytest.raises(ExpertenratError) as refused:
        service.guest_disclosure("Merle", today)
    assert refused.value.message == (
        "„Merle“ passt auf Gäste mit verschiedenen Namen: „Dr. Merle Steffens“, "
        "„Merle Anders“, „Merle Anders-Hoffmann“. Bitte geben Sie den ganzen Namen an, "
        "damit die Auskunft nur einen Menschen betrifft."
    )
    lines = section_titled(
        service.guest_disclosure("Merle Anders", today), "Teilnahme an Sitzungen als Gast"
    ).rows
    assert [line[1] for line in lines] == ["Merle Anders, Schulamt"]
    # degrees aside, "Dr. Merle Steffens" and "Merle Steffens" are one guest
    assert (
        len(
            section_titled(
                service.guest_disclosure("Merle Steffens", today), "Teilnahme an Sitzungen als Gast"
            ).rows
        )
        == 2
    )


def test_a_project_s_contact_who_never_came_to_a_meeting_has_an_auskunft_too(demo_database, today):
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    project = services.projects.projects(rostock.id)[0].project
    services.projects.update(
        replace(project, contact_name="Dr. Jana Nieda", contact_email="jana@example.org")
    )
    service = services.person_disclosure

    disclosure = service.guest_disclosure("Jana Nieda", today)

    assert disclosure.name == "Dr. Jana Nieda"
    assert section_titled(disclosure, "Teilnahme an Sitzungen als Gast").rows == ()
    assert section_titled(disclosure, "Nennungen in Projekten").rows == (
        (f"{rostock.name}: {project.title}", "Ansprechperson", "Dr. Jana Nieda, jana@example.org"),
    )
    trail = [row[3] for row in section_titled(disclosure, "Einträge im Änderungsprotokoll").rows]
    assert any("Ansprechperson: " in row and "Dr. Jana Nieda" in row for row in trail)
    with pytest.raises(NotFoundError, match="nennt keine Sitzung und kein Projekt"):
        service.guest_disclosure("Jana Niemand", today)
