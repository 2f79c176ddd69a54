"""A recommendation addressed to several projects, on SQLite and PostgreSQL: each answer
names its project (or is a joint one); the recommendation is answered only when every
addressed project has answered, and until then only the projects still awaited are
overdue and reminded. Bad input is refused with a German message and saves nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import HistoryKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.errors import ConcurrentEditError, ValidationError
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_reminders import RecommendationRemindersService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store import models

S = RecommendationStatus
TODAY = date(2026, 6, 1)
DUE = date(2026, 5, 4)


@pytest.fixture
def register(database, actor) -> RecommendationsService:
    return RecommendationsService(database, actor)


@pytest.fixture
def ids(database, actor, council, fields) -> dict[str, int]:
    service = ProjectsService(database, actor)
    return {
        title: service.create(
            council.id,
            Project(None, title, action_field_id=fields["Umwelt"].id, contact_name="Dr. Kühn"),
        )
        for title in ("Klimaportal", "Parkhaus")
    }


def _sent(register, council, ids, *names: str):
    content = RecommendationContent("Offene Daten", project_ids=tuple(ids[n] for n in names))
    row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
    return register.send(row.id, row.version, date(2026, 3, 3), DUE).row


def _answer(register, row, project_id=None, *, joint=False, verdict=ResponseVerdict.COMPLIED,
            final=True, plan=None, on=date(2026, 4, 20)):  # fmt: skip
    draft = ResponseDraft(
        on, verdict, "Projektleitung", final=final, project_id=project_id, joint=joint,
        measures_due_on=plan,
    )  # fmt: skip
    return register.record_response(row.id, row.version, draft, today=TODAY)


def _responses(database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(models.RecommendationResponse))


def test_one_of_two_answering_leaves_it_sent_and_names_the_project_awaited(register, council, ids):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")

    detail = _answer(register, row, ids["Klimaportal"])

    assert detail.row.status is S.SENT
    assert detail.row.answered == {ids["Klimaportal"]}
    assert [p.title for p in detail.row.awaited_projects] == ["Parkhaus"]
    assert detail.row.answer_progress == (
        "1 von 2 Projekten hat geantwortet; es fehlt noch „Parkhaus“"
    )
    (response,) = detail.responses
    assert (response.project_id, response.from_label) == (ids["Klimaportal"], "von „Klimaportal“")
    last = detail.history[-1]
    assert (last.kind, last.to_status) == (HistoryKind.RESPONSE, None)
    assert last.note == (
        "entsprochen (von „Klimaportal“) – 1 von 2 Projekten hat geantwortet; "
        "es fehlt noch „Parkhaus“"
    )
    (listed,) = register.list(council.id, today=TODAY)
    assert listed.overdue  # still overdue: Parkhaus has not answered

    done = _answer(register, detail.row, ids["Parkhaus"], verdict=ResponseVerdict.PLANNED)

    assert done.row.status is S.ANSWERED
    assert (done.history[-1].from_status, done.history[-1].to_status) == (S.SENT, S.ANSWERED)
    assert done.row.answer_progress == ""


def test_a_joint_answer_answers_for_every_addressed_project(register, council, ids):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")

    detail = _answer(register, row, joint=True)

    assert detail.row.status is S.ANSWERED
    assert detail.responses[0].project_id is None
    assert detail.responses[0].from_label == "gemeinsam für alle adressierten Projekte"
    assert "gemeinsame Antwort" in detail.history[-1].note


def test_the_one_addressed_project_answers_without_being_chosen(register, council, ids):
    row = _sent(register, council, ids, "Parkhaus")

    detail = _answer(register, row)

    assert detail.row.status is S.ANSWERED
    assert detail.responses[0].project_id == ids["Parkhaus"]
    assert detail.history[-1].note == "entsprochen"  # one project: as before


def test_no_project_chosen_of_several_is_refused_and_nothing_saved(
    register, council, ids, database
):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")

    with pytest.raises(ValidationError, match="an mehrere Projekte gerichtet: Bitte wählen"):
        _answer(register, row)

    assert _responses(database) == 0
    assert register.get(row.id).row.version == row.version


def test_a_project_not_addressed_or_of_another_council_is_refused(
    register, council, ids, database, actor, settings_service
):
    row = _sent(register, council, ids, "Klimaportal")
    other = settings_service.create_council(CouncilSettings(None, "Beirat", "Wismar"))
    field = settings_service.action_fields(other.id)[0].id
    foreign = ProjectsService(database, actor).create(
        other.id, Project(None, "Hafen", action_field_id=field)
    )

    for project_id in (ids["Parkhaus"], foreign):
        with pytest.raises(ValidationError, match="nicht an dieses Projekt gerichtet"):
            _answer(register, row, project_id)

    assert _responses(database) == 0


def test_an_answer_recorded_meanwhile_on_another_pc_is_refused(register, council, ids, database):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")
    _answer(register, row, ids["Klimaportal"])  # the other PC, with the same version

    with pytest.raises(ConcurrentEditError):
        _answer(register, row, ids["Parkhaus"])

    assert _responses(database) == 1
    assert register.get(row.id).row.status is S.SENT


def test_only_the_project_still_awaited_is_reminded(register, council, ids, database):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")
    _answer(register, row, ids["Klimaportal"])
    reminders = RecommendationRemindersService(database, register)

    due = reminders.due(council.id, today=TODAY)

    assert [(r.project.title, [i.code for i in r.items]) for r in due.projects] == [
        ("Parkhaus", [row.code])
    ]
    assert register.record_reminder(ids["Klimaportal"], TODAY) == []
    assert register.record_reminder(ids["Parkhaus"], TODAY) == [row.code]
    kinds = [h.kind for h in register.get(row.id).history]
    assert kinds.count(HistoryKind.REMINDER) == 1
    summaries = [e.summary for e in AuditService(database).entries("recommendation", row.id)]
    answer = "Antwort zu Empfehlung E-2026-01: entsprochen, abschließend (von „Klimaportal“)"
    assert answer in summaries


def test_a_plan_is_awaited_from_the_project_that_planned(register, council, ids, database):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")
    planned = _answer(
        register, row, ids["Klimaportal"], verdict=ResponseVerdict.PLANNED, final=False,
        plan=date(2026, 5, 15),
    ).row  # fmt: skip
    answered = _answer(register, planned, ids["Parkhaus"], on=date(2026, 4, 25)).row

    assert answered.status is S.ANSWERED
    (listed,) = register.list(council.id, today=TODAY)
    assert (listed.planned_by, listed.plan_overdue) == (date(2026, 5, 15), True)
    assert [p.title for p in listed.awaited_projects] == ["Klimaportal"]
    due = RecommendationRemindersService(database, register).due(council.id, today=TODAY)
    assert [r.project.title for r in due.projects] == ["Klimaportal"]


def test_the_project_that_answered_does_not_list_it_as_overdue(register, council, ids, database):
    row = _sent(register, council, ids, "Klimaportal", "Parkhaus")
    _answer(register, row, ids["Klimaportal"])
    projects = ProjectsService(database, "Frau Schulz")

    (answered,) = projects.recommendations(ids["Klimaportal"], today=TODAY)
    (awaited,) = projects.recommendations(ids["Parkhaus"], today=TODAY)

    assert not answered.overdue
    assert awaited.overdue_text == "seit 28 Tagen überfällig"
