"""A recommendation to two projects, still "übermittelt" because Parkhaus has not answered,
while Klimaportal answered with an interim plan whose date has passed: Parkhaus is reminded
of its response, Klimaportal of the state of the implementation (found by a tester: the
plan was not chased at all). The reminders due, the register's filter, the Übersicht, the
Projekte page and the history (on both databases); the letter read back from the PDF."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from expertenrat.domain.enums import HistoryKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.overview import OverviewService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_reminders import RecommendationRemindersService
from expertenrat.services.recommendations import RecommendationsService

TODAY = date(2026, 7, 10)
PLANNED_BY = date(2026, 6, 30)


@pytest.fixture
def setup(database, actor, council, fields):
    projects = ProjectsService(database, actor)
    ids = {
        title: projects.create(
            council.id,
            Project(None, title, action_field_id=fields["Umwelt"].id, contact_name="Dr. Kühn"),
        )
        for title in ("Klimaportal", "Parkhaus")
    }
    register = RecommendationsService(database, actor)
    content = RecommendationContent("Offene Daten", project_ids=tuple(ids.values()))
    row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
    row = register.send(row.id, row.version, date(2026, 3, 3), date(2026, 7, 1)).row
    draft = ResponseDraft(
        date(2026, 4, 1), ResponseVerdict.PLANNED, "Projektleitung", measures_due_on=PLANNED_BY,
        project_id=ids["Klimaportal"],
    )  # fmt: skip
    row = register.record_response(row.id, row.version, draft, today=date(2026, 4, 1)).row
    assert row.status is RecommendationStatus.SENT  # Parkhaus has not answered
    return RecommendationRemindersService(database, register), register, ids, row


def test_each_project_is_reminded_listed_and_recorded_for_what_it_owes(
    setup, council, database, tmp_path
):
    reminders, register, ids, row = setup

    due = reminders.due(council.id, today=TODAY).projects
    overdue = register.list(council.id, RecommendationFilter(overdue=True), today=TODAY)
    figures = OverviewService(database).overview(council.id, TODAY)
    listed = {
        title: ProjectsService(database, "Frau Schulz").recommendations(key, today=TODAY)
        for title, key in ids.items()
    }
    saved = reminders.save(council.id, tmp_path, today=TODAY)

    assert [
        (r.project.title, [i.code for i in r.responses], [i.code for i in r.plans]) for r in due
    ] == [("Klimaportal", [], [row.code]), ("Parkhaus", [row.code], [])]
    assert [r.overdue for r in due] == [1, 1]
    assert [r.code for r in overdue] == [row.code]
    assert figures.recommendations_overdue == 1
    assert [line.text for line in figures.responses_overdue] == [
        f"{row.code} Offene Daten (Klimaportal): Umsetzung geplant bis 30.06.2026, "
        "seit 10 Tagen überfällig, noch nicht erinnert",
        f"{row.code} Offene Daten (Parkhaus): seit 9 Tagen überfällig, noch nicht erinnert",
    ]
    assert [r.overdue_text for r in listed["Klimaportal"]] == [
        "Umsetzung geplant bis 30.06.2026, seit 10 Tagen überfällig"
    ]
    assert [r.overdue_text for r in listed["Parkhaus"]] == ["seit 9 Tagen überfällig"]
    assert [(s.project.title, s.codes) for s in saved] == [
        ("Klimaportal", (row.code,)),
        ("Parkhaus", (row.code,)),
    ]
    notes = [h.note for h in register.get(row.id).history if h.kind is HistoryKind.REMINDER]
    assert notes == ["Erinnerung an „Klimaportal“", "Erinnerung an „Parkhaus“"]
    assert register.get(row.id).row.status_text == "übermittelt (1 von 2 geantwortet)"


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_letter_asks_the_planning_project_for_the_state_of_the_implementation(setup, council):
    reminders, _register, _ids, row = setup

    letters = {d.project.title: d for d in reminders.documents(council.id, today=TODAY)}

    klima = _pdf_text(letters["Klimaportal"].letter.pdf)
    assert "Stand der geplanten Umsetzung einer Empfehlung – Klimaportal" in klima
    assert "Umsetzung geplant bis" in klima and "30.06.2026" in klima
    assert "Wir bitten um eine Rückmeldung zum Stand der Umsetzung" in klima
    assert row.code in klima and "Ihre Antwort steht noch aus" not in klima
    parkhaus = _pdf_text(letters["Parkhaus"].letter.pdf)
    assert "ausstehende Stellungnahme zu einer Empfehlung – Parkhaus" in parkhaus
    assert "Ihre Antwort steht noch aus" in parkhaus and "Stand der Umsetzung" not in parkhaus


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())
