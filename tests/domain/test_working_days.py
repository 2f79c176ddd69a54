"""Working days (§ 193 BGB): weekends and the public holidays of the council's Bundesland."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from expertenrat.domain.bundeslaender import BUNDESLAENDER
from expertenrat.domain.meeting_series import Occurrence
from expertenrat.domain.series_warnings import holiday_warnings
from expertenrat.domain.working_days import (
    closed_reason,
    next_working_day,
    previous_working_day,
)


@pytest.mark.parametrize(
    ("day", "bundesland", "working"),
    [
        (date(2026, 3, 26), "DE-MV", date(2026, 3, 26)),  # a Thursday stays
        (date(2026, 3, 28), "DE-MV", date(2026, 3, 30)),  # Saturday -> Monday
        (date(2026, 3, 29), "DE-MV", date(2026, 3, 30)),  # Sunday -> Monday
        (date(2026, 4, 3), "DE-MV", date(2026, 4, 7)),  # Karfreitag .. Ostermontag
        (date(2026, 5, 24), "DE-NW", date(2026, 5, 26)),  # Pfingstsonntag, Pfingstmontag
        (date(2026, 5, 14), "", date(2026, 5, 15)),  # Christi Himmelfahrt, nationwide
        (date(2026, 6, 4), "DE-NW", date(2026, 6, 5)),  # Fronleichnam in NRW
        (date(2026, 6, 4), "DE-MV", date(2026, 6, 4)),  # not in MV
        (date(2026, 10, 31), "DE-SN", date(2026, 11, 2)),  # Reformationstag on a Saturday
        (date(2026, 11, 18), "DE-SN", date(2026, 11, 19)),  # Buß- und Bettag in Sachsen
        (date(2026, 11, 18), "DE-BY", date(2026, 11, 18)),  # a working day in Bayern
        (date(2027, 9, 20), "DE-TH", date(2027, 9, 21)),  # Weltkindertag in Thüringen
        (date(2027, 9, 20), "de-th ", date(2027, 9, 21)),  # the code as typed
        (date(2027, 9, 20), "DE-MV", date(2027, 9, 20)),
        (date(2026, 3, 8), "DE-BE", date(2026, 3, 9)),  # Frauentag (a Sunday anyway)
        (date(2027, 3, 8), "DE-BE", date(2027, 3, 9)),  # Frauentag on a Monday in Berlin
        (date(2027, 3, 8), "DE-HH", date(2027, 3, 8)),
        (date(2026, 12, 24), "DE-MV", date(2026, 12, 24)),  # Heiligabend: no holiday
        (date(2026, 12, 25), "DE-MV", date(2026, 12, 28)),  # over Christmas and a weekend
        (date(2026, 12, 31), "DE-MV", date(2026, 12, 31)),  # Silvester: no holiday
        (date(2028, 12, 30), "DE-MV", date(2029, 1, 2)),  # Sat, Sun, Neujahr: into 2029
        (date(2022, 12, 31), "DE-MV", date(2023, 1, 2)),  # Saturday, Neujahr on Sunday
        (date(2026, 8, 15), "DE-BY", date(2026, 8, 17)),  # Saturday anyway
        (date(2029, 8, 15), "DE-BY", date(2029, 8, 15)),  # Mariä Himmelfahrt: part of BY
        (date(2026, 8, 15), "DE-SL", date(2026, 8, 17)),
        (date(2029, 8, 15), "DE-SL", date(2029, 8, 16)),  # all of the Saarland
    ],
)
def test_a_deadline_moves_to_the_next_working_day(day, bundesland, working) -> None:
    assert next_working_day(day, bundesland) == working


@pytest.mark.parametrize(
    ("day", "bundesland", "working"),
    [
        (date(2026, 5, 14), "DE-MV", date(2026, 5, 13)),  # Christi Himmelfahrt
        (date(2026, 4, 6), "DE-MV", date(2026, 4, 2)),  # Ostermontag .. Karfreitag
        (date(2026, 5, 25), "DE-MV", date(2026, 5, 22)),  # Pfingstmontag .. Pfingstsonntag
        (date(2027, 9, 20), "DE-TH", date(2027, 9, 17)),  # Weltkindertag, a Monday
        (date(2027, 1, 1), "DE-MV", date(2026, 12, 31)),  # Neujahr: back into the old year
        (date(2027, 1, 3), "", date(2026, 12, 31)),
        (date(2026, 12, 27), "DE-MV", date(2026, 12, 24)),
        (date(2026, 3, 4), "DE-MV", date(2026, 3, 4)),  # a Wednesday stays
    ],
)
def test_a_last_day_to_act_moves_to_the_working_day_before(day, bundesland, working) -> None:
    assert previous_working_day(day, bundesland) == working


def test_why_a_day_is_no_working_day() -> None:
    assert closed_reason(date(2026, 3, 29), "DE-MV") == "ein Sonntag"
    assert closed_reason(date(2026, 3, 28), "DE-MV") == "ein Samstag"
    assert closed_reason(date(2026, 4, 6), "DE-MV") == "ein Feiertag (Ostermontag)"
    assert closed_reason(date(2026, 10, 31), "DE-SN") == "ein Feiertag (Reformationstag)"
    assert closed_reason(date(2026, 10, 30), "DE-SN") is None
    assert closed_reason(date(2026, 10, 31), "DE-BY") == "ein Samstag"


@pytest.mark.parametrize("bundesland", [*BUNDESLAENDER, " de-sn", "", None, "DE-XX"])
def test_a_planned_date_is_warned_of_on_the_holidays_that_close_the_day(bundesland) -> None:
    # The series' warnings and the deadlines read the same Land's holidays: a council in
    # Sachsen is warned of the Reformationstag that moves its deadlines, one in Bayern not.
    # Only a holiday of part of the Land is warned of and still a working day.
    berlin = ZoneInfo("Europe/Berlin")
    days = [date(2027, 1, 1) + timedelta(days=n) for n in range(365)]
    starts = [datetime.combine(day, time(17), berlin) for day in days]
    occurrences = [Occurrence(start, start + timedelta(hours=2)) for start in starts]

    # "Der 31.10.2027 ist ein Feiertag in Sachsen: Reformationstag."
    warned = {w.message[4:14]: w.message for w in holiday_warnings(occurrences, bundesland)}
    closed = {
        f"{day:%d.%m.%Y}" for day in days if "Feiertag" in (closed_reason(day, bundesland) or "")
    }

    assert {day for day, text in warned.items() if "in Teilen von" not in text} == closed
    assert len(closed) >= 9  # the nationwide holidays at least
