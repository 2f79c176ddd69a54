"""(found by review) A meeting whose agenda approves two earlier minutes ("TOP 4
Genehmigung des Protokolls der 1. Sitzung", "TOP 5 … der 2. Sitzung", the older ones put off
at the 2nd) accounts for each: the completeness check has a line per minutes, and the
Feststellungen say what became of each, where they read the first item and the previous
meeting only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from meeting_rows import add_meeting
from minutes_setup import complete_minutes, held_minutes, hold
from sqlalchemy import select

from expertenrat.domain.enums import AgendaItemKind, AgendaItemOutcome
from expertenrat.services.agenda import AgendaService
from expertenrat.services.approval_meetings import approval_item_id
from expertenrat.services.earlier_minutes import earlier_minutes
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

POSTPONED, DISCUSSED = AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED


@dataclass(frozen=True)
class Held:
    first: int
    second: int
    third: int
    approval_items: list[int]  # of the 3rd, in agenda order: for the 1st's, the 2nd's minutes


@pytest.fixture
def held(database, council, actor, fields) -> Held:
    """The 1st's minutes circulated, their approval postponed at the 2nd (which puts it on
    the 3rd's agenda as TOP 4, before TOP 5 for the 2nd's), the 2nd's circulated, the 3rd
    held with complete minutes."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approval = MinutesApprovalService(database, actor, render_minutes)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    second = minutes.next_id
    hold(database, second, datetime(2026, 5, 12, 16, 0))
    complete_minutes(database, second, minutes.members["Berg"])
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)
    with database.reading() as session:
        item = approval_item_id(session, second)
    MinutesService(database, actor).set_outcome(item, POSTPONED, DISCUSSED)
    approval.circulate(second, date(2026, 5, 20))
    hold(database, third.meeting_id, datetime(2026, 7, 7, 16))
    complete_minutes(database, third.meeting_id, minutes.members["Berg"])
    with database.reading() as session:
        items = session.execute(
            select(models.AgendaItem.id, models.AgendaItem.title)
            .where(
                models.AgendaItem.meeting_id == third.meeting_id,
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
            )
            .order_by(models.AgendaItem.position)
        ).all()
    assert [title for _, title in items] == [
        "Genehmigung des Protokolls der 1. Sitzung",
        "Genehmigung des Protokolls der 2. Sitzung",
    ]
    return Held(minutes.meeting_id, second, third.meeting_id, [i for i, _ in items])


def _read(database, actor, meeting_id: int) -> tuple[list[tuple[bool, str]], tuple[str, ...]]:
    """The checklist's lines about earlier minutes (ok, text) and the Feststellungen."""
    lines = MinutesService(database, actor).checklist(meeting_id).lines
    with database.reading() as session:
        said = earlier_minutes(session, session.get(models.Meeting, meeting_id))
    return [(line.ok, line.text) for line in lines if line.key == "previous_minutes"], said


def test_the_older_minutes_postponed_again_the_later_approved(database, actor, held) -> None:
    MinutesService(database, actor).set_outcome(held.approval_items[0], POSTPONED, DISCUSSED)
    MinutesApprovalService(database, actor, render_minutes).approve(
        held.second, held.third, today=date(2026, 7, 10)
    )

    lines, said = _read(database, actor, held.third)

    assert lines == [
        (True, "Die Genehmigung des Protokolls der 1. Sitzung wurde vertagt."),
        (True, "Protokoll der 2. Sitzung genehmigt am 07.07.2026"),
    ]
    assert said == (
        "Die Genehmigung des Protokolls der 1. Sitzung wurde vertagt.",
        "Das Protokoll der 2. Sitzung wurde genehmigt.",
    )


def test_minutes_neither_approved_nor_put_off_are_missing(database, actor, held) -> None:
    """The 2nd's minutes approved, the 1st's item dealt with but nothing recorded: the
    check is not green for the 2nd's alone."""
    MinutesApprovalService(database, actor, render_minutes).approve(
        held.second, held.third, today=date(2026, 7, 10)
    )

    lines, said = _read(database, actor, held.third)

    assert lines == [
        (False, "Das Protokoll der 1. Sitzung ist noch nicht genehmigt."),
        (True, "Protokoll der 2. Sitzung genehmigt am 07.07.2026"),
    ]
    assert said == ("Das Protokoll der 2. Sitzung wurde genehmigt.",)
    assert not MinutesService(database, actor).checklist(held.third).complete


def test_both_postponed(database, actor, held) -> None:
    service = MinutesService(database, actor)
    for item in held.approval_items:
        service.set_outcome(item, POSTPONED, DISCUSSED)

    lines, said = _read(database, actor, held.third)

    expected = (
        "Die Genehmigung des Protokolls der 1. Sitzung wurde vertagt.",
        "Die Genehmigung des Protokolls der 2. Sitzung wurde vertagt.",
    )
    assert lines == [(True, text) for text in expected]
    assert said == expected
