"""Meeting series: rrule dates, month ends, summer time, limits, German wording, warnings."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_series import Frequency, SeriesSpec, series_dates, series_start
from expertenrat.domain.series_warnings import (
    ExistingMeeting,
    holiday_warnings,
    overlap_warnings,
    skipped_day_warnings,
    weekend_warnings,
)
from expertenrat.domain.series_wording import counted_series, describe_series, preview_line

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY = 1


def spec(**changes) -> SeriesSpec:
    values = {
        "frequency": Frequency.QUARTERLY,
        "first_day": date(2026, 1, 1),
        "start_time": time(16),
        "end_time": time(18),
        "weekday": TUESDAY,
        "ordinal": 2,
        "until": date(2027, 12, 31),
    }
    values.update(changes)
    return SeriesSpec(**values)


def test_quarterly_second_tuesday_until_end_of_2027():
    dates = series_dates(spec())

    assert [o.start.date() for o in dates] == [
        date(2026, 1, 13),
        date(2026, 4, 14),
        date(2026, 7, 14),
        date(2026, 10, 13),
        date(2027, 1, 12),
        date(2027, 4, 13),
        date(2027, 7, 13),
        date(2027, 10, 12),
    ]
    assert all(o.start.tzinfo == BERLIN and o.end - o.start == timedelta(hours=2) for o in dates)


def test_the_wall_clock_stays_at_16_across_summer_time():
    dates = series_dates(
        spec(
            frequency=Frequency.WEEKLY,
            ordinal=None,
            count=4,
            until=None,
            first_day=date(2026, 3, 20),
        )
    )

    assert {o.start.time() for o in dates} == {time(16)}
    offsets = [o.start.utcoffset() for o in dates]
    assert offsets[0] == timedelta(hours=1) and offsets[-1] == timedelta(hours=2)
    assert dates[-1].start.astimezone(ZoneInfo("UTC")).hour == 14


def test_the_31st_is_skipped_in_shorter_months_like_rfc_5545():
    dates = series_dates(
        spec(
            frequency=Frequency.MONTHLY,
            weekday=None,
            ordinal=None,
            day_of_month=31,
            until=date(2026, 6, 30),
        )
    )

    assert [o.start.date() for o in dates] == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"frequency": Frequency.MONTHLY, "first_day": date(2027, 1, 31)},
            "Nicht jeder Monat hat einen 31.: Im Februar, April, Juni, September und November "
            "findet kein Termin statt.",
        ),
        (
            {"frequency": Frequency.MONTHLY, "day_of_month": 29},
            "Nicht jeder Monat hat einen 29.: Im Februar (außer in Schaltjahren) findet kein "
            "Termin statt.",
        ),
        (
            {"first_day": date(2027, 1, 31)},  # quarterly: January, April, July, October
            "Nicht jeder Monat hat einen 31.: Im April findet kein Termin statt.",
        ),
        (
            {"frequency": Frequency.YEARLY, "first_day": date(2028, 2, 29)},
            "Den 29. Februar gibt es nur in Schaltjahren: Die Reihe trifft sich alle vier Jahre.",
        ),
    ],
)
def test_a_day_some_months_lack_is_named_with_the_months_that_go_without(changes, message):
    """(found by a tester) A series on the 29th to 31st silently left out the months
    without that day; "jährlich" from 29.02.2028 met next in 2032."""
    rule = spec(weekday=None, ordinal=None, **changes)

    (warning,) = skipped_day_warnings(rule)

    assert warning.message == message
    assert warning.warning
    assert skipped_day_warnings(spec(first_day=date(2027, 1, 30), weekday=None, ordinal=None)) == []
    assert skipped_day_warnings(spec(first_day=date(2027, 1, 31))) == []  # second Tuesday


def test_last_friday_of_the_month():
    dates = series_dates(
        spec(frequency=Frequency.MONTHLY, weekday=4, ordinal=-1, count=2, until=None)
    )

    assert [o.start.date() for o in dates] == [date(2026, 1, 30), date(2026, 2, 27)]


def test_yearly_takes_the_month_of_the_first_day():
    dates = series_dates(
        spec(frequency=Frequency.YEARLY, first_day=date(2026, 3, 1), count=3, until=None)
    )

    assert [o.start.date() for o in dates] == [
        date(2026, 3, 10),
        date(2027, 3, 9),
        date(2028, 3, 14),
    ]
    assert describe_series(
        spec(frequency=Frequency.YEARLY, first_day=date(2026, 3, 1), count=3, until=None)
    ) == ("jährlich, am zweiten Dienstag im März, 16:00–18:00 Uhr, 3 Termine")


def test_yearly_on_a_day_of_the_month_meets_once_a_year():
    """(found by a tester) "jährlich, am 15. im Januar" made a meeting on the 15th of every
    month: 36 meetings in three years."""
    yearly = spec(
        frequency=Frequency.YEARLY, first_day=date(2027, 1, 15), weekday=None, ordinal=None,
        day_of_month=15, until=date(2029, 12, 31),
    )  # fmt: skip

    assert [o.start.date() for o in series_dates(yearly)] == [
        date(2027, 1, 15),
        date(2028, 1, 15),
        date(2029, 1, 15),
    ]
    assert describe_series(yearly).startswith("jährlich, am 15. im Januar, ")


def test_german_description():
    assert describe_series(spec()) == (
        "vierteljährlich, am zweiten Dienstag, 16:00–18:00 Uhr, bis 31.12.2027"
    )
    assert (
        describe_series(
            spec(frequency=Frequency.WEEKLY, interval=2, ordinal=None, until=None, count=1)
        )
        == "alle 2 Wochen, am Dienstag, 16:00–18:00 Uhr, 1 Termin"
    )


def test_the_number_of_dates_is_said_once():
    by_count = spec(until=None, count=3)
    assert counted_series(by_count, 3) == describe_series(by_count)  # "…, 3 Termine"
    assert counted_series(spec(), 8) == (
        "vierteljährlich, am zweiten Dienstag, 16:00–18:00 Uhr, bis 31.12.2027 – 8 Termine"
    )


def test_preview_line():
    assert preview_line(series_dates(spec())[0]) == "Di, 13.01.2026, 16:00–18:00 Uhr"


def test_more_than_200_dates_are_refused_without_computing_thousands():
    daily_ish = spec(frequency=Frequency.WEEKLY, ordinal=None, until=date(2999, 12, 31))

    with pytest.raises(ValidationError, match="mehr als 200 Termine"):
        series_dates(daily_ish)


def test_a_rule_without_dates_is_refused():
    with pytest.raises(ValidationError, match="keinen einzigen Termin"):
        series_dates(
            spec(first_day=date(2026, 1, 14), until=date(2026, 2, 1), frequency=Frequency.YEARLY)
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_time": time(15)}, "Das Ende muss nach dem Beginn"),
        ({"end_time": time(16)}, "Das Ende muss nach dem Beginn"),
        ({"until": None}, "entweder ein Enddatum oder eine Anzahl"),
        ({"count": 5}, "entweder ein Enddatum oder eine Anzahl"),
        ({"until": None, "count": 0}, "zwischen 1 und 200"),
        ({"until": None, "count": 5000}, "zwischen 1 und 200"),
        ({"interval": 0}, "Abstand"),
        ({"ordinal": 7}, "ersten bis vierten"),
        # "vierteljährlich, am Dienstag" made every Tuesday of the quarter's months a
        # meeting (found by a tester)
        ({"ordinal": None}, "Eine vierteljährliche Reihe trifft sich nicht an jedem"),
        (
            {"ordinal": None, "frequency": Frequency.MONTHLY},
            "Bitte wählen Sie „am n-ten Wochentag des Monats“",
        ),
        ({"day_of_month": 3}, "entweder einen Wochentag oder einen Tag des Monats"),
        ({"until": date(2025, 1, 1)}, "nicht vor dem ersten Tag"),
        ({"time_zone": "Mars/Olympus <&>"}, "Zeitzone „Mars/Olympus <&>“ ist unbekannt"),
        ({"time_zone": "America"}, "Zeitzone „America“ ist unbekannt"),  # a folder (review)
    ],
)
def test_bad_rules_get_a_german_message(changes, message):
    with pytest.raises(ValidationError, match=message):
        series_dates(spec(**changes))


def test_holiday_in_the_bundesland_is_named():
    dates = series_dates(
        spec(
            frequency=Frequency.YEARLY,
            weekday=None,
            ordinal=None,
            first_day=date(2026, 10, 31),
            until=date(2027, 12, 31),
        )
    )

    warnings = holiday_warnings(dates, "DE-MV")

    assert [w.message for w in warnings] == [
        "Der 31.10.2026 ist ein Feiertag in Mecklenburg-Vorpommern: Reformationstag.",
        "Der 31.10.2027 ist ein Feiertag in Mecklenburg-Vorpommern: Reformationstag.",
    ]
    assert all(w.warning for w in warnings)
    assert holiday_warnings(dates, "DE-BY") == []  # not a holiday in Bavaria


def test_a_holiday_of_part_of_the_bundesland_is_named_as_such():
    # Mariä Himmelfahrt is a public holiday in most Bavarian municipalities (Fürstenfeldbruck,
    # München), Fronleichnam in parts of Sachsen; in Mecklenburg-Vorpommern neither.
    dates = series_dates(
        spec(
            frequency=Frequency.YEARLY,
            weekday=None,
            ordinal=None,
            first_day=date(2028, 8, 15),
            count=1,
            until=None,
        )
    )

    (warning,) = holiday_warnings(dates, "DE-BY")

    assert warning.message == (
        "Der 15.08.2028 ist in Teilen von Bayern ein Feiertag: Mariä Himmelfahrt "
        "(in Gemeinden mit überwiegend katholischer Bevölkerung)."
    )
    assert warning.warning
    assert holiday_warnings(dates, "DE-MV") == []
    assert holiday_warnings(dates, None) == []
    assert holiday_warnings(dates, "DE-SL")[0].message == (  # the Saarland's is Land-wide
        "Der 15.08.2028 ist ein Feiertag im Saarland: Mariä Himmelfahrt."
    )


def test_nationwide_holidays_without_a_bundesland():
    dates = series_dates(
        spec(
            frequency=Frequency.YEARLY,
            weekday=None,
            ordinal=None,
            first_day=date(2026, 10, 3),
            count=1,
            until=None,
        )
    )

    (warning,) = holiday_warnings(dates, None)

    assert warning.message == (
        "Der 03.10.2026 ist ein Feiertag (bundesweit): Tag der Deutschen Einheit."
    )


def test_overlaps_with_existing_meetings():
    dates = series_dates(spec(count=2, until=None))
    existing = [
        ExistingMeeting(
            "3. Sitzung & <Klausur>",
            datetime(2026, 1, 13, 17, tzinfo=BERLIN),
            datetime(2026, 1, 13, 19, tzinfo=BERLIN),
        ),
        ExistingMeeting(
            "endet vorher",
            datetime(2026, 4, 14, 14, tzinfo=BERLIN),
            datetime(2026, 4, 14, 16, tzinfo=BERLIN),
        ),
    ]

    (warning,) = overlap_warnings(dates, existing)

    assert warning.warning
    assert warning.message == (
        "Der Termin am 13.01.2026 um 16:00 Uhr überschneidet sich mit "
        "„3. Sitzung & <Klausur>“ (13.01.2026, 17:00 Uhr)."
    )


def test_dates_on_a_weekend_are_named_in_one_warning():
    """(found by a tester) "monatlich, am 8." put meetings on a Saturday and a Sunday
    without a word."""
    monthly = series_dates(
        spec(frequency=Frequency.MONTHLY, first_day=date(2027, 1, 1), day_of_month=8,
             weekday=None, ordinal=None, until=date(2027, 12, 31))
    )  # fmt: skip

    (warning,) = weekend_warnings(monthly)
    assert warning.warning
    assert warning.message == (
        "2 Termine fallen auf ein Wochenende: Samstag, 08.05.2027; Sonntag, 08.08.2027."
    )
    (single,) = weekend_warnings([o for o in monthly if o.start.day == 8 and o.start.month == 5])
    assert single.message == "Der 08.05.2027 ist ein Samstag."
    assert weekend_warnings(monthly[:4]) == []
    saturdays = series_dates(
        spec(frequency=Frequency.WEEKLY, weekday=5, ordinal=None, until=date(2026, 3, 1))
    )
    assert weekend_warnings(saturdays) == []  # "jeden Samstag" was chosen so


@pytest.mark.parametrize(
    ("proposed", "pattern", "earliest", "start", "ordinal"),
    [
        # the council meets on the third Thursday: the series starts on June's third one
        (date(2027, 6, 24), date(2027, 3, 18), date(2026, 12, 16), date(2027, 6, 17), 3),
        # too soon for the notice: the proposed day with its own ordinal (fourth)
        (date(2027, 6, 24), date(2027, 3, 18), date(2027, 6, 20), date(2027, 6, 24), 4),
        # a last Friday stays the last one
        (date(2027, 5, 28), date(2027, 4, 30), date(2027, 5, 1), date(2027, 5, 28), -1),
        (date(2027, 6, 24), None, date(2027, 6, 1), date(2027, 6, 24), 4),
        # a weekly council: never the day of the latest meeting itself
        (date(2027, 5, 19), date(2027, 5, 12), date(2027, 5, 1), date(2027, 5, 19), 3),
    ],
)
def test_a_series_starts_on_the_weekday_and_ordinal_of_the_latest_meeting(
    proposed, pattern, earliest, start, ordinal
):
    """(found by a tester) "Sitzungsreihe …" after a council's third-Thursday meetings
    proposed quarterly dates on the same day of the month: Fr, Sa, So."""
    assert series_start(proposed, pattern, earliest) == (start, ordinal)
