"""(found by a tester) A meeting that puts the approval of the previous minutes off
(its approval item "vertagt" or "abgesetzt") can finish and send its own minutes, and
they say so; without that outcome the previous minutes still hold them back."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from client_statements import recorded_statements
from minutes_setup import complete_minutes, held_minutes, hold
from pypdf import PdfReader

from expertenrat.domain.enums import AgendaItemOutcome, MinutesState
from expertenrat.domain.errors import QuestionChangedError, ValidationError
from expertenrat.services.approval_meetings import approval_item_id
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

WAITING = "Das Protokoll der 1. Sitzung ist noch nicht genehmigt."


@pytest.fixture
def second(database, council, fields, actor) -> int:
    """The next meeting, held with complete minutes, whose agenda the circulation of the
    first meeting's minutes gave the item approving them."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approval = MinutesApprovalService(database, actor, render_minutes)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    second = minutes.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    complete_minutes(database, second, minutes.members["Berg"])
    return second


def approval_item(database, meeting_id: int) -> int:
    """The meeting's item "Genehmigung des Protokolls der 1. Sitzung"."""
    with database.reading() as session:
        return approval_item_id(session, meeting_id)


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        (AgendaItemOutcome.POSTPONED, "vertagt"),
        (AgendaItemOutcome.WITHDRAWN, "von der Tagesordnung abgesetzt"),
    ],
)
def test_minutes_that_put_the_approval_off_are_finished_and_sent(
    database, actor, second, outcome, said
) -> None:
    minutes = MinutesService(database, actor)
    approval = MinutesApprovalService(database, actor, render_minutes)
    assert [line.text for line in minutes.checklist(second).missing] == [WAITING]
    with database.reading() as session:  # dealt with: the minutes say nothing of it yet
        assert minutes_document(session, session.get(models.Meeting, second)).earlier_minutes == ()
    with pytest.raises(ValidationError, match=WAITING):
        approval.circulate(second, date(2026, 5, 20))

    item = approval_item(database, second)
    minutes.set_outcome(item, outcome, AgendaItemOutcome.DISCUSSED)

    line = next(x for x in minutes.checklist(second).lines if x.key == "previous_minutes")
    sentence = f"Die Genehmigung des Protokolls der 1. Sitzung wurde {said}."
    assert (line.ok, line.text) == (True, sentence)
    assert minutes.finish_draft(second).complete
    assert approval.circulate(second, date(2026, 5, 20)).version.number == 1
    with database.reading() as session:
        pdf = render_minutes(minutes_document(session, session.get(models.Meeting, second)))
    printed = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert sentence in printed


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        (AgendaItemOutcome.POSTPONED, "vertagt"),
        (AgendaItemOutcome.WITHDRAWN, "von der Tagesordnung abgesetzt"),
    ],
)
def test_approving_in_the_meeting_that_put_the_approval_off_asks_first(
    database, council, fields, actor, outcome, said
) -> None:
    """(found by a tester) The demo's 5th minutes were approved "in der 6. Sitzung" without
    a word, whose TOP 4 put their approval off and whose own minutes say so."""
    first = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approval = MinutesApprovalService(database, actor, render_minutes)
    approval.circulate(first.meeting_id, date(2026, 3, 20))
    second = first.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    assert approval.approval_question(first.meeting_id, second) == ""  # dealt with

    MinutesService(database, actor).set_outcome(
        approval_item(database, second), outcome, AgendaItemOutcome.DISCUSSED
    )

    question = (
        f"Die 2. Sitzung hat die Genehmigung des Protokolls der 1. Sitzung {said}; ihr "
        "Protokoll sagt es so. Die Genehmigung trotzdem für die 2. Sitzung erfassen?"
    )
    assert approval.approval_question(first.meeting_id, second) == question
    with pytest.raises(QuestionChangedError) as refused:  # not asked: nothing approved
        approval.approve(first.meeting_id, second, today=date(2026, 5, 20), asked="")
    assert refused.value.question == question
    approval.approve(first.meeting_id, second, today=date(2026, 5, 20), asked=question)
    assert approval.status(first.meeting_id).latest.state is MinutesState.APPROVED


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_check_and_the_minutes_take_the_outcomes_from_the_agenda_they_read(
    database, actor, second
) -> None:
    """Found by review: the completeness check and the minutes document read the agenda's
    outcomes once more to tell whether the approval was put off, after reading the agenda."""
    minutes = MinutesService(database, actor)
    minutes.set_outcome(
        approval_item(database, second), AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED
    )
    sentence = "Die Genehmigung des Protokolls der 1. Sitzung wurde vertagt."
    with recorded_statements(database.engine) as checked:
        line = next(x for x in minutes.checklist(second).lines if x.key == "previous_minutes")
    with database.reading() as session, recorded_statements(database.engine) as assembled:
        doc = minutes_document(session, session.get(models.Meeting, second))

    def outcome_reads(statements: list[str]) -> list[str]:  # of the approval_put_off rule alone
        narrow = "SELECT agenda_items.id, agenda_items.parent_id, agenda_items.number, "
        return [s for s in statements if s.startswith(narrow)]

    assert line.text == sentence and sentence in " ".join(doc.earlier_minutes)
    assert outcome_reads(checked) == outcome_reads(assembled) == []


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_check_takes_the_approval_item_from_the_agenda_it_read(database, actor, second) -> None:
    """Found by review: the completeness check read which item approves the minutes, then
    read it again to tell whether that item was put off; now it finds it in the agenda it
    read once (found by a tester: each read a round trip to a shared server)."""
    minutes = MinutesService(database, actor)
    minutes.set_outcome(
        approval_item(database, second), AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED
    )
    with recorded_statements(database.engine) as checked:
        line = next(x for x in minutes.checklist(second).lines if x.key == "previous_minutes")

    item_reads = [s for s in checked if s.startswith("SELECT agenda_items.meeting_id, min(")]
    assert line.text == "Die Genehmigung des Protokolls der 1. Sitzung wurde vertagt."
    assert not item_reads
