"""A meeting created after earlier minutes were circulated names their approval on its
agenda at once, unless a later meeting carries it already: never two items approving the
same minutes (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from minutes_setup import held_minutes
from sqlalchemy import select

from expertenrat.domain.enums import AgendaItemKind, MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_series import Frequency, SeriesSpec
from expertenrat.services.approval_titles import GENERIC_APPROVAL_TITLE
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
NAMED = "Genehmigung des Protokolls der 1. Sitzung"


@pytest.fixture
def meetings(database, actor) -> MeetingsService:
    return MeetingsService(database, actor)


def _create(meetings: MeetingsService, council_id: int, day: date) -> int:
    start = datetime(day.year, day.month, day.day, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    return meetings.create(council_id, draft)


def _approvals(database) -> dict[int, list[str]]:
    """The approval items of every meeting, by meeting."""
    with database.reading() as session:
        rows = session.execute(
            select(models.AgendaItem.meeting_id, models.AgendaItem.title).where(
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
                models.AgendaItem.deleted_at.is_(None),
            )
        ).all()
    found: dict[int, list[str]] = {}
    for meeting_id, title in rows:
        found.setdefault(meeting_id, []).append(title)
    return found


def test_a_meeting_created_after_the_circulation_names_the_approval(
    database, council, fields, actor, meetings
) -> None:
    # Found by a tester: with no further meeting planned when the minutes were circulated,
    # the meeting created afterwards got "… der letzten Sitzung".
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    meetings.delete(minutes.next_id, meetings.get(minutes.next_id).version)
    circulation = MinutesApprovalService(database, actor, render_minutes).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    assert "Es ist noch keine weitere Sitzung geplant" in circulation.agenda_note

    created = _create(meetings, council.id, date(2026, 5, 12))
    after = _create(meetings, council.id, date(2026, 7, 7))

    approvals = _approvals(database)
    assert approvals[created] == [NAMED]
    assert approvals[after] == [GENERIC_APPROVAL_TITLE]


def test_a_meeting_created_before_the_one_carrying_the_approval_adds_no_second(
    database, council, fields, actor, meetings
) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    MinutesApprovalService(database, actor, render_minutes).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    assert _approvals(database)[minutes.next_id] == [NAMED]

    between = _create(meetings, council.id, date(2026, 4, 14))

    approvals = _approvals(database)
    assert approvals[between] == [GENERIC_APPROVAL_TITLE]
    assert sum(titles.count(NAMED) for titles in approvals.values()) == 1


def test_a_series_created_after_the_circulation_names_it_on_its_first_meeting(
    database, council, fields, actor, meetings
) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    meetings.delete(minutes.next_id, meetings.get(minutes.next_id).version)
    MinutesApprovalService(database, actor, render_minutes).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    spec = SeriesSpec(
        frequency=Frequency.QUARTERLY, first_day=date(2026, 4, 1), start_time=time(16),
        end_time=time(18), weekday=1, ordinal=2, until=date(2026, 12, 31),
    )  # fmt: skip

    first, *others = meetings.create_series(council.id, spec, place="Rathaus")

    approvals = _approvals(database)
    assert approvals[first] == [NAMED]
    assert others and all(approvals[m] == [GENERIC_APPROVAL_TITLE] for m in others)
