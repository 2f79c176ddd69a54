"""How a header names a meeting's day or days (``german_dates.meeting_days``)."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.german_dates import meeting_days


def test_one_day_stays_as_it_was() -> None:
    assert meeting_days(date(2026, 12, 11)) == "11.12.2026"
    assert meeting_days(date(2026, 12, 11), date(2026, 12, 11)) == "11.12.2026"


def test_days_over_midnight_are_named_together() -> None:
    assert meeting_days(date(2026, 12, 11), date(2026, 12, 12)) == "11./12.12.2026"
    assert meeting_days(date(2026, 12, 11), date(2026, 12, 13)) == "11.–13.12.2026"
    assert meeting_days(date(2026, 11, 30), date(2026, 12, 1)) == "30.11./01.12.2026"
    assert meeting_days(date(2026, 12, 31), date(2027, 1, 1)) == "31.12.2026/01.01.2027"
