"""Approving minutes in a meeting whose agenda has no item approving them asks first."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from meeting_rows import add_meeting
from minutes_setup import Minutes, held_minutes, hold
from sqlalchemy import select

from expertenrat.domain.enums import AgendaItemKind, MinutesState
from expertenrat.domain.errors import QuestionChangedError
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

SENT = date(2026, 3, 20)
THIRD_HELD = datetime(2026, 6, 9, 16, 0)
QUESTION = (
    "Die Tagesordnung der 3. Sitzung hat keinen Punkt zur Genehmigung des Protokolls der "
    "1. Sitzung. Die Genehmigung trotzdem für die 3. Sitzung erfassen?"
)


@pytest.fixture
def service(database, actor) -> MinutesApprovalService:
    return MinutesApprovalService(database, actor, render_minutes)


@pytest.fixture
def minutes(database, council, fields, service) -> Minutes:
    """The 1. Sitzung's minutes went out (their approval is on the 2. Sitzung's agenda);
    the 2. and the 3. Sitzung were held, the 3. approving another meeting's minutes only."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    service.circulate(minutes.meeting_id, SENT, today=SENT)
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    third = add_meeting(
        database,
        council.id,
        starts_at=THIRD_HELD,
        titles=("Eröffnung", "Genehmigung des Protokolls der 2. Sitzung"),
    )
    hold(database, third.meeting_id, THIRD_HELD)
    return Minutes(minutes.meeting_id, minutes.item_ids, minutes.members, third.meeting_id)


def second(database, minutes: Minutes) -> int:
    with database.reading() as session:
        return session.scalar(select(models.Meeting.id).where(models.Meeting.number == 2))


def state(service, minutes: Minutes) -> MinutesState:
    return service.status(minutes.meeting_id).latest.state


def test_a_meeting_whose_agenda_approves_other_minutes_only_asks(service, minutes) -> None:
    """(found by a tester) The 6. Sitzung's minutes were recorded as approved "in the 8.",
    whose agenda approved the 5.'s only: the approving minutes name no TOP and no vote."""
    assert service.approval_question(minutes.meeting_id, minutes.next_id) == QUESTION

    with pytest.raises(QuestionChangedError) as refused:  # not asked: nothing approved
        service.approve(minutes.meeting_id, minutes.next_id, today=THIRD_HELD.date(), asked="")
    assert refused.value.question == QUESTION
    assert state(service, minutes) is MinutesState.CIRCULATED

    service.approve(minutes.meeting_id, minutes.next_id, today=THIRD_HELD.date(), asked=QUESTION)
    assert state(service, minutes) is MinutesState.APPROVED


def test_the_meeting_whose_agenda_approves_them_asks_nothing(service, database, minutes) -> None:
    assert service.approval_question(minutes.meeting_id, second(database, minutes)) == ""


def test_the_generic_item_approves_the_last_held_meeting_s_minutes(
    service, database, minutes
) -> None:
    with database.transaction() as session:
        session.add(
            models.AgendaItem(
                meeting_id=minutes.next_id,
                position=9,
                number="9",
                title="Genehmigung des Protokolls der letzten Sitzung",
                kind=AgendaItemKind.MINUTES_APPROVAL.value,
                public=True,
            )
        )
    # the last held before the 3. is the 2. Sitzung, not the 1.
    assert service.approval_question(minutes.meeting_id, minutes.next_id) == QUESTION


def test_an_item_added_on_another_pc_since_the_question_does_not_refuse(
    service, database, minutes
) -> None:
    with database.transaction() as session:
        session.add(
            models.AgendaItem(
                meeting_id=minutes.next_id,
                position=9,
                number="3",
                title="Genehmigung des Protokolls der 1. Sitzung",
                kind=AgendaItemKind.MINUTES_APPROVAL.value,
                public=True,
            )
        )
    assert service.approval_question(minutes.meeting_id, minutes.next_id) == ""
    service.approve(minutes.meeting_id, minutes.next_id, today=THIRD_HELD.date(), asked=QUESTION)
    assert state(service, minutes) is MinutesState.APPROVED
