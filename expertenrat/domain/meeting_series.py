"""Meeting series: dates from a small rule (python-dateutil ``rrule``); its German wording is
:mod:`domain.series_wording`.

Dates are computed on the council's local wall clock and then given the council's time
zone, so a series at 16:00 stays at 16:00 across the change to and from summer time.
Every :class:`Occurrence` is *aware* (``tzinfo`` is the council's ``ZoneInfo``).

Month ends follow RFC 5545 like ``rrule``: a day of month that a month does not have (the
31st in a 30-day month, the 30th in February) is **skipped**, not moved to the last day.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil import rrule

from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.time_zones import zone_named

MAX_OCCURRENCES = 200
ORDINALS = {1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", -1: "letzten"}


def weekday_ordinal(day: date) -> int:
    """Which of its weekday in the month ``day`` is: 1 to 4, or -1 for the fifth (the last)."""
    ordinal = (day.day - 1) // 7 + 1
    return -1 if ordinal == 5 else ordinal


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    """The ``ordinal``-th (-1: the last) ``weekday`` (0 = Monday) of the month."""
    found = rrule.rrule(
        rrule.MONTHLY,
        dtstart=datetime(year, month, 1),
        count=1,
        byweekday=rrule.weekday(weekday)(ordinal),
    )[0]
    return found.date()


def series_start(proposed: date, pattern_day: date | None, earliest: date) -> tuple[date, int]:
    """The first day of a new series and the ordinal of its weekday in the month, so that
    the series stays on the weekday of the council's meetings: on the weekday and ordinal
    of ``pattern_day`` (the latest meeting: "third Thursday") in the month of ``proposed``
    if that is not before ``earliest`` and after ``pattern_day``, else ``proposed`` with its
    own ordinal."""
    if pattern_day is not None:
        candidate = nth_weekday(
            proposed.year, proposed.month, pattern_day.weekday(), weekday_ordinal(pattern_day)
        )
        if candidate >= earliest and candidate > pattern_day:
            return candidate, weekday_ordinal(pattern_day)
    return proposed, weekday_ordinal(proposed)


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


_ADJECTIVES = {
    Frequency.MONTHLY: "monatliche",
    Frequency.QUARTERLY: "vierteljährliche",
    Frequency.YEARLY: "jährliche",
}


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    """A series rule as the user enters it.

    ``weekday`` is 0 (Monday) … 6 (Sunday). With ``ordinal`` (1–4, or -1 for the last) it
    means "the second Tuesday" of the month; without it, weekly series use it as the day
    of the week. ``day_of_month`` (1–31) is the other choice for monthly and longer rules.
    With neither, the day comes from ``first_day``. Yearly and quarterly rules take their
    month(s) from ``first_day``. Exactly one of ``until`` and ``count`` ends the series.
    """

    frequency: Frequency
    first_day: date
    start_time: time
    end_time: time
    interval: int = 1
    weekday: int | None = None
    ordinal: int | None = None
    day_of_month: int | None = None
    until: date | None = None
    count: int | None = None
    time_zone: str = "Europe/Berlin"


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One meeting of a series; both times are aware, in the council's time zone."""

    start: datetime
    end: datetime


def _spec_problems(spec: SeriesSpec) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not 1 <= spec.interval <= 99:
        problems.append(FieldProblem("interval", "Der Abstand muss zwischen 1 und 99 liegen."))
    if spec.end_time <= spec.start_time:
        problems.append(
            FieldProblem("end_time", "Das Ende muss nach dem Beginn liegen (am selben Tag).")
        )
    if spec.weekday is not None and not 0 <= spec.weekday <= 6:
        problems.append(FieldProblem("weekday", "Bitte wählen Sie einen Wochentag."))
    if spec.ordinal is not None and spec.ordinal not in ORDINALS:
        problems.append(
            FieldProblem("ordinal", "Bitte wählen Sie den ersten bis vierten oder letzten Tag.")
        )
    if spec.ordinal is not None and spec.weekday is None:
        problems.append(FieldProblem("weekday", "Bitte wählen Sie einen Wochentag."))
    if (
        spec.weekday is not None and spec.ordinal is None and spec.frequency is not Frequency.WEEKLY
    ):  # "monatlich, am Donnerstag" made every Thursday a meeting (found by a tester)
        problems.append(
            FieldProblem(
                "weekday",
                f"Eine {_ADJECTIVES[spec.frequency]} Reihe trifft sich nicht an jedem dieser "
                "Wochentage: Bitte wählen Sie „am n-ten Wochentag des Monats“ (etwa am "
                "zweiten Dienstag).",
            )
        )
    if spec.ordinal is not None and spec.frequency is Frequency.WEEKLY:
        problems.append(
            FieldProblem("ordinal", "Eine wöchentliche Reihe kennt keinen „zweiten Dienstag“.")
        )
    if spec.day_of_month is not None:
        if not 1 <= spec.day_of_month <= 31:
            problems.append(
                FieldProblem("day_of_month", "Der Tag des Monats muss zwischen 1 und 31 liegen.")
            )
        if spec.weekday is not None or spec.frequency is Frequency.WEEKLY:
            problems.append(
                FieldProblem(
                    "day_of_month",
                    "Bitte wählen Sie entweder einen Wochentag oder einen Tag des Monats.",
                )
            )
    if (spec.until is None) == (spec.count is None):
        problems.append(
            FieldProblem("until", "Bitte geben Sie entweder ein Enddatum oder eine Anzahl an.")
        )
    if spec.count is not None and not 1 <= spec.count <= MAX_OCCURRENCES:
        problems.append(
            FieldProblem(
                "count", f"Die Anzahl muss zwischen 1 und {MAX_OCCURRENCES} Terminen liegen."
            )
        )
    if spec.until is not None and spec.until < spec.first_day:
        problems.append(FieldProblem("until", "Das Enddatum darf nicht vor dem ersten Tag liegen."))
    if zone_named(spec.time_zone) is None:
        problems.append(
            FieldProblem("time_zone", f"Die Zeitzone „{spec.time_zone}“ ist unbekannt.")
        )
    return problems


def _rule(spec: SeriesSpec) -> rrule.rrule:
    freq = {
        Frequency.WEEKLY: rrule.WEEKLY,
        Frequency.MONTHLY: rrule.MONTHLY,
        Frequency.QUARTERLY: rrule.MONTHLY,
        Frequency.YEARLY: rrule.YEARLY,
    }[spec.frequency]
    interval = spec.interval * (3 if spec.frequency is Frequency.QUARTERLY else 1)
    options: dict[str, object] = {}
    if spec.weekday is not None:
        day = rrule.weekday(spec.weekday)
        options["byweekday"] = day(spec.ordinal) if spec.ordinal is not None else day
    elif spec.day_of_month is not None:
        options["bymonthday"] = spec.day_of_month
    if spec.frequency is Frequency.YEARLY:  # "am 15." in every month before (by a tester)
        options["bymonth"] = spec.first_day.month
    if spec.until is not None:
        options["until"] = datetime.combine(spec.until, time.max)
    return rrule.rrule(
        freq,
        dtstart=datetime.combine(spec.first_day, spec.start_time),
        interval=interval,
        count=spec.count,
        **options,  # type: ignore[arg-type]
    )


def series_dates(spec: SeriesSpec) -> list[Occurrence]:
    """The meetings of ``spec``; refuses a rule with no dates or more than 200.

    Raises :class:`ValidationError` with German messages for an unusable rule.
    """
    problems = _spec_problems(spec)
    if problems:
        raise ValidationError(problems)
    zone = ZoneInfo(spec.time_zone)
    starts = list(itertools.islice(_rule(spec), MAX_OCCURRENCES + 1))
    if not starts:
        raise ValidationError([FieldProblem("until", "Diese Regel ergibt keinen einzigen Termin.")])
    if len(starts) > MAX_OCCURRENCES:
        raise ValidationError(
            [
                FieldProblem(
                    "until",
                    f"Diese Regel ergibt mehr als {MAX_OCCURRENCES} Termine. "
                    "Bitte wählen Sie ein früheres Enddatum oder einen größeren Abstand.",
                )
            ]
        )
    return [
        Occurrence(
            start.replace(tzinfo=zone),
            datetime.combine(start.date(), spec.end_time, tzinfo=zone),
        )
        for start in starts
    ]


def rule_text(spec: SeriesSpec) -> str:
    """The rule in RFC 5545 form ("DTSTART:…" and "RRULE:FREQ=MONTHLY;…"), to be stored."""
    return str(_rule(spec))
