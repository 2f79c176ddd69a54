"""The projects service on SQLite and PostgreSQL: saving, reading, closing, deleting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from meeting_rows import clear_agenda
from sqlalchemy import select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import (
    AuditAction,
    MeetingKind,
    MeetingState,
    ProjectPhase,
    RecommendationStatus,
)
from expertenrat.domain.errors import ConcurrentEditError, InUseError, ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.domain.projects import Project
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.members import MembersService
from expertenrat.services.projects import ProjectsService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


@pytest.fixture
def projects(database, actor) -> ProjectsService:
    return ProjectsService(database, actor)


@pytest.fixture
def new_project(fields):
    def make(title: str = "Digitaler Zwilling Rostock", **changes) -> Project:
        values = {"action_field_id": fields["Stadtdaten"].id, **changes}
        return Project(id=None, title=title, **values)

    return make


def add_meeting(database, council_id: int, day: date, **changes) -> int:
    """A planned meeting at 16:00 with an empty agenda; meetings are numbered in the order
    of their dates."""
    start = datetime(day.year, day.month, day.day, 16, tzinfo=BERLIN)
    values = {"place": "Rathaus", **changes}
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), **values)
    meeting_id = MeetingsService(database, "Frau Schulz").create(council_id, draft)
    clear_agenda(database, meeting_id)
    return meeting_id


def add_item(database, meeting_id: int, number: str, title: str, project_id: int, **changes):
    # Until the agenda service lands, agenda items are written as rows.
    with database.transaction() as session:
        row = models.AgendaItem(
            meeting_id=meeting_id,
            number=number,
            position=int(number.split(".")[0]),
            title=title,
            project_id=project_id,
            **changes,
        )
        session.add(row)
        session.flush()
        return row.id


def add_recommendation(database, council_id: int, project_id: int, code: str, **changes) -> int:
    with database.transaction() as session:
        row = models.Recommendation(
            council_id=council_id,
            projects=[models.RecommendationProject(project_id=project_id)],
            code=code,
            title=f"Empfehlung {code}",
            **{"adopted_on": date(2026, 3, 12), **changes},
        )
        session.add(row)
        session.flush()
        return row.id


def test_a_created_project_reads_back_with_partners_in_order(projects, council, new_project):
    project = new_project(
        short_code="DZR",
        lead_unit="Kataster-, Vermessungs- und Liegenschaftsamt",
        contact_name="Henrike Vogt",
        contact_email="henrike.vogt@rostock.de",
        phase=ProjectPhase.IMPLEMENTATION,
        partners=("Universität Rostock", "Fraunhofer IGD", "Stadtwerke Rostock AG"),
        description="Ein 3D-Modell der Stadt.\nMit Daten.",
    )

    project_id = projects.create(council.id, project)

    stored = projects.project(project_id)
    assert stored == replace(project, id=project_id, version=stored.version)
    assert stored.partners == ("Universität Rostock", "Fraunhofer IGD", "Stadtwerke Rostock AG")


def test_hostile_text_round_trips_in_every_field(projects, council, new_project):
    project = new_project(
        title=HOSTILE,
        short_code="<&>'\"🚀",
        lead_unit=HOSTILE,
        contact_name=HOSTILE,
        partners=(HOSTILE, "شركة المدينة الذكية", "חברת העיר"),
        description=f"{HOSTILE}\nzweite Zeile",
    )

    stored = projects.project(projects.create(council.id, project))

    assert stored.title == HOSTILE
    assert stored.short_code == "<&>'\"🚀"
    assert stored.lead_unit == stored.contact_name == HOSTILE
    assert stored.partners == (HOSTILE, "شركة المدينة الذكية", "חברת העיר")
    assert stored.description == f"{HOSTILE}\nzweite Zeile"


def test_texts_are_cleaned_and_empty_partner_lines_dropped(projects, council, new_project):
    project_id = projects.create(
        council.id,
        new_project(title="  Jo\u0308rg-Projekt ", partners=(" Hochschule Wismar ", "", "  ")),
    )

    stored = projects.project(project_id)
    assert stored.title == "Jörg-Projekt"
    assert stored.partners == ("Hochschule Wismar",)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "   "}, "title", "Bitte geben Sie den Titel des Projekts an."),
        ({"title": "x" * 301}, "title", "Der Titel des Projekts darf höchstens 300 Zeichen"),
        ({"short_code": "K" * 21}, "short_code", "Das Kürzel darf höchstens 20 Zeichen"),
        ({"contact_email": "vogt@"}, "contact_email", "sieht nicht gültig aus"),
        ({"contact_name": "Vogt\u202e"}, "contact_name", "unsichtbares Steuerzeichen"),
        ({"title": "Zwei\nZeilen"}, "title", "muss in einer Zeile stehen"),
        ({"partners": ("A\x00B",)}, "partners", "„A\x00B“: Der Name eines Partners enthält"),
        ({"partners": ("x" * 301,)}, "partners", "höchstens 300 Zeichen"),
        ({"partners": ("Uni Rostock", "UNI  rostock")}, "partners", "steht doppelt"),
        ({"action_field_id": None}, "action_field_id", "Bitte wählen Sie ein Handlungsfeld."),
    ],
)
def test_bad_input_is_refused_in_german_and_nothing_is_saved(
    projects, council, new_project, changes, field, message
):
    with pytest.raises(ValidationError) as caught:
        projects.create(council.id, new_project(**changes))

    assert any(p.field == field and message in p.message for p in caught.value.problems)
    assert projects.projects(council.id) == []


def test_a_short_code_is_unique_in_the_council_whatever_its_case(
    projects, council, new_project, settings_service
):
    projects.create(council.id, new_project(short_code="DZR"))

    with pytest.raises(ValidationError) as caught:
        projects.create(council.id, new_project("Anderes Projekt", short_code="dzr"))
    assert caught.value.message == (
        "Das Kürzel „dzr“ hat bereits das Projekt „Digitaler Zwilling Rostock“. "
        "Bitte wählen Sie ein anderes."
    )
    # Projects without a code, and the same code in another council, are fine.
    projects.create(council.id, new_project("Ohne Kürzel"))
    projects.create(council.id, new_project("Auch ohne Kürzel"))
    other = settings_service.create_council(replace(council, id=None, name="Rat in Wismar"))
    other_field = settings_service.action_fields(other.id)[0]
    projects.create(other.id, new_project(short_code="DZR", action_field_id=other_field.id))


def test_an_action_field_of_another_council_is_refused(
    projects, council, new_project, settings_service
):
    other = settings_service.create_council(replace(council, id=None, name="Rat in Wismar"))
    foreign = settings_service.action_fields(other.id)[0]

    with pytest.raises(ValidationError) as caught:
        projects.create(council.id, new_project(action_field_id=foreign.id))

    assert "Handlungsfeld gibt es nicht mehr" in caught.value.message


def test_the_list_names_field_partners_and_counts_the_uses(
    database, projects, council, new_project
):
    used = projects.create(council.id, new_project(partners=("Universität Rostock",)))
    chatbot = new_project("Bürgerservice-Chatbot", phase=ProjectPhase.IDEA)
    idle = projects.create(council.id, chatbot)
    meeting = add_meeting(database, council.id, date(2026, 3, 12))
    top = add_item(database, meeting, "3", "Beratung Zwilling", used)
    add_item(database, meeting, "3.1", "Empfehlung an das Projekt", used, parent_id=top)
    add_item(database, meeting, "4", "Noch einmal", used)
    add_item(database, add_meeting(database, council.id, date(2026, 6, 9)), "2", "Bericht", used)
    add_recommendation(database, council.id, used, "E-2026-07")

    entries = {e.project.id: e for e in projects.projects(council.id)}

    assert [e.project.title for e in projects.projects(council.id)] == [
        "Bürgerservice-Chatbot",
        "Digitaler Zwilling Rostock",
    ]
    assert entries[used].action_field == "Stadtdaten"
    assert entries[used].project.partners == ("Universität Rostock",)
    # one consultation per meeting, however many of its items are about the project
    assert (entries[used].consultations, entries[used].recommendations) == (2, 1)
    assert (entries[idle].consultations, entries[idle].recommendations) == (0, 0)


def test_a_consultation_is_a_meeting_with_its_items_about_the_project(
    database, projects, council, new_project
):
    project_id = projects.create(council.id, new_project())
    later = add_meeting(database, council.id, date(2026, 6, 9), title="Klausur")
    earlier = add_meeting(database, council.id, date(2026, 3, 12))
    add_item(database, earlier, "1", "Eröffnung", None)
    top = add_item(database, earlier, "2", f"Beratung {HOSTILE}", project_id)
    add_item(database, earlier, "2.1", "Vergabe", project_id, parent_id=top, public=False)
    closed = add_item(database, later, "1", "Interna", None, public=False)
    add_item(database, later, "1.1", "Zwischenstand", project_id, parent_id=closed)

    found = projects.consultations(project_id)

    assert [(c.meeting, f"{c.meeting_start:%d.%m.%Y}", c.numbers) for c in found] == [
        ("1. Sitzung", "12.03.2026", "2, 2.1"),
        ("2. Sitzung", "09.06.2026", "1.1"),
    ]
    assert [[(i.title, i.public) for i in c.items] for c in found] == [
        [(f"Beratung {HOSTILE}", True), ("Vergabe", False)],
        [("Zwischenstand", False)],  # under a non-public item: not public
    ]
    assert found[1].meeting_title == "Klausur"
    assert projects.projects(council.id)[0].consultations == len(found)


def test_another_councils_meeting_is_no_consultation_of_the_project(sqlite_demo_database):
    """As on the Übersicht and in the Tätigkeitsbericht, only the council's own meetings
    count: a project of this council on another council's agenda (6, 6.1) is neither in
    the list's column nor in the detail."""
    projects = ProjectsService(sqlite_demo_database, "tester")
    with sqlite_demo_database.transaction() as session:
        council = session.scalars(select(models.Council.id).order_by(models.Council.id)).first()
    entry = next(e for e in projects.projects(council) if e.consultations)
    project_id = entry.project.id
    before = [(c.meeting_id, c.numbers) for c in projects.consultations(project_id)]
    with sqlite_demo_database.transaction() as session:
        other = models.Council(name="Beirat Nachbarstadt", city="Nachbarstadt")
        session.add(other)
        session.flush()
        meeting = models.Meeting(
            council_id=other.id, number=1, starts_at=datetime(2026, 3, 12, 16), state="held"
        )
        session.add(meeting)
        session.flush()
        top = models.AgendaItem(
            meeting_id=meeting.id, number="6", position=6, title="Fremd", project_id=project_id
        )
        session.add(top)
        session.flush()
        session.add(
            models.AgendaItem(
                meeting_id=meeting.id, parent_id=top.id, number="6.1", position=1,
                title="Fremd", project_id=project_id,
            )
        )  # fmt: skip
        foreign = meeting.id

    after = projects.consultations(project_id)

    assert [(c.meeting_id, c.numbers) for c in after] == before
    assert foreign not in {c.meeting_id for c in after}
    listed = {e.project.id: e.consultations for e in projects.projects(council)}
    assert listed[project_id] == entry.consultations == len(after)


def test_a_meeting_cancelled_while_planned_is_named_without_a_number(
    database, projects, council, new_project
):
    project_id = projects.create(council.id, new_project())
    meeting_id = add_meeting(database, council.id, date(2026, 3, 12))
    add_item(database, meeting_id, "3", "Beratung", project_id)
    meetings = MeetingsService(database, "Frau Schulz")
    version = meetings.get(meeting_id).version
    meetings.change_state(meeting_id, version, MeetingState.CANCELLED, "Erkrankung")

    # a cancelled meeting consulted nothing, but its item still refers to the project
    assert projects.consultations(project_id) == []
    assert projects.projects(council.id)[0].consultations == 0
    with pytest.raises(InUseError) as caught:
        projects.delete(projects.project(project_id))
    assert "– Beratung in der Sitzung am 12.03.2026, TOP 3\n" in caught.value.message


def test_recommendations_of_a_project_list_code_title_and_status(
    database, projects, council, new_project
):
    project_id = projects.create(council.id, new_project())
    add_recommendation(database, council.id, project_id, "E-2026-08", status="sent")
    add_recommendation(database, council.id, project_id, "E-2026-07", adopted_on=date(2026, 1, 20))

    found = projects.recommendations(project_id)

    assert [(r.code, r.status) for r in found] == [
        ("E-2026-07", RecommendationStatus.ADOPTED),
        ("E-2026-08", RecommendationStatus.SENT),
    ]
    assert found[0].title == "Empfehlung E-2026-07"


def test_recommendations_of_a_project_say_which_are_overdue_as_the_register_does(
    database, projects, council, new_project
):
    """(found by a tester) the project's list did not mark the overdue ones."""
    project_id = projects.create(council.id, new_project())
    add_recommendation(database, council.id, project_id, "E-2026-07", status="sent",
                       sent_on=date(2026, 3, 13), due_on=date(2026, 6, 12))  # fmt: skip
    add_recommendation(database, council.id, project_id, "E-2026-08", status="sent",
                       sent_on=date(2026, 3, 13), due_on=date(2026, 7, 1))  # fmt: skip

    found = projects.recommendations(project_id, today=date(2026, 6, 20))

    assert [(r.code, r.overdue, r.overdue_text) for r in found] == [
        ("E-2026-07", True, "seit 8 Tagen überfällig"),
        ("E-2026-08", False, ""),
    ]


def test_recommendations_of_a_project_follow_their_codes_drafts_too(
    database, projects, council, new_project
):
    """As the register lists them; a draft has no adoption date and came first (SQLite)
    or last (PostgreSQL) when the list was ordered by it."""
    project_id = projects.create(council.id, new_project())
    add_recommendation(database, council.id, project_id, "E-2025-13", status="draft",
                       adopted_on=None)  # fmt: skip
    add_recommendation(database, council.id, project_id, "E-2025-100", adopted_on=date(2025, 12, 1))
    add_recommendation(database, council.id, project_id, "E-2025-07", adopted_on=date(2025, 7, 17))

    found = projects.recommendations(project_id)

    assert [r.code for r in found] == ["E-2025-07", "E-2025-13", "E-2025-100"]


def test_a_project_in_use_cannot_be_deleted_and_the_message_says_where(
    database, projects, council, new_project
):
    project_id = projects.create(council.id, new_project(short_code="DZR"))
    meeting = add_meeting(database, council.id, date(2026, 3, 12))
    add_item(database, meeting, "3", "Beratung", project_id)
    add_recommendation(database, council.id, project_id, "E-2026-07")
    project = projects.project(project_id)

    with pytest.raises(InUseError) as caught:
        projects.delete(project)

    assert caught.value.message == (
        "Das Projekt „Digitaler Zwilling Rostock (DZR)“ wird noch verwendet und kann nicht "
        "gelöscht werden:\n"
        "– Beratung in der 1. Sitzung am 12.03.2026, TOP 3\n"
        "– Empfehlung E-2026-07\n"
        "Ein beendetes Projekt können Sie stattdessen als abgeschlossen markieren."
    )
    assert projects.project(project_id) == project


def test_a_completed_project_in_use_is_not_advised_to_be_completed(
    database, projects, council, new_project
):
    project_id = projects.create(council.id, new_project())
    add_recommendation(database, council.id, project_id, "E-2026-07")
    closed = projects.close(projects.project(project_id))

    with pytest.raises(InUseError) as caught:
        projects.delete(closed)

    assert caught.value.message.endswith("– Empfehlung E-2026-07")
    assert "abgeschlossen markieren" not in caught.value.message


def test_an_item_and_its_sub_item_in_use_are_one_line_of_their_meeting(
    database, projects, council, new_project
):
    """As a consultation is counted: "TOP 6, 6.1", not two lines of the same meeting."""
    project_id = projects.create(council.id, new_project())
    meeting = add_meeting(database, council.id, date(2026, 3, 12))
    top = add_item(database, meeting, "6", "Beratung", project_id)
    add_item(database, meeting, "6.1", "Empfehlung", project_id, parent_id=top)

    with pytest.raises(InUseError) as caught:
        projects.delete(projects.project(project_id))

    assert "– Beratung in der 1. Sitzung am 12.03.2026, TOP 6, 6.1\n" in caught.value.message
    assert caught.value.message.count("Beratung in der") == 1


def test_many_uses_are_counted_after_the_first_five(database, projects, council, new_project):
    project_id = projects.create(council.id, new_project())
    for number in range(1, 8):
        meeting = add_meeting(database, council.id, date(2026, number, 3))
        add_item(database, meeting, "2", "Beratung", project_id)

    with pytest.raises(InUseError) as caught:
        projects.delete(projects.project(project_id))

    assert "6. Sitzung" not in caught.value.message
    assert "– Beratung in der 5. Sitzung am 03.05.2026, TOP 2\n– und 2 weitere" in (
        caught.value.message
    )


def test_an_unused_project_is_deleted_with_its_partners_and_audited(
    database, projects, council, new_project
):
    project_id = projects.create(council.id, new_project(partners=("A", "B")))

    projects.delete(projects.project(project_id))

    assert projects.projects(council.id) == []
    with database.reading() as session:
        assert session.query(models.ProjectPartner).count() == 0
    lines = AuditService(database).entries("project", project_id)
    assert [line.action for line in lines] == [AuditAction.CREATE, AuditAction.DELETE]
    assert lines[1].before["partners"] == ["A", "B"]
    assert lines[1].summary == "Projekt Digitaler Zwilling Rostock gelöscht"


def test_closing_marks_the_project_abgeschlossen(projects, council, new_project):
    project = projects.project(projects.create(council.id, new_project()))

    closed = projects.close(project)

    assert closed.phase is ProjectPhase.COMPLETED
    assert closed.phase.label == "abgeschlossen"
    assert projects.project(project.id).phase is ProjectPhase.COMPLETED


def test_an_update_changes_fields_and_partners_and_is_audited(
    database, projects, council, new_project
):
    project = projects.project(projects.create(council.id, new_project(partners=("A", "B", "C"))))

    saved = projects.update(
        replace(project, lead_unit="Amt für Digitalisierung", partners=("C", "A"))
    )

    assert saved.partners == ("C", "A")
    assert projects.project(project.id) == saved
    assert saved.version > project.version
    update = AuditService(database).entries("project", project.id)[-1]
    assert update.action is AuditAction.UPDATE
    assert update.before == {
        "lead_unit": "",
        "partners": ["A", "B", "C"],
        "version": project.version,
    }
    assert update.after["partners"] == ["C", "A"]


def test_reordering_the_partners_alone_raises_the_version(projects, council, new_project):
    project = projects.project(projects.create(council.id, new_project(partners=("A", "B"))))

    saved = projects.update(replace(project, partners=("B", "A")))

    assert saved.partners == ("B", "A")
    with pytest.raises(ConcurrentEditError):
        projects.update(replace(project, title="Veraltet"))


def test_a_stale_save_is_refused_and_the_first_edit_kept(projects, council, new_project):
    project_id = projects.create(council.id, new_project())
    first = projects.project(project_id)
    second = projects.project(project_id)
    projects.update(replace(first, lead_unit="Hauptamt"))

    with pytest.raises(ConcurrentEditError) as caught:
        projects.update(replace(second, contact_name="Till Marquardt"))

    assert "Das Projekt „Digitaler Zwilling Rostock“ wurde inzwischen" in caught.value.message
    stored = projects.project(project_id)
    assert (stored.lead_unit, stored.contact_name) == ("Hauptamt", "")
    with pytest.raises(ConcurrentEditError):
        projects.delete(second)
    with pytest.raises(ConcurrentEditError):
        projects.close(second)


def test_a_council_without_action_fields_is_told_where_to_create_one(
    database, actor, settings_service, projects
) -> None:
    """The welcome page creates a council without action fields (an empty box); its first
    member and project were refused with "Bitte wählen Sie ein (primäres) Handlungsfeld."
    beside an empty list, which offered nothing to choose (found by a tester)."""
    council = settings_service.create_council(
        CouncilSettings(id=None, name="Seniorenbeirat Görlitz", city="Görlitz"), action_fields=[]
    )
    members = MembersService(database, actor)
    refused = []
    for save in (
        lambda: projects.create(council.id, Project(id=None, title="Seniorennetz")),
        lambda: members.save(
            council.id,
            Member(id=None, given_name="Eva", family_name="Alt", term_start=date(2026, 1, 1)),
            date(2026, 11, 27),
        ),
    ):
        with pytest.raises(ValidationError) as raised:
            save()
        refused.append([p.message for p in raised.value.problems])

    for messages in refused:
        assert messages == [
            "Das Gremium hat noch kein Handlungsfeld. Bitte legen Sie unter Einstellungen "
            "zuerst eines an („Neues Handlungsfeld …“)."
        ]


def test_one_use_more_is_named_rather_than_counted(database, projects, council, new_project):
    """(found by review) "– und 1 weitere" in place of the sixth use itself."""
    project_id = projects.create(council.id, new_project())
    for number in range(1, 7):
        meeting = add_meeting(database, council.id, date(2026, number, 3))
        add_item(database, meeting, "2", "Beratung", project_id)

    with pytest.raises(InUseError) as caught:
        projects.delete(projects.project(project_id))

    assert "– Beratung in der 6. Sitzung am 03.06.2026, TOP 2" in caught.value.message
    assert "weitere" not in caught.value.message
