"""A response recorded by mistake (on the wrong recommendation, for the wrong project) is
removed with a reason: the recommendation is sent again where no longer answered by every
addressed project, overdue and reminded as before, and its history says what the removed
response said and why it went (found by a tester: a mistaken answer could not be undone,
so the recommendation stayed "beantwortet" and no reminder named it). One closed on a wrong
answer is opened again first, with a reason (found by a tester: closed was final, so the
answer could never go)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from expertenrat.domain.audit_fields import field_changes
from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.errors import InUseError, ValidationError
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_reminders import RecommendationRemindersService
from expertenrat.services.recommendations import RecommendationsService

TODAY = date(2026, 12, 4)
S = RecommendationStatus

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


@pytest.fixture
def register(database, actor, council, fields):
    projects = ProjectsService(database, actor)
    ids = [
        projects.create(council.id, Project(None, title, action_field_id=fields["Umwelt"].id))
        for title in ("Klimaportal", "Parkhaus")
    ]
    return RecommendationsService(database, actor), ids


def sent(register, council, project_ids):
    service, _ids = register
    content = RecommendationContent("Offene Daten", project_ids=tuple(project_ids))
    row = service.create(council.id, content, date(2026, 9, 1), adopted=True).row
    return service.send(row.id, row.version, date(2026, 9, 2), date(2026, 11, 2)).row


def answered(service, row, project_id=None, **kwargs):
    draft = ResponseDraft(date(2026, 10, 1), ResponseVerdict.COMPLIED, project_id=project_id)
    return service.record_response(row.id, row.version, draft, **kwargs)


def test_a_mistaken_answer_removed_makes_the_recommendation_overdue_and_reminded_again(
    register, council, database
):
    service, (klima, _parkhaus) = register
    row = answered(service, sent(register, council, [klima])).row
    assert row.status is S.ANSWERED and not row.overdue

    detail = service.remove_response(
        row.id, row.version, service.get(row.id).responses[0].id, "Gehörte zu E-2026-02",
        today=TODAY,
    )  # fmt: skip

    assert detail.row.status is S.SENT and detail.responses == ()
    assert detail.row.days_overdue == 32
    last = detail.history[-1]
    assert (last.occurred_on, last.from_status, last.to_status) == (TODAY, S.ANSWERED, S.SENT)
    assert last.note == "Antwort vom 01.10.2026 (entsprochen) entfernt: Gehörte zu E-2026-02"
    reminders = RecommendationRemindersService(database, service)
    due = reminders.due(council.id, today=TODAY).projects
    assert [i.code for r in due for i in r.items] == [row.code]


def test_removing_one_of_two_projects_answers_keeps_the_others(register, council):
    service, (klima, parkhaus) = register
    row = sent(register, council, [klima, parkhaus])
    row = answered(service, row, klima).row
    row = answered(service, row, parkhaus).row
    assert row.status is S.ANSWERED
    wrong = next(r for r in service.get(row.id).responses if r.project_id == parkhaus)

    detail = service.remove_response(row.id, row.version, wrong.id, "Falsches Projekt")

    assert detail.row.status is S.SENT and detail.row.answered == {klima}
    # found by a tester: "Antwort vom 01.10.2026 (entsprochen (von „Parkhaus“)) entfernt"
    assert detail.history[-1].note == (
        "Antwort von „Parkhaus“ vom 01.10.2026 (entsprochen) entfernt: Falsches Projekt"
    )


def test_a_removed_joint_answer_is_named_so_in_the_history(register, council):
    service, (klima, parkhaus) = register
    row = sent(register, council, [klima, parkhaus])
    draft = ResponseDraft(date(2026, 10, 1), ResponseVerdict.NOT_COMPLIED, reasons="Kein Geld")
    row = service.record_response(row.id, row.version, replace(draft, joint=True)).row
    joint = service.get(row.id).responses[0]

    detail = service.remove_response(row.id, row.version, joint.id, "Gehörte zu E-2026-12")

    assert detail.row.status is S.SENT and detail.row.answered == frozenset()
    assert detail.history[-1].note == (
        "Gemeinsame Antwort vom 01.10.2026 (nicht entsprochen) entfernt: Gehörte zu E-2026-12"
    )


def test_the_audit_trail_names_the_removed_response_in_german(register, council, database):
    service, (klima, _parkhaus) = register
    row = sent(register, council, [klima])
    draft = ResponseDraft(
        date(2026, 10, 1), ResponseVerdict.PARTLY_COMPLIED, "Frau Kühn", "Zu teuer & <knapp>"
    )
    row = service.record_response(row.id, row.version, draft).row
    service.remove_response(row.id, row.version, service.get(row.id).responses[0].id, "Irrtum")

    (entry,) = AuditService(database).entries("recommendation", row.id)[-1:]
    (removed,) = [c for c in field_changes(entry.entity, entry.before, entry.after)
                  if c.label == "Entfernte Stellungnahme"]  # fmt: skip
    assert removed.before == (
        f"Projekt (Nr.): {klima}, eingegangen am: 01.10.2026, Ergebnis: teilweise entsprochen, "
        "Wer geantwortet hat: Frau Kühn, Begründung: Zu teuer & <knapp>, abschließend: nein"
    )


def test_a_removal_needs_a_reason_and_an_open_recommendation(register, council):
    service, (klima, _parkhaus) = register
    row = answered(service, sent(register, council, [klima])).row
    response_id = service.get(row.id).responses[0].id

    with pytest.raises(ValidationError, match="warum die Antwort entfernt wird"):
        service.remove_response(row.id, row.version, response_id, "  ")
    row = service.close(row.id, row.version, S.IMPLEMENTED, date(2026, 11, 1)).row
    with pytest.raises(InUseError, match="„umgesetzt“; eine Antwort lässt sich nur"):
        service.remove_response(row.id, row.version, response_id, "Versehen")
    assert len(service.get(row.id).responses) == 1


def test_one_closed_on_a_wrong_answer_is_opened_again_and_the_answer_removed(
    register, council, database
):
    service, (klima, _parkhaus) = register
    row = answered(service, sent(register, council, [klima])).row
    row = service.close(row.id, row.version, S.IMPLEMENTED, date(2026, 11, 1)).row

    detail = service.reopen(row.id, row.version, "Antwort gehörte zu E-2026-02", today=TODAY)

    assert detail.row.status is S.ANSWERED  # what its answer makes it
    last = detail.history[-1]
    assert (last.occurred_on, last.from_status, last.to_status) == (
        TODAY,
        S.IMPLEMENTED,
        S.ANSWERED,
    )
    assert last.note == "Wieder geöffnet (war „umgesetzt“): Antwort gehörte zu E-2026-02"
    assert [h.to_status for h in detail.history if h.to_status][-2:] == [S.IMPLEMENTED, S.ANSWERED]
    (entry,) = AuditService(database).entries("recommendation", row.id)[-1:]
    assert entry.summary == f"Empfehlung {row.code} wieder geöffnet: umgesetzt → beantwortet"
    row = service.remove_response(
        row.id, detail.row.version, detail.responses[0].id, "Versehen", today=TODAY
    ).row
    assert row.status is S.SENT and row.overdue  # awaited, and reminded, again


def test_opening_again_needs_a_reason_and_a_closed_recommendation(register, council):
    service, (klima, _parkhaus) = register
    row = answered(service, sent(register, council, [klima])).row
    with pytest.raises(InUseError, match="„beantwortet“ und nicht abgeschlossen"):
        service.reopen(row.id, row.version, "Versehen")
    closed = service.close(row.id, row.version, S.NOT_IMPLEMENTED, date(2026, 11, 1)).row
    with pytest.raises(ValidationError, match="warum die Empfehlung wieder geöffnet wird"):
        service.reopen(closed.id, closed.version, "  ")
    assert service.get(row.id).row.status is S.NOT_IMPLEMENTED
    other = sent(register, council, [klima])
    other = service.withdraw(other.id, other.version, date(2026, 9, 3), "Überholt").row
    with pytest.raises(InUseError, match="„zurückgezogen“; wieder öffnen lässt sich nur"):
        service.reopen(other.id, other.version, "Versehen")


def test_a_reason_leaving_no_room_for_the_historys_words_is_refused(register, council):
    """The history writes "Wieder geöffnet (war „umgesetzt“): " or "Antwort vom …
    entfernt: " before the reason; a reason of a whole note's length (2,000) stored a note
    longer than allowed, which 'Datenbank prüfen' then named."""
    service, (klima, _parkhaus) = register
    row = answered(service, sent(register, council, [klima])).row
    row = service.close(row.id, row.version, S.IMPLEMENTED, date(2026, 11, 1)).row
    lead = "Wieder geöffnet (war „umgesetzt“): "
    with pytest.raises(ValidationError, match="Der Grund ist um 1 Zeichen zu lang: Im Verlauf"):
        service.reopen(row.id, row.version, "ä" * (2_001 - len(lead)), today=TODAY)
    assert service.get(row.id).row.status is S.IMPLEMENTED

    detail = service.reopen(row.id, row.version, "ä" * (2_000 - len(lead)), today=TODAY)
    assert len(detail.history[-1].note) == 2_000
    with pytest.raises(ValidationError, match="Der Grund ist um 3 Zeichen zu lang"):
        response = detail.responses[0].id
        lead = "Antwort vom 01.10.2026 (entsprochen) entfernt: "
        service.remove_response(row.id, detail.row.version, response, "x" * (2_003 - len(lead)))
    assert service.get(row.id).responses  # kept


def test_closed_anew_not_before_it_was_opened_again(register, council):
    """Closed on 25.11. after opening it again on 04.12., the history listed the new end
    before the opening and read 'wieder geöffnet' last, under a closed status."""
    service, (klima, _parkhaus) = register
    row = answered(service, sent(register, council, [klima])).row
    row = service.close(row.id, row.version, S.IMPLEMENTED, date(2026, 11, 1)).row
    row = service.reopen(row.id, row.version, "Falsche Antwort", today=TODAY).row

    with pytest.raises(ValidationError, match=r"\(25.11.2026\) kann nicht vor dem Wiederöffnen"):
        service.close(row.id, row.version, S.PARTLY_IMPLEMENTED, date(2026, 11, 25), today=TODAY)
    with pytest.raises(ValidationError, match="vor dem Wiederöffnen"):
        service.withdraw(row.id, row.version, date(2026, 11, 25), "Überholt")
    assert service.close(row.id, row.version, S.PARTLY_IMPLEMENTED, TODAY, today=TODAY).row
