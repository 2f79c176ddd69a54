"""Warnings for planned meeting dates: public holidays in the council's Bundesland, overlaps.

Warnings are :class:`FieldProblem` with ``warning=True``; they never block saving.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from expertenrat.domain.bundeslaender import BUNDESLAENDER, land_code
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.german_dates import MONTHS
from expertenrat.domain.meeting_series import Frequency, Occurrence, SeriesSpec
from expertenrat.domain.wording import listed
from expertenrat.domain.working_days import land_holidays


@dataclass(frozen=True, slots=True)
class ExistingMeeting:
    """A meeting already in the calendar; times are aware."""

    label: str
    start: datetime
    end: datetime


def holiday_warnings(
    occurrences: Sequence[Occurrence], bundesland: str | None
) -> list[FieldProblem]:
    """A warning per date that is a public holiday in ``bundesland`` ("DE-MV"), by name,
    or in a part of it only (Mariä Himmelfahrt in Bavaria's mostly Catholic municipalities).

    Without a Bundesland only the nationwide holidays count.
    """
    code = land_code(bundesland)
    where = f" {_in(code)}" if code else " (bundesweit)"
    problems = []
    for o in occurrences:
        day = o.start.date()
        if name := land_holidays(bundesland, day.year).get(day):
            text = f"Der {o.start:%d.%m.%Y} ist ein Feiertag{where}: {name}."
        # A holiday of only part of the Land: the Land knows no more than that, so it is
        # named as such rather than left out.
        elif name := land_holidays(bundesland, day.year, in_part_only=True).get(day):
            text = (
                f"Der {o.start:%d.%m.%Y} ist in Teilen von {BUNDESLAENDER[code]} ein Feiertag: "
                f"{name} (in Gemeinden mit überwiegend katholischer Bevölkerung)."
            )
        else:
            continue
        problems.append(FieldProblem("dates", text, warning=True))
    return problems


def weekend_warnings(occurrences: Sequence[Occurrence]) -> list[FieldProblem]:
    """One warning naming the dates that fall on a Saturday or Sunday ("Der 12.12.2026 ist
    ein Samstag."): a rule such as "am 8. jedes Monats" lands there unnoticed. A series
    whose dates are all on the same day of the week ("jeden Samstag") was chosen so."""
    days = [o.start for o in occurrences if o.start.weekday() >= 5]
    same_weekday = len({o.start.weekday() for o in occurrences}) == 1
    if not days or (len(occurrences) > 1 and same_weekday):
        return []
    names = [f"{'Samstag' if d.weekday() == 5 else 'Sonntag'}, {d:%d.%m.%Y}" for d in days]
    if len(days) == 1:
        text = f"Der {days[0]:%d.%m.%Y} ist ein {names[0].split(',')[0]}."
    else:
        text = f"{len(days)} Termine fallen auf ein Wochenende: {'; '.join(names)}."
    return [FieldProblem("dates", text, warning=True)]


def skipped_day_warnings(spec: SeriesSpec) -> list[FieldProblem]:
    """A warning where the series' day of the month (the 29th to 31st) is missing from some
    of its months: there it has no date (RFC 5545), which the preview showed only by its
    gaps. "jährlich" from 29.02.2028 met in 2032 next (found by a tester)."""
    if spec.weekday is not None or spec.frequency is Frequency.WEEKLY:
        return []
    day = spec.day_of_month or spec.first_day.day
    if spec.frequency is Frequency.YEARLY:
        if (spec.first_day.month, day) != (2, 29):
            return []  # another day a month lacks gives no date at all: refused
        text = "Den 29. Februar gibt es nur in Schaltjahren: Die Reihe trifft sich alle vier Jahre."
        return [FieldProblem("dates", text, warning=True)]
    step = spec.interval * (3 if spec.frequency is Frequency.QUARTERLY else 1)
    months = {(spec.first_day.month - 1 + k * step) % 12 + 1 for k in range(12)}
    short = [m for m in sorted(months) if calendar.monthrange(2027, m)[1] < day]
    if not short:
        return []
    names = [
        f"{MONTHS[m - 1]} (außer in Schaltjahren)" if (m, day) == (2, 29) else MONTHS[m - 1]
        for m in short
    ]
    text = f"Nicht jeder Monat hat einen {day}.: Im {listed(names)} findet kein Termin statt."
    return [FieldProblem("dates", text, warning=True)]


def _in(code: str) -> str:
    """ "in Bayern", but "im Saarland"."""
    return "im Saarland" if code == "DE-SL" else f"in {BUNDESLAENDER[code]}"


def overlap_warnings(
    occurrences: Iterable[Occurrence], existing: Iterable[ExistingMeeting]
) -> list[FieldProblem]:
    """A warning per date that overlaps an existing meeting (touching ends do not overlap)."""
    others = sorted(existing, key=lambda m: m.start)
    problems = []
    for o in occurrences:
        for other in others:
            if o.start < other.end and other.start < o.end:
                problems.append(
                    FieldProblem(
                        "dates",
                        f"Der Termin am {o.start:%d.%m.%Y um %H:%M} Uhr überschneidet sich "
                        f"mit „{other.label}“ ({other.start:%d.%m.%Y, %H:%M} Uhr).",
                        warning=True,
                    )
                )
    return problems
