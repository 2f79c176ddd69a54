"""The Übersicht's follow-through lines against the known data set (tests/overview_sample.py):
which meeting is to approve circulated minutes, and the council's period for the draft."""

from __future__ import annotations

from datetime import datetime

import pytest
from overview_sample import seed
from sqlalchemy import func, select

from expertenrat.services.overview import OverviewService
from expertenrat.store import models


@pytest.fixture
def sample(database, council):
    return seed(database, council.id)


def _approval_line(database, sample, today) -> tuple[str, bool]:
    figures = OverviewService(database).overview(sample.council_id, today)
    line = next(line for line in figures.minutes_waiting if "3. Sitzung" in line.text)
    return line.text.split(", ", 1)[1], line.urgent


def _add_item(database, meeting_id: int, title: str, **fields) -> None:
    with database.transaction() as session:
        count = select(func.count()).where(models.AgendaItem.meeting_id == meeting_id)
        position = 10 + session.scalar(count)
        session.add(
            models.AgendaItem(
                meeting_id=meeting_id,
                number=str(position),
                position=position,
                title=title,
                **fields,
            )
        )


def test_circulated_minutes_name_the_planned_meeting_that_is_to_approve_them(
    database, sample, today
):
    assert _approval_line(database, sample, today) == (
        "Genehmigung noch keiner Sitzung zugeordnet",
        True,
    )
    _add_item(
        database, sample.meetings["planned_later"], "Genehmigung des Protokolls der 3. Sitzung"
    )
    # neither a deleted item nor one approving other minutes nor a cancelled meeting
    _add_item(
        database,
        sample.meetings["invited"],
        "Genehmigung des Protokolls der 3. Sitzung",
        deleted_at=datetime(2026, 11, 1),
    )
    _add_item(database, sample.meetings["invited"], "Genehmigung des Protokolls der 2. Sitzung")
    _add_item(database, sample.meetings["cancelled"], "Genehmigung des Protokolls der 3. Sitzung")

    assert _approval_line(database, sample, today) == (
        "Genehmigung in der 6. Sitzung am 01.02.2027 vorgesehen",
        False,
    )

    # the standard title approves the last meeting held before its own: an earlier one
    _add_item(
        database, sample.meetings["planned_late"], "Genehmigung des Protokolls der letzten Sitzung"
    )
    assert _approval_line(database, sample, today) == (
        "Genehmigung in der 4. Sitzung am 30.11.2026 vorgesehen",
        False,
    )


def test_without_a_period_for_the_draft_nothing_of_the_follow_through_is_late(
    database, sample, today
):
    overview = OverviewService(database)
    figures = overview.overview(sample.council_id, today)
    draft = figures.minutes_waiting[0]
    (adopted,) = figures.to_send
    assert draft.urgent and adopted.urgent
    assert adopted.text.endswith(
        ": seit 5 Monaten beschlossen (am 10.06.2026), noch nicht übermittelt, "
        "Übermittlung war bis 08.07.2026 fällig"
    )

    with database.transaction() as session:
        session.get(models.Council, sample.council_id).minutes_draft_weeks = 0
    figures = overview.overview(sample.council_id, today)

    assert figures.minutes_waiting[0].text.endswith(": noch nicht versandt")
    assert not figures.minutes_waiting[0].urgent
    assert not figures.to_send[0].urgent
