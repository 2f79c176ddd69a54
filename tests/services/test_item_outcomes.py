"""Items postponed ("vertagt") or taken off the agenda ("abgesetzt") in the minutes: set
through the minutes service (audited, refused once approved or when another PC set another
outcome), marked in the PDF minutes' agenda and heading, asked no text by the completeness
check, which warns of a vote at such an item; an urgent item so recorded is not deleted;
such an item consulted no project."""

from __future__ import annotations

from datetime import date

import pytest
from minutes_setup import Minutes, held_minutes
from pdf_reading import outline, text

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.audit_fields import readable
from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.errors import ConcurrentEditError, InUseError
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.minutes_versions import parse_snapshot, snapshot_json
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services.agenda import AgendaService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.context import Services
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models

DISCUSSED, POSTPONED, WITHDRAWN = AgendaItemOutcome


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


@pytest.fixture
def service(database, actor) -> MinutesService:
    return MinutesService(database, actor)


def test_an_item_postponed_needs_no_text_and_the_change_is_audited(
    database, service, minutes
) -> None:
    item = service.minutes(minutes.meeting_id).items[1]
    service.save_item(item.item_id, ItemTexts(), item.version, "s")
    assert f"{item.label}: Es fehlt der Protokolltext." in _texts(service, minutes)

    service.set_outcome(item.item_id, POSTPONED, DISCUSSED)

    stored = service.minutes(minutes.meeting_id).item(item.item_id)
    assert stored.outcome is POSTPONED and not stored.lacks_content
    assert f"{item.label}: Es fehlt der Protokolltext." not in _texts(service, minutes)
    assert service.checklist(minutes.meeting_id).complete
    entry = AuditService(database).entries("agenda_item_minutes", item.item_id)[-1]
    assert (entry.before, entry.after) == ({"outcome": "discussed"}, {"outcome": "postponed"})
    assert entry.summary.endswith(": vertagt")
    assert readable("agenda_item_minutes", "outcome", "postponed") == "vertagt"  # as shown


def test_another_pcs_outcome_is_not_saved_over(service, minutes) -> None:
    item_id = minutes.item_ids[1]
    service.set_outcome(item_id, WITHDRAWN, DISCUSSED)

    with pytest.raises(ConcurrentEditError):
        service.set_outcome(item_id, POSTPONED, DISCUSSED)  # read before the change
    assert service.minutes(minutes.meeting_id).item(item_id).outcome is WITHDRAWN


def test_a_resolution_and_its_vote_at_an_item_postponed_pass_the_check(service, minutes) -> None:
    """ "Antrag auf Vertagung, einstimmig angenommen": a vote on postponing is no
    contradiction (found by a tester); an adopted recommendation there is warned of
    (``tests/domain/test_minutes_checklist_outcomes.py``)."""
    item = service.minutes(minutes.meeting_id).items[2]  # a Beschluss and its vote
    assert item.resolution_text and item.votes
    service.set_outcome(item.item_id, POSTPONED, DISCUSSED)

    checklist = service.checklist(minutes.meeting_id)
    assert checklist.complete
    # (The discussion's "Frau Yılmaz berichtet" is warned of: she withholds her name.)
    flagged = [line for line in checklist.lines if line.warning or not line.ok]
    assert [line.text for line in flagged if line.key != "unnamed_named"] == []


def test_a_sub_item_of_an_item_postponed_is_postponed_with_it(database, service, minutes) -> None:
    """Its empty sub-item no longer "fehlt noch" nor blocks the check; the editor's line and
    the PDF mark it ("Mit TOP 4 vertagt."), unless it has an outcome of its own (found by a
    tester)."""
    parent_id = minutes.item_ids[3]
    with database.transaction() as session:
        parent = session.get(models.AgendaItem, parent_id)
        subs = [
            models.AgendaItem(meeting_id=minutes.meeting_id, parent_id=parent_id, position=n,
                              number=f"4.{n + 1}", title=f"Unterpunkt {n + 1}")
            for n in range(2)
        ]  # fmt: skip
        parent.discussion = ""
        session.add_all(subs)
        session.flush()
        first, second = (sub.id for sub in subs)
    assert service.minutes(minutes.meeting_id).item(first).lacks_content

    service.set_outcome(parent_id, POSTPONED, DISCUSSED)
    service.set_outcome(second, WITHDRAWN, DISCUSSED)

    read = service.minutes(minutes.meeting_id)
    assert not read.item(first).lacks_content and read.item(first).outcome is DISCUSSED
    assert read.item(first).mark == "– vertagt" and read.item(second).mark == "– abgesetzt"
    assert service.checklist(minutes.meeting_id).complete
    with database.reading() as session:
        meeting = session.get(models.Meeting, minutes.meeting_id)
        printed = text(render_minutes(minutes_document(session, meeting)).pdf)
    assert "Mit TOP 4 vertagt." in printed
    assert "Der Tagesordnungspunkt wurde abgesetzt." in printed  # 4.2: its own
    assert "Keine Eintragungen." not in printed


def test_the_outcome_is_refused_once_the_minutes_are_approved(database, service, minutes) -> None:
    with database.transaction() as session:
        session.add(
            models.MinutesVersion(meeting_id=minutes.meeting_id, number=1, state="approved")
        )

    with pytest.raises(MinutesFrozenError):
        service.set_outcome(minutes.item_ids[1], POSTPONED, DISCUSSED)


def test_the_pdf_minutes_mark_the_item_in_the_agenda_and_its_heading(
    database, service, minutes
) -> None:
    items = service.minutes(minutes.meeting_id).items
    service.save_item(items[1].item_id, ItemTexts(), items[1].version, "s")
    service.set_outcome(items[1].item_id, POSTPONED, DISCUSSED)
    service.set_outcome(items[3].item_id, WITHDRAWN, DISCUSSED)
    with database.reading() as session:
        meeting = session.get(models.Meeting, minutes.meeting_id)
        pdf = render_minutes(minutes_document(session, meeting)).pdf
        snapshot = minutes_snapshot(session, meeting)
    printed = text(pdf)

    postponed = f"TOP {items[1].number} {items[1].title} – vertagt"
    withdrawn = f"TOP {items[3].number} {items[3].title} – abgesetzt"
    assert postponed in printed and withdrawn in printed  # the item headings
    assert printed.count("– vertagt") == 1  # the agenda's line says "vertagt" alone
    agenda = printed.partition("Tagesordnung")[2].partition(postponed)[0]
    assert f"{items[1].title} vertagt" in agenda and f"{items[3].title} abgesetzt" in agenda
    assert postponed in outline(pdf)
    assert "Der Tagesordnungspunkt wurde vertagt." in printed
    assert "Der Tagesordnungspunkt wurde abgesetzt." in printed
    assert "Keine Eintragungen." not in printed
    # Kept in the versions' snapshot, which leaves it out for an item dealt with.
    assert [i.outcome for i in parse_snapshot(snapshot_json(snapshot)).items] == [
        "beraten", "vertagt", "beraten", "abgesetzt",
    ]  # fmt: skip
    assert snapshot_json(snapshot).count('"outcome"') == 2


def _texts(service: MinutesService, minutes: Minutes) -> list[str]:
    return [line.text for line in service.checklist(minutes.meeting_id).lines]


def test_an_urgent_item_recorded_as_taken_off_is_not_deleted_with_it(
    database, actor, service, minutes
) -> None:
    agenda = AgendaService(database, actor)
    extended = agenda.add_urgent(minutes.meeting_id, AgendaItem(0, "Eilantrag"))
    item = next(i for i in extended.items if i.urgent)
    service.set_outcome(item.key, WITHDRAWN, DISCUSSED)

    with pytest.raises(InUseError, match="im Protokoll als vertagt oder abgesetzt vermerkt"):
        agenda.delete(item.key, service.minutes(minutes.meeting_id).item(item.key).version)


def test_an_item_postponed_or_taken_off_consulted_no_project(
    database, service, minutes, council, fields
) -> None:
    """The Projekte page, the Übersicht's and the Tätigkeitsbericht's figures count the
    project of an item dealt with only."""
    project_id = _project(database, council.id, fields["Stadtdaten"].id, minutes.item_ids[1])
    services = Services.create(database, "tester")
    (consultation,) = services.projects.consultations(project_id)
    assert consultation.meeting_id == minutes.meeting_id

    for outcome, before in ((POSTPONED, DISCUSSED), (WITHDRAWN, POSTPONED)):
        service.set_outcome(minutes.item_ids[1], outcome, before)

        assert _counted(services, council.id, project_id) == (0, 0, 0, 0)


def test_a_project_under_an_item_postponed_was_not_consulted(
    database, service, minutes, council, fields
) -> None:
    """TOP 2 postponed takes 2.1 and its 2.1.1 about the project with it: the counts follow
    the minutes' one rule, two levels up (found by a tester)."""
    parent_id = minutes.item_ids[1]
    with database.transaction() as session:
        sub = models.AgendaItem(
            meeting_id=minutes.meeting_id, parent_id=parent_id, number="2.1", title="Vorstellung"
        )
        session.add(sub)
        session.flush()
        lowest = models.AgendaItem(
            meeting_id=minutes.meeting_id, parent_id=sub.id, number="2.1.1", title="Daten"
        )
        session.add(lowest)
        session.flush()
        lowest_id = lowest.id
    project_id = _project(database, council.id, fields["Stadtdaten"].id, lowest_id)
    services = Services.create(database, "tester")
    assert _counted(services, council.id, project_id) == (1, 1, 1, 1)

    service.set_outcome(parent_id, POSTPONED, DISCUSSED)

    assert service.minutes(minutes.meeting_id).item(lowest_id).mark == "– vertagt"
    assert _counted(services, council.id, project_id) == (0, 0, 0, 0)


def _project(database, council_id: int, field_id: int, item_id: int) -> int:
    """A project of the council, linked to the agenda item ``item_id``."""
    with database.transaction() as session:
        project = models.Project(
            council_id=council_id, title="Datenplattform", action_field_id=field_id
        )
        session.add(project)
        session.flush()
        session.get(models.AgendaItem, item_id).project_id = project.id
        return project.id


def _counted(services: Services, council_id: int, project_id: int) -> tuple[int, int, int, int]:
    """The project's consultations on the Projekte page (listed, counted), in the
    Tätigkeitsbericht and on the Übersicht."""
    report = services.annual_report.report(council_id, 2026, date(2026, 11, 27))
    assert report.consultation_count == len(report.consultations)
    figures = services.overview.overview(council_id, date(2026, 11, 27)).fields_this_year
    return (
        len(services.projects.consultations(project_id)),
        services.projects.projects(council_id)[0].consultations,
        report.consultation_count,
        sum(f.consultations for f in figures),
    )
