"""A recommendation's sending recorded wrongly can be corrected (found by a tester:
"Versenden …" could not be undone and its date not corrected). The day moves (with the
default due date, not one set by hand) and the sending can be taken back, both only while
no statement is recorded; the taking back also only before a reminder."""

from __future__ import annotations

import re
from datetime import date

import pytest

from expertenrat.domain.enums import HistoryKind, ResponseVerdict
from expertenrat.domain.enums import RecommendationStatus as S
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendations import RecommendationsService

TODAY = date(2026, 4, 20)


@pytest.fixture
def register(database, actor) -> RecommendationsService:
    return RecommendationsService(database, actor)


@pytest.fixture
def sent(database, actor, council, fields, register):
    """E-2026-01, adopted on 10.03.2026 and sent on 31.03.2026 to the Datenplattform."""
    project = ProjectsService(database, actor).create(
        council.id, Project(None, "Datenplattform", action_field_id=fields["Stadtdaten"].id)
    )
    content = RecommendationContent(title="Offene Schnittstellen", project_ids=(project,))
    made = register.create(council.id, content, date(2026, 3, 10), adopted=True).row
    return register.send(made.id, made.version, date(2026, 3, 31)).row


def test_the_day_corrected_moves_the_default_due_date(database, register, sent) -> None:
    assert sent.due_on == date(2026, 6, 1)  # two months on, a working day

    detail = register.correct_sent_on(sent.id, sent.version, date(2026, 3, 20), today=TODAY)

    assert (detail.row.status, detail.row.sent_on) == (S.SENT, date(2026, 3, 20))
    assert detail.row.due_on == date(2026, 5, 20)
    told = "Berichtigung: übermittelt am 20.03.2026, nicht am 31.03.2026"
    assert (detail.history[-1].kind, detail.history[-1].note) == (HistoryKind.EDIT, told)
    entry = AuditService(database).entries("recommendation", sent.id)[-1]
    assert entry.summary == f"Empfehlung {sent.code}: {told}"


def test_a_due_date_set_by_hand_stays(register, sent) -> None:
    own = register.set_due_date(sent.id, sent.version, date(2026, 7, 31), TODAY).row

    detail = register.correct_sent_on(own.id, own.version, date(2026, 3, 20), today=TODAY)

    assert detail.row.due_on == date(2026, 7, 31)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 3, 9), "Die Übermittlung (09.03.2026) kann nicht vor dem Beschluss"),
        (date(2026, 4, 21), "liegt in der Zukunft"),
        (date(2026, 4, 16), "kann nicht nach der ersten Erinnerung (15.04.2026) liegen"),
        (date(2026, 3, 31), "Die Übermittlung ist bereits für den 31.03.2026 erfasst"),
    ],
)
def test_a_day_before_the_adoption_in_the_future_after_a_reminder_or_unchanged_is_refused(
    register, sent, day, message
) -> None:
    register.record_reminder(sent.projects[0].id, date(2026, 4, 15))
    current = register.get(sent.id).row

    with pytest.raises(ValidationError, match=re.escape(message)):
        register.correct_sent_on(sent.id, current.version, day, today=TODAY)

    assert register.get(sent.id).row.sent_on == date(2026, 3, 31)


def test_a_sending_taken_back_leaves_it_adopted(database, register, sent) -> None:
    detail = register.take_back_sending(sent.id, sent.version, today=TODAY)

    assert (detail.row.status, detail.row.sent_on, detail.row.due_on) == (S.ADOPTED, None, None)
    last = detail.history[-1]
    assert (last.from_status, last.to_status, last.note) == (
        S.SENT,
        S.ADOPTED,
        "Berichtigung: Versand vom 31.03.2026 zurückgenommen",
    )
    assert AuditService(database).entries("recommendation", sent.id)[-1].summary == (
        f"Empfehlung {sent.code}: Berichtigung: Versand vom 31.03.2026 zurückgenommen "
        "(übermittelt → beschlossen)"
    )
    again = register.send(sent.id, detail.row.version, date(2026, 4, 20), today=TODAY).row
    assert again.status is S.SENT


def test_no_taking_back_after_a_reminder_or_a_statement(register, sent) -> None:
    assert register.sending_kept(sent.id) is None
    register.record_reminder(sent.projects[0].id, date(2026, 4, 15))
    reminded = register.get(sent.id).row
    assert register.sending_kept(sent.id) == (  # asked before the choice (found by a tester)
        f"An die Stellungnahme zur Empfehlung {sent.code} wurde am 15.04.2026 erinnert; ihr "
        "Versand lässt sich nicht mehr zurücknehmen."
    )
    with pytest.raises(ValidationError, match=r"wurde am 15\.04\.2026 erinnert"):
        register.take_back_sending(sent.id, reminded.version, today=TODAY)

    response = ResponseDraft(date(2026, 4, 18), ResponseVerdict.COMPLIED, responder="Amt")
    answered = register.record_response(sent.id, reminded.version, response).row
    for correct in (
        lambda: register.take_back_sending(sent.id, answered.version, today=TODAY),
        lambda: register.correct_sent_on(sent.id, answered.version, date(2026, 3, 20)),
    ):
        with pytest.raises(ValidationError, match="eine Stellungnahme ist erfasst"):
            correct()
    assert register.get(sent.id).row.sent_on == date(2026, 3, 31)
