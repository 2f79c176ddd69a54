"""The conflicts service: declared recusals, screening suggestions, accepting and overruling."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from client_statements import recorded_statements
from meeting_rows import add_meeting, cancel
from sqlalchemy import select

from expertenrat.domain.enums import AttendanceStatus, ConflictDecision, ConflictOrigin
from expertenrat.domain.errors import ConcurrentEditError, ValidationError
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.attendance_rows import MeetingCancelledError
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.meeting_facts import meeting_facts
from expertenrat.store import models


@pytest.fixture
def service(database, actor) -> ConflictsService:
    return ConflictsService(database, actor)


@pytest.fixture
def people(members_service, council, new_member, today) -> dict[str, int]:
    """Three members by family name, with their affiliations."""
    affiliations = {
        "Pál": "Stadtwerke Rostock AG",
        "Berg": "Universität Rostock",
        "Yılmaz": "Rostock",
    }
    return {
        name: members_service.save(
            council.id, new_member("Ödön", name, affiliation=affiliation), today
        ).id
        for name, affiliation in affiliations.items()
    }


@pytest.fixture
def meeting(database, council, people):
    """Item 3 (index 2) consults a project with the partners below."""
    return add_meeting(
        database, council.id, partners=("stadtwerke rostock", "Hansestadt Rostock", "Rostock")
    )


def test_screening_suggests_the_member_whose_affiliation_is_a_partner(
    service, meeting, people
) -> None:
    sheet = service.sheet(meeting.meeting_id)
    consultation = sheet.item(meeting.item_ids[2])
    assert consultation.project_title == "Urbane Datenplattform"
    suggested = {s.member: s for s in consultation.suggestions}
    # "Stadtwerke Rostock AG" ~ "stadtwerke rostock"; a one-word "Rostock" matches exactly.
    assert set(suggested) == {people["Pál"], people["Yılmaz"]}
    assert suggested[people["Pál"]].partner == "stadtwerke rostock"
    # "Universität Rostock" is no partner; items without a project suggest nothing.
    assert all(not sheet.item(i).suggestions for i in meeting.item_ids if i != consultation.item.id)


def test_no_match_no_suggestion(service, database, council, people) -> None:
    rows = add_meeting(database, council.id, partners=("Stadtwerke Schwerin GmbH",))
    assert service.sheet(rows.meeting_id).item(rows.item_ids[2]).suggestions == ()


def test_accepting_a_suggestion_recuses_the_member(service, actor, meeting, people) -> None:
    item = meeting.item_ids[2]
    suggestion = next(
        s
        for s in service.sheet(meeting.meeting_id).item(item).suggestions
        if s.member == people["Pál"]
    )
    conflict = service.accept(item, suggestion)
    assert conflict.origin is ConflictOrigin.SCREENING
    assert conflict.decision is ConflictDecision.RECUSED
    assert conflict.decided_by == actor
    assert "Stadtwerke Rostock AG" in conflict.reason
    after = service.sheet(meeting.meeting_id).item(item)
    assert after.conflicts == (conflict,)
    assert people["Pál"] not in {s.member for s in after.suggestions}


def test_overruling_is_recorded_with_who_and_why(service, database, actor, meeting, people) -> None:
    item = meeting.item_ids[2]
    suggestion = next(
        s
        for s in service.sheet(meeting.meeting_id).item(item).suggestions
        if s.member == people["Yılmaz"]
    )
    with pytest.raises(ValidationError, match="begründen"):
        service.overrule(item, suggestion, "   ")
    conflict = service.overrule(item, suggestion, "Wohnort, keine Verbindung zum Projekt")
    assert conflict.decision is ConflictDecision.OVERRULED
    assert (conflict.decided_by, conflict.decision_reason) == (
        actor,
        "Wohnort, keine Verbindung zum Projekt",
    )
    with database.reading() as session:
        row = session.scalar(select(models.ConflictOfInterest))
        assert (row.origin, row.decision, row.decided_by) == ("screening", "overruled", actor)
    audit = AuditService(database).entries("conflict_of_interest")
    assert audit[-1].actor == actor and "übergangen" in audit[-1].summary


def test_the_audit_trail_says_which_item_of_which_meeting(
    service, database, meeting, people
) -> None:
    """(found by a tester) "Łukasz Wiśniewski bei TOP „Empfehlung an das Projekt“: befangen":
    every meeting of the demo has an item of that title, and the entry named neither its
    number nor its meeting."""
    item = meeting.item_ids[2]
    with database.reading() as session:
        row = session.get(models.AgendaItem, item)
        number, title = row.number, row.title
        meeting_number = session.get(models.Meeting, row.meeting_id).number
    where = f"TOP {number} „{title}“ der {meeting_number}. Sitzung"
    suggestion = next(
        s
        for s in service.sheet(meeting.meeting_id).item(item).suggestions
        if s.member == people["Pál"]
    )

    conflict = service.accept(item, suggestion)
    service.remove(conflict)

    created, removed = AuditService(database).entries("conflict_of_interest")[-2:]
    assert created.summary == f"Ödön Pál bei {where}: befangen"
    assert removed.summary == f"Befangenheit von Ödön Pál bei {where} entfernt"


def test_one_decision_per_item_and_member(service, meeting, people) -> None:
    item = meeting.item_ids[2]
    service.declare(item, people["Pál"], "Geschäftsführer eines Partners")
    suggestion_for_other = service.sheet(meeting.meeting_id).item(item).suggestions[0]
    with pytest.raises(ValidationError, match="schon entschieden"):
        service.declare(item, people["Pál"], "noch einmal")
    service.accept(item, suggestion_for_other)
    with pytest.raises(ValidationError, match="schon entschieden"):
        service.overrule(item, suggestion_for_other, "doch nicht")
    # Another item is another decision.
    service.declare(meeting.item_ids[0], people["Pál"], "ebenfalls")


def test_declaring_needs_a_reason_and_a_member_of_the_meeting(
    service, members_service, council, new_member, today, meeting, people
) -> None:
    item = meeting.item_ids[1]
    with pytest.raises(ValidationError, match="Grund"):
        service.declare(item, people["Berg"], "")
    former = members_service.save(
        council.id, new_member("Ehe", "Malig", term_end=date(2026, 1, 31)), today
    )
    with pytest.raises(ValidationError, match="nicht zum Gremium"):
        service.declare(item, former.id, "Grund")
    hostile = """Kim "K" & <Co>; 🚀 مرحبا שלום"""
    conflict = service.declare(item, people["Berg"], hostile)
    assert service.sheet(meeting.meeting_id).item(item).conflicts[0].reason == hostile
    assert conflict.origin is ConflictOrigin.DECLARED


def test_removing_brings_the_suggestion_back(service, meeting, people) -> None:
    item = meeting.item_ids[2]
    suggestion = service.sheet(meeting.meeting_id).item(item).suggestions[0]
    conflict = service.accept(item, suggestion)
    service.remove(conflict)
    assert suggestion in service.sheet(meeting.meeting_id).item(item).suggestions
    with pytest.raises(Exception, match="gibt es nicht mehr"):
        service.remove(conflict)


def test_a_stale_conflict_is_not_removed(service, database, meeting, people) -> None:
    conflict = service.declare(meeting.item_ids[0], people["Berg"], "Grund")
    with database.transaction() as session:
        session.get(models.ConflictOfInterest, conflict.id).reason = "geändert"
    with pytest.raises(ConcurrentEditError):
        service.remove(conflict)


def test_a_cancelled_meeting_refuses_conflicts(service, database, meeting, people) -> None:
    cancel(database, meeting.meeting_id)
    assert service.sheet(meeting.meeting_id).cancelled
    with pytest.raises(MeetingCancelledError):
        service.declare(meeting.item_ids[0], people["Berg"], "Grund")


def test_a_member_recorded_as_not_there_cannot_be_recused(
    service, database, actor, meeting, people
) -> None:
    # Found by a tester: a conflict was declared for a member recorded as excused; the
    # minutes leave out who was not there, so it was kept where nobody would read it.
    item = meeting.item_ids[1]
    # Declared before the meeting, with the attendance not recorded yet: taken.
    service.declare(item, people["Pál"], "Geschäftsführer eines Partners")
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(meeting.meeting_id).entry(people["Berg"])
    attendance.save_entry(meeting.meeting_id, replace(entry, status=AttendanceStatus.EXCUSED))
    with pytest.raises(ValidationError) as refused:
        service.declare(item, people["Berg"], "Gutachter des Projekts")
    assert refused.value.message == (
        "Ödön Berg war bei der Sitzung nicht anwesend (in der Anwesenheit als „entschuldigt“ "
        "erfasst); eine Befangenheit lässt sich nur für anwesende Mitglieder erfassen. Nahm "
        "das Mitglied doch teil, berichtigen Sie bitte zuerst die Anwesenheit."
    )
    assert [c.member_name for c in service.sheet(meeting.meeting_id).item(item).conflicts] == [
        "Ödön Pál"
    ]
    entry = attendance.sheet(meeting.meeting_id).entry(people["Yılmaz"])
    attendance.save_entry(meeting.meeting_id, replace(entry, status=AttendanceStatus.PRESENT))
    service.declare(item, people["Yılmaz"], "Berät das Projekt")


def test_the_sheet_reads_the_items_projects_at_once(service, database, council, people) -> None:
    """Two statements for the projects and their partners, however many items consult one
    (found by a tester: two per project, a round trip each on the city's network)."""

    def statements_of_sheet(projects: int) -> int:
        rows = add_meeting(database, council.id, partners=("Stadtwerke Rostock",))
        with database.transaction() as session:
            for index, item_id in enumerate(rows.item_ids[:projects]):
                project = models.Project(council_id=council.id, title=f"Projekt {index}")
                project.partners = [models.ProjectPartner(name="Universität Rostock", position=0)]
                session.add(project)
                session.flush()
                session.get(models.AgendaItem, item_id).project_id = project.id
        with recorded_statements(database.engine) as statements:
            sheet = service.sheet(rows.meeting_id)
        assert {i.project_title for i in sheet.items[:projects]} == {
            f"Projekt {i}" for i in range(projects)
        }
        assert {s.member for s in sheet.items[0].suggestions} == {people["Berg"]}
        return len(statements)

    assert statements_of_sheet(4) == statements_of_sheet(1)


AGENDA_READ = "SELECT agenda_items.id, agenda_items.meeting_id, agenda_items.parent_id, "
RECUSAL_LINKS_READ = "SELECT agenda_items.id, agenda_items.parent_id, agenda_items.project_id "
TABLES = ("conflicts_of_interest", "attendances")


def test_the_agenda_and_its_recusals_are_read_once_for_both_sheets(
    service, database, meeting, people
) -> None:
    """The conflict sheet and the attendance sheet it needs (Befangenheit tab, the minutes'
    facts) read the agenda and the recusals at its items once, not each for itself (found
    by a tester: three statements more per sheet, each a round trip to a server); the links
    between the items the recusals follow come with the agenda, not read again."""

    def reads(statements: list[str]) -> list[int]:
        return [sum(s.startswith(r) for s in statements) for r in (AGENDA_READ, RECUSAL_LINKS_READ)]

    def conflicts_and_attendance(statements: list[str]) -> list[int]:
        """How often the conflicts recorded and the attendance are read (once each: the
        recusals take the conflicts read for the sheet, which takes who was away from the
        attendance sheet)."""
        return [sum(f"FROM {table}" in s for s in statements) for table in TABLES]

    with recorded_statements(database.engine) as statements:
        sheet = service.sheet(meeting.meeting_id)
    assert sheet.item(meeting.item_ids[2]).project_title == "Urbane Datenplattform"
    assert reads(statements) == [1, 0]
    assert conflicts_and_attendance(statements) == [1, 1]
    with database.reading() as session, recorded_statements(database.engine) as statements:
        facts = meeting_facts(session, session.get(models.Meeting, meeting.meeting_id))
    assert facts.conflicts == sheet
    assert reads(statements) == [1, 0]
    assert conflicts_and_attendance(statements) == [1, 1]
