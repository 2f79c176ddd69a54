"""(found by a tester) The demo's calendar counts from the demo's day: counted from the
members' term start, the last held meeting of a demo of 04.12.2026 lay eight months back
(its draft minutes as old) and the invited meeting and the Klausur were on consecutive days.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.working_days import closed_reason
from expertenrat.services.demo_calendar import DemoCalendar, demo_calendar
from expertenrat.store import models

NOTICE = timedelta(days=14)  # the demo council's Ladungsfrist


def _assert_coherent(calendar: DemoCalendar, today: date, bundesland: str = "DE-MV") -> None:
    held = calendar.held
    assert all(day.weekday() == 3 for day in held)
    assert all(84 <= (b - a).days <= 98 for a, b in pairwise(held))
    assert 21 <= (today - held[-1]).days <= 62  # the draft minutes are weeks old, not months
    assert calendar.term_start < held[0] <= calendar.term_start + timedelta(days=62)
    assert today < calendar.klausur < today + NOTICE  # its invitation is already late
    assert closed_reason(calendar.klausur, bundesland) is None
    assert closed_reason(calendar.invited, bundesland) is None
    assert today + timedelta(days=6) <= calendar.invited <= today + timedelta(days=10)
    assert abs((calendar.klausur - calendar.invited).days) >= 5  # six but around holidays
    days = sorted([*held, calendar.invited, calendar.planned])
    assert all((b - a).days >= 6 for a, b in pairwise(days))
    assert all(abs((calendar.klausur - day).days) >= 5 for day in days)


@pytest.mark.parametrize("bundesland", ["DE-MV", "DE-BY", ""])
def test_the_demo_calendar_of_every_day_of_two_years_is_coherent(bundesland):
    first = date(2026, 1, 1)
    for offset in range(2 * 365):
        today = first + timedelta(days=offset)
        _assert_coherent(demo_calendar(today, 6, bundesland), today, bundesland)


def test_the_demo_calendar_of_4_december_2026():
    calendar = demo_calendar(date(2026, 12, 4), 6, "DE-MV")

    assert calendar == DemoCalendar(
        held=(
            date(2025, 7, 17),
            date(2025, 10, 16),
            date(2026, 1, 15),
            date(2026, 4, 16),
            date(2026, 7, 16),
            date(2026, 10, 15),
        ),
        invited=date(2026, 12, 14),
        klausur=date(2026, 12, 7),  # a week before the invited meeting, not the day after
        planned=date(2027, 3, 18),
    )
    assert calendar.term_start == date(2025, 6, 1)


def test_the_loaded_demo_keeps_its_calendar(demo_database, today):
    with demo_database.reading() as session:
        rostock = session.scalar(select(models.Council.id).order_by(models.Council.id))
        meetings = session.execute(
            select(models.Meeting.kind, models.Meeting.state, models.Meeting.starts_at)
            .where(models.Meeting.council_id == rostock)
            .order_by(models.Meeting.starts_at)
        ).all()
    held = tuple(m.starts_at.date() for m in meetings if m.state == MeetingState.HELD.value)
    (klausur,) = (m.starts_at.date() for m in meetings if m.kind == MeetingKind.WORKSHOP.value)
    invited, planned = (
        m.starts_at.date()
        for m in meetings
        if m.state != MeetingState.HELD.value and m.kind == MeetingKind.REGULAR.value
    )

    _assert_coherent(DemoCalendar(held, invited, klausur, planned), today)
