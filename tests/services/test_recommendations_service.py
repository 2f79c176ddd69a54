"""The recommendations register service on SQLite and PostgreSQL: content, every lifecycle
step with its history and audit entry, due dates, responses, reminders and bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from expertenrat.domain.enums import (
    HistoryKind,
    RecommendationKind,
    RecommendationStatus,
    ResponseVerdict,
)
from expertenrat.domain.errors import (
    ConcurrentEditError,
    InUseError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.domain.recommendations import ALLOWED_STEPS, StepRefused
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store import models

S = RecommendationStatus
HOSTILE = "<b>Daten & „Zitate“</b> 'x' \"y\" 😀 Ärger\u200d"
ON = date(2026, 3, 10)


@pytest.fixture
def register(database, actor) -> RecommendationsService:
    return RecommendationsService(database, actor)


@pytest.fixture
def projects(database, actor, council, fields) -> dict[str, Project]:
    service = ProjectsService(database, actor)
    made = {}
    for title, unit, field in (
        ("Datenplattform", "Amt für Digitalisierung", "Stadtdaten"),
        ("Klimaportal", "Umweltamt", "Umwelt"),
    ):
        project_id = service.create(
            council.id,
            Project(
                None, title, action_field_id=fields[field].id, lead_unit=unit,
                contact_name="Frau Kühn", contact_email="kuehn@example.org",
            ),
        )  # fmt: skip
        made[title] = service.project(project_id)
    return made


def _content(projects, *names: str, **changes) -> RecommendationContent:
    values = {"title": "Offene Schnittstellen", "text": "Bitte offen.", **changes}
    return RecommendationContent(project_ids=tuple(projects[n].id for n in names), **values)


def _sent(register, council, projects, sent_on=date(2026, 1, 31), due_on=None):
    made = register.create(council.id, _content(projects, "Datenplattform"), ON, adopted=True)
    return register.send(made.row.id, made.row.version, max(sent_on, ON), due_on)


# --- creating and reading ----------------------------------------------------------------


def test_a_recommendation_between_meetings_is_created_as_a_draft(register, council, projects):
    made = register.create(council.id, _content(projects, "Klimaportal", "Datenplattform"), ON)

    row = made.row
    assert (row.code, row.status, row.adopted_on) == ("E-2026-01", S.DRAFT, None)
    assert [p.title for p in row.projects] == ["Klimaportal", "Datenplattform"]
    assert row.lead_units == "Umweltamt; Amt für Digitalisierung"
    assert row.action_field == "Umwelt"  # the first project's field
    assert row.origin.label == "zwischen den Sitzungen"
    assert made.text == "Bitte offen."
    (entry,) = made.history
    assert (entry.kind, entry.to_status, entry.occurred_on) == (HistoryKind.STATUS, S.DRAFT, ON)


def test_an_adopted_one_gets_the_date_and_the_next_code_of_its_year(register, council, projects):
    register.create(council.id, _content(projects), date(2025, 12, 1))
    first = register.create(council.id, _content(projects), ON, adopted=True)
    second = register.create(council.id, _content(projects), ON, adopted=True)

    assert (first.row.code, second.row.code) == ("E-2026-01", "E-2026-02")
    assert (first.row.status, first.row.adopted_on) == (S.ADOPTED, ON)


def test_a_statement_keeps_its_kind(register, council, projects):
    made = register.create(
        council.id, _content(projects, kind=RecommendationKind.STATEMENT), ON, adopted=True
    )

    assert register.get(made.row.id).row.kind is RecommendationKind.STATEMENT


def test_hostile_and_long_texts_are_stored_literally(register, council, projects):
    text = (HOSTILE + "\n") * 600
    made = register.create(
        council.id, _content(projects, title=HOSTILE, text=text[:20_000]), ON, note=HOSTILE
    )

    stored = register.get(made.row.id)
    assert (stored.row.title, stored.text) == (HOSTILE, text[:20_000].strip())
    assert stored.history[0].note == HOSTILE


def test_a_text_over_20000_characters_is_refused_and_nothing_is_saved(
    register, council, projects, database
):
    with pytest.raises(ValidationError) as refused:
        register.create(council.id, _content(projects, text="x" * 20_001), ON)

    assert "höchstens 20.000 Zeichen" in refused.value.message
    assert _count(database, models.Recommendation) == 0


def test_an_empty_title_is_refused(register, council, projects):
    with pytest.raises(ValidationError, match="Titel"):
        register.create(council.id, _content(projects, title="   "), ON)


def test_a_recommendation_for_a_deleted_project_is_refused(
    register, council, projects, database, actor
):
    ProjectsService(database, actor).delete(projects["Klimaportal"])
    with database.transaction() as session:  # one with consultations stays as a tombstone
        session.get(models.Project, projects["Datenplattform"].id).deleted_at = ON

    with pytest.raises(ValidationError, match="gelöscht"):
        register.create(council.id, _content(projects, "Klimaportal"), ON)
    with pytest.raises(ValidationError) as caught:
        register.create(council.id, _content(projects, "Datenplattform"), ON)
    # (found by a tester) it said "an es kann keine Empfehlung gerichtet werden"
    assert caught.value.problems[0].message == (
        "Das Projekt „Datenplattform“ wurde gelöscht und kann keine Empfehlung mehr erhalten."
    )
    assert _count(database, models.Recommendation) == 0


def test_a_project_of_another_council_is_refused(register, council, projects, settings_service):
    from expertenrat.domain.councils import CouncilSettings

    other = settings_service.create_council(CouncilSettings(None, "Beirat", "Wismar"))

    with pytest.raises(ValidationError, match="Projekt"):
        register.create(other.id, _content(projects, "Klimaportal"), ON)


def test_list_filters_by_status_field_project_year_and_overdue(register, council, projects, fields):
    draft = register.create(council.id, _content(projects, "Klimaportal"), ON).row
    old = register.create(council.id, _content(projects), date(2025, 5, 1), adopted=True).row
    # due 10.05.2026, a Sunday: the next working day
    sent = _sent(register, council, projects, date(2026, 3, 10)).row

    def codes(**wanted):
        found = register.list(council.id, RecommendationFilter(**wanted), today=date(2026, 6, 1))
        return [r.code for r in found]

    assert codes() == [old.code, draft.code, sent.code]
    assert codes(statuses=frozenset({S.DRAFT, S.SENT})) == [draft.code, sent.code]
    assert codes(action_field_id=fields["Umwelt"].id) == [draft.code]
    assert codes(project_id=projects["Datenplattform"].id) == [sent.code]
    assert codes(year=2025) == [old.code]
    assert codes(overdue=True) == [sent.code]
    (row,) = [r for r in register.list(council.id, today=date(2026, 6, 1)) if r.id == sent.id]
    assert (row.due_on, row.days_overdue) == (date(2026, 5, 11), 21)


def test_overdue_of_a_chosen_project_is_what_that_project_owes(register, council, projects):
    """(found by a tester) Filtered to a project and "überfällig", the register listed a
    recommendation that project had answered for good, only the other project being late;
    its Projekte page and the reminders rightly did not."""
    made = register.create(
        council.id, _content(projects, "Datenplattform", "Klimaportal"), ON, adopted=True
    ).row
    row = register.send(made.id, made.version, date(2026, 3, 12), date(2026, 5, 12)).row
    answer = ResponseDraft(
        date(2026, 5, 4),
        ResponseVerdict.COMPLIED,
        final=True,
        project_id=projects["Datenplattform"].id,
    )
    register.record_response(row.id, row.version, answer)

    def overdue(project: str | None) -> list[str]:
        key = projects[project].id if project else None
        wanted = RecommendationFilter(project_id=key, overdue=True)
        return [r.code for r in register.list(council.id, wanted, today=date(2026, 6, 1))]

    assert overdue(None) == [row.code]
    assert overdue("Klimaportal") == [row.code]
    assert overdue("Datenplattform") == []


def test_only_the_search_reads_the_words_of_the_text_and_the_answers(register, council, projects):
    """The register page's search looks in the text and the answers; the other readers of
    the register (Übersicht, reports, reminders) read neither."""
    sent = _sent(register, council, projects).row
    answer = ResponseDraft(date(2026, 4, 1), ResponseVerdict.PLANNED, responder="Amt für Planung")
    row = register.record_response(sent.id, sent.version, answer).row

    (plain,) = register.list(council.id)
    (searchable,) = register.list(council.id, searchable=True)
    (searched,) = register.list(council.id, RecommendationFilter(search="offen planung"))

    assert plain.id == searchable.id == searched.id == row.id
    assert plain.words == ""
    assert "Bitte offen." in searchable.words and "Amt für Planung" in searchable.words
    assert searched.words == searchable.words


# --- the lifecycle -----------------------------------------------------------------------


def _bring_to(register, council, projects, status: S):
    """A recommendation in ``status``, reached through the service's own steps."""
    detail = register.create(council.id, _content(projects, "Datenplattform"), ON)
    row = detail.row
    path = {
        S.DRAFT: [],
        S.ADOPTED: ["adopt"],
        S.SENT: ["adopt", "send"],
        S.ANSWERED: ["adopt", "send", "answer"],
        S.IMPLEMENTED: ["adopt", "send", "answer", S.IMPLEMENTED],
        S.PARTLY_IMPLEMENTED: ["adopt", "send", "answer", S.PARTLY_IMPLEMENTED],
        S.NOT_IMPLEMENTED: ["adopt", "send", "answer", S.NOT_IMPLEMENTED],
        S.WITHDRAWN: ["withdraw"],
    }[status]
    for step in path:
        row = _do(register, row, step).row
    assert row.status is status
    return row


def _do(register, row, step):
    if step == "adopt" or step is S.ADOPTED:
        return register.adopt(row.id, row.version, ON)
    if step == "send" or step is S.SENT:
        return register.send(row.id, row.version, date(2026, 3, 12))
    if step == "answer" or step is S.ANSWERED:
        draft = ResponseDraft(date(2026, 4, 1), ResponseVerdict.PLANNED, responder="Amt")
        return register.record_response(row.id, row.version, draft)
    if step == "withdraw" or step is S.WITHDRAWN:
        return register.withdraw(row.id, row.version, date(2026, 4, 2), note="überholt")
    if step is S.DRAFT:
        raise StepRefused(row.code, row.status, S.DRAFT)  # there is no step back to a draft
    return register.close(row.id, row.version, step, date(2026, 6, 1))


STEPS = [(a, b) for a in S for b in S]


@pytest.mark.parametrize(("current", "wanted"), STEPS, ids=lambda s: s.value)
def test_every_step_of_the_table_is_taken_or_refused(
    register, council, projects, database, current, wanted
):
    row = _bring_to(register, council, projects, current)
    history_before = _count(database, models.RecommendationStatusChange)

    further_response = current is wanted is S.ANSWERED  # stays answered, not a step
    if wanted in ALLOWED_STEPS[current] or further_response:
        after = _do(register, row, wanted)
        assert after.row.status is wanted
        assert after.row.version > row.version
        last = after.history[-1]
        assert (last.from_status, last.to_status) == (current, wanted)
        assert _count(database, models.RecommendationStatusChange) == history_before + 1
    else:
        with pytest.raises((StepRefused, ValidationError)) as refused:
            _do(register, row, wanted)
        if wanted is not S.DRAFT:
            assert f"„{current.label}“" in refused.value.message
        assert register.get(row.id).row.status is current
        assert _count(database, models.RecommendationStatusChange) == history_before


def test_a_further_response_keeps_it_answered(register, council, projects):
    row = _bring_to(register, council, projects, S.ANSWERED)
    final = ResponseDraft(
        date(2026, 5, 2), ResponseVerdict.PARTLY_COMPLIED, responder="Amtsleitung",
        reasons="Budget & Personal", measures="Pilot 2027", measures_due_on=date(2027, 6, 30),
        final=True,
    )  # fmt: skip

    detail = register.record_response(row.id, row.version, final)

    assert detail.row.status is S.ANSWERED
    assert [(r.verdict, r.final) for r in detail.responses] == [
        (ResponseVerdict.PLANNED, False),
        (ResponseVerdict.PARTLY_COMPLIED, True),
    ]
    assert detail.responses[1].measures_due_on == date(2027, 6, 30)
    assert [h.kind for h in detail.history][-2:] == [HistoryKind.RESPONSE, HistoryKind.RESPONSE]


def test_a_rejection_without_reasons_is_refused_and_nothing_is_saved(
    register, council, projects, database
):
    row = _sent(register, council, projects).row

    with pytest.raises(ValidationError, match="Begründung"):
        register.record_response(
            row.id, row.version, ResponseDraft(date(2026, 4, 1), ResponseVerdict.NOT_COMPLIED)
        )

    assert register.get(row.id).row.status is S.SENT
    assert _count(database, models.RecommendationResponse) == 0


def test_hostile_reasons_are_stored_literally(register, council, projects):
    row = _sent(register, council, projects).row
    draft = ResponseDraft(
        date(2026, 4, 1), ResponseVerdict.NOT_COMPLIED, responder=HOSTILE, reasons=HOSTILE
    )

    (response,) = register.record_response(row.id, row.version, draft).responses

    assert (response.responder, response.reasons) == (HOSTILE, HOSTILE)


def test_sending_sets_the_due_date_from_the_council_period(register, council, projects):
    row = register.create(council.id, _content(projects), date(2026, 1, 20), adopted=True).row

    sent = register.send(row.id, row.version, date(2026, 1, 31)).row

    assert (sent.sent_on, sent.due_on) == (date(2026, 1, 31), date(2026, 3, 31))  # 2 months


def test_the_default_due_date_is_a_working_day_and_a_given_one_stays(
    register, council, projects, settings_service
):
    """(found by a tester) Sent on 29.01.2026 with two months, the response was due on
    Sunday, 29 March 2026; Reformationstag counts where the council's Bundesland has it.
    A due date given stays as it is, and a stored one does not change."""
    row = register.create(council.id, _content(projects), date(2025, 8, 1), adopted=True).row
    sent = register.send(row.id, row.version, date(2026, 1, 29)).row
    assert sent.due_on == date(2026, 3, 30)

    def due_of(sent_on: date, due_on: date | None = None) -> date | None:
        row = register.create(council.id, _content(projects), date(2025, 8, 1), adopted=True).row
        return register.send(row.id, row.version, sent_on, due_on).row.due_on

    assert due_of(date(2025, 8, 31)) == date(2025, 11, 3)  # Friday, Reformationstag in MV
    assert due_of(date(2026, 1, 29), date(2026, 3, 29)) == date(2026, 3, 29)  # as given
    settings_service.update_settings(
        replace(settings_service.settings(council.id), bundesland="DE-BY")
    )
    assert due_of(date(2025, 8, 31)) == date(2025, 10, 31)  # a working day in Bayern
    assert register.get(sent.id).row.due_on == date(2026, 3, 30)


def test_sending_with_a_due_date_before_the_send_date_is_refused(register, council, projects):
    row = register.create(council.id, _content(projects), ON, adopted=True).row

    with pytest.raises(ValidationError, match="vor der Übermittlung"):
        register.send(row.id, row.version, date(2026, 3, 20), date(2026, 3, 19))

    assert register.get(row.id).row.status is S.ADOPTED


def test_sending_before_the_adoption_is_refused(register, council, projects):
    row = register.create(council.id, _content(projects), ON, adopted=True).row

    with pytest.raises(ValidationError, match="vor dem Beschluss"):
        register.send(row.id, row.version, date(2026, 3, 9))


def test_a_step_dated_after_today_is_refused_and_mints_no_code(register, council, projects):
    """A slip of the keyboard (2062 for 2026) would make a code E-2062-01 for good."""
    future = date.today() + timedelta(days=400)

    with pytest.raises(ValidationError, match="liegt in der Zukunft"):
        register.create(council.id, _content(projects), future, adopted=True)
    assert register.list(council.id) == []
    row = _sent(register, council, projects, date(2026, 3, 12)).row
    with pytest.raises(ValidationError, match=r"Der Eingang der Antwort .* liegt in der Zukunft"):
        register.record_response(
            row.id, row.version, ResponseDraft(future, ResponseVerdict.COMPLIED)
        )
    with pytest.raises(ValidationError, match="liegt in der Zukunft"):
        register.withdraw(row.id, row.version, future, "überholt")
    assert register.get(row.id).row.status is S.SENT


def test_closing_or_withdrawing_before_the_earlier_steps_is_refused(register, council, projects):
    """The history would list the end before the start: the date of a closing or a
    withdrawal is not before the adoption, the sending and the latest response."""
    row = _sent(register, council, projects, date(2026, 3, 12)).row
    answered = register.record_response(
        row.id, row.version, ResponseDraft(date(2026, 4, 2), ResponseVerdict.COMPLIED)
    ).row

    with pytest.raises(ValidationError, match=r"vor der letzten Stellungnahme \(02.04.2026\)"):
        register.close(answered.id, answered.version, S.IMPLEMENTED, date(2026, 4, 1))
    adopted = register.create(council.id, _content(projects), ON, adopted=True).row
    with pytest.raises(ValidationError, match=r"vor dem Beschluss \(10.03.2026\)"):
        register.withdraw(adopted.id, adopted.version, date(2020, 1, 1), "überholt")
    assert register.get(row.id).row.status is S.ANSWERED
    assert register.get(adopted.id).row.status is S.ADOPTED
    closed = register.close(answered.id, answered.version, S.IMPLEMENTED, date(2026, 4, 2))
    assert [h.occurred_on for h in closed.history] == sorted(h.occurred_on for h in closed.history)


def test_a_new_due_date_is_recorded_in_the_history(register, council, projects, database, actor):
    row = _sent(register, council, projects, date(2026, 3, 12)).row

    detail = register.set_due_date(row.id, row.version, date(2026, 6, 30), date(2026, 5, 1))

    assert detail.row.due_on == date(2026, 6, 30)
    last = detail.history[-1]
    assert (last.kind, last.occurred_on, last.actor) == (
        HistoryKind.DUE_DATE,
        date(2026, 5, 1),
        actor,
    )
    assert last.note == "Frist 12.05.2026 → 30.06.2026"
    with pytest.raises(ValidationError, match="vor der Übermittlung"):
        register.set_due_date(row.id, detail.row.version, date(2026, 3, 1), date(2026, 5, 1))


def test_the_same_due_date_again_changes_nothing(register, council, projects, database):
    row = _sent(register, council, projects, date(2026, 3, 12)).row
    entries = len(AuditService(database).entries("recommendation", row.id))

    detail = register.set_due_date(row.id, row.version, row.due_on, date(2026, 5, 1))

    assert detail.row.version == row.version and detail.row.due_on == row.due_on
    assert all(entry.kind is not HistoryKind.DUE_DATE for entry in detail.history)
    assert len(AuditService(database).entries("recommendation", row.id)) == entries


def test_a_stale_version_is_refused(register, council, projects):
    row = register.create(council.id, _content(projects), ON).row
    register.adopt(row.id, row.version, ON)

    with pytest.raises(ConcurrentEditError):
        register.withdraw(row.id, row.version, ON, "überholt")


def test_a_withdrawal_needs_its_reason(register, council, projects):
    row = register.create(council.id, _content(projects), ON).row

    with pytest.raises(ValidationError, match="warum die Empfehlung zurückgezogen wird"):
        register.withdraw(row.id, row.version, ON, "  ")

    assert register.get(row.id).row.status is RecommendationStatus.DRAFT


def test_content_changes_only_while_draft_or_adopted(register, council, projects):
    row = register.create(council.id, _content(projects, "Datenplattform"), ON).row
    changed = register.update(
        row.id, row.version, _content(projects, "Klimaportal", title="Neu"), ON
    ).row
    assert (changed.title, changed.project_names) == ("Neu", "Klimaportal")

    sent = register.send(*_adopted(register, changed), date(2026, 3, 12)).row
    with pytest.raises(InUseError, match="„übermittelt“"):
        register.update(sent.id, sent.version, _content(projects, title="Später"), ON)


def test_content_saved_unchanged_changes_nothing(register, council, projects, database):
    """(found by a tester) "Bearbeiten …" saved without a change put a line "geändert"
    into the history (and a new version, which refused another PC's edit)."""
    content = _content(projects, "Datenplattform")
    row = register.create(council.id, content, ON).row
    entries = len(AuditService(database).entries("recommendation", row.id))

    detail = register.update(row.id, row.version, content, ON)

    assert detail.row.version == row.version
    assert all(entry.kind is not HistoryKind.EDIT for entry in detail.history)
    assert len(AuditService(database).entries("recommendation", row.id)) == entries


def _adopted(register, row):
    adopted = register.adopt(row.id, row.version, ON).row
    return adopted.id, adopted.version


def test_a_reminder_is_recorded_for_each_awaited_recommendation_of_the_project(
    register, council, projects
):
    awaited = _sent(register, council, projects).row
    answered = _bring_to(register, council, projects, S.ANSWERED)
    register.create(council.id, _content(projects, "Datenplattform"), ON)  # a draft

    codes = register.record_reminder(projects["Datenplattform"].id, date(2026, 6, 2))

    assert codes == [awaited.code]
    last = register.get(awaited.id).history[-1]
    assert (last.kind, last.occurred_on) == (HistoryKind.REMINDER, date(2026, 6, 2))
    assert register.get(answered.id).history[-1].kind is not HistoryKind.REMINDER


def test_every_step_is_audited(register, council, projects, database):
    row = _bring_to(register, council, projects, S.IMPLEMENTED)

    summaries = [e.summary for e in AuditService(database).entries("recommendation")]

    assert f"Empfehlung {row.code}: beantwortet → umgesetzt" in summaries
    assert f"Empfehlung {row.code}: beschlossen → übermittelt" in summaries
    assert any(s.startswith(f"Antwort zu Empfehlung {row.code}") for s in summaries)


def test_a_deleted_or_unknown_recommendation_is_not_found(register):
    with pytest.raises(NotFoundError):
        register.get(999_999)


def _count(database, model) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model))
