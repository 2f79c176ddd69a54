"""The days of a demo council's meetings, counted from the demo's day (``today``), so the
calendar looks the same whatever day the demo is loaded on (found by a tester: counted from
the members' term start, the last held meeting lay eight months back and the meetings
ahead on consecutive days).

- The held meetings, a quarter apart on the third Thursday: the latest at least three weeks
  before the day (third Thursdays lie four or five weeks apart, so three to eight weeks
  before it: its minutes are still a draft), the one before it a quarter earlier (its
  minutes circulated, the objection period long over), the constituent meeting first.
  The members' term starts the month before it.
- The next regular meeting ten days ahead, already invited (on the working day before
  where that is a weekend or a public holiday: a demo of mid-December invited to a meeting
  on Christmas Day, found by a tester); it is to approve the circulated minutes.
- A Klausur called at short notice: within the two-week Ladungsfrist, so its invitation is
  already late and the Übersicht warns. It lies a week before the invited meeting (six
  days at least, five where Easter or Christmas leave no other working day), not next to
  a regular meeting.
- The regular meeting after those, planned, on the third Thursday three months ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import TH, relativedelta

from expertenrat.domain.working_days import closed_reason, previous_working_day
from expertenrat.services.demo_minutes import NOTICE_DAYS

DRAFT_AGE = timedelta(weeks=3)  # the latest held meeting lies at least this far back
INVITED_AHEAD = timedelta(days=10)
KLAUSUR_APART = 6  # days at least between the Klausur and the invited meeting


@dataclass(frozen=True, slots=True)
class DemoCalendar:
    held: tuple[date, ...]  # the constituent meeting first
    invited: date
    klausur: date
    planned: date

    @property
    def term_start(self) -> date:
        """The members' term: from the first of the month before the constituent meeting."""
        return self.held[0] - relativedelta(months=1, day=1)


def demo_calendar(today: date, held: int, bundesland: str) -> DemoCalendar:
    """The calendar of a demo council with ``held`` meetings held before ``today``."""
    latest = third_thursday(today - DRAFT_AGE)
    if latest > today - DRAFT_AGE:
        latest = third_thursday(today - DRAFT_AGE - relativedelta(months=1))
    invited = previous_working_day(today + INVITED_AHEAD, bundesland)
    quarters = (latest - relativedelta(months=3 * n) for n in reversed(range(held)))
    return DemoCalendar(
        held=tuple(third_thursday(day) for day in quarters),
        invited=invited,
        klausur=_klausur_day(today, invited, bundesland),
        planned=third_thursday(today + relativedelta(months=3)),
    )


def third_thursday(day: date) -> date:
    """The third Thursday of the month of ``day``."""
    return day + relativedelta(day=1, weekday=TH(3))


def _klausur_day(today: date, invited: date, bundesland: str) -> date:
    """A working day inside the Ladungsfrist, at least ``KLAUSUR_APART`` days from the
    invited meeting, as near as may be to a week before it; where the holidays leave no such
    day (a demo on the Thursday before Good Friday), the working day farthest from it."""
    days = [today + timedelta(days=n) for n in range(1, NOTICE_DAYS)]
    working = [day for day in days if closed_reason(day, bundesland) is None]
    apart = [day for day in working if abs((day - invited).days) >= KLAUSUR_APART]
    if not apart:
        return max(working, key=lambda day: abs((day - invited).days))
    week_before = invited - timedelta(weeks=1)
    return min(apart, key=lambda day: (abs((day - week_before).days), day))
