"""Which day the minutes' closing time names: a meeting planned over days ends on the day
its planned end is nearest (found by a tester)."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from expertenrat.domain.minutes import closing_moment, recorded_times

FRIDAY = datetime(2026, 12, 11, 16)
SATURDAY = datetime(2026, 12, 12, 13)
EVENING = datetime(2026, 10, 15, 19)
MIDNIGHT = datetime(2026, 10, 16, 0, 30)


@pytest.mark.parametrize(
    ("start", "end", "closed", "moment"),
    [
        (FRIDAY, SATURDAY, time(12, 50), datetime(2026, 12, 12, 12, 50)),
        (FRIDAY, SATURDAY, time(22, 0), datetime(2026, 12, 11, 22, 0)),  # broken off early
        (EVENING, MIDNIGHT, time(0, 25), datetime(2026, 10, 16, 0, 25)),
        (EVENING, MIDNIGHT, time(23, 50), datetime(2026, 10, 15, 23, 50)),
        (EVENING, MIDNIGHT, time(1, 40), datetime(2026, 10, 16, 1, 40)),  # ran longer
        (FRIDAY, datetime(2026, 12, 11, 18), time(18, 20), datetime(2026, 12, 11, 18, 20)),
    ],
)
def test_the_closing_falls_on_the_day_nearest_the_planned_end(start, end, closed, moment):
    assert closing_moment(start, end, closed) == moment


def test_a_klausur_s_recorded_times_span_its_two_days():
    """The OParl export and the Sitzungsmappe's cover give these once approved."""
    assert recorded_times(FRIDAY, SATURDAY, time(16, 5), time(12, 50)) == (
        datetime(2026, 12, 11, 16, 5),
        datetime(2026, 12, 12, 12, 50),
    )
