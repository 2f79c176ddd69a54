"""Working days: no Saturday, Sunday or public holiday of the council's Bundesland.

German practice (§ 193 BGB) moves a deadline that ends on such a day to the next working
day (:func:`next_working_day`: the due date of a response, the end of the objection
period); a day by which something must be done so that a period is kept moves to the
working day before (:func:`previous_working_day`: the last day to send an invitation, the
day excuses are asked for). Only the Land's public holidays count, not those of part of it
(Mariä Himmelfahrt in Bavaria's mostly Catholic municipalities), and not Heiligabend or
Silvester. Without a Bundesland (``""``) the nationwide holidays count.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from expertenrat.domain.bundeslaender import land_code


def next_working_day(day: date, bundesland: str) -> date:
    """``day`` if it is a working day, otherwise the first working day after it."""
    while closed_reason(day, bundesland):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date, bundesland: str) -> date:
    """``day`` if it is a working day, otherwise the last working day before it."""
    while closed_reason(day, bundesland):
        day -= timedelta(days=1)
    return day


def closed_reason(day: date, bundesland: str) -> str | None:
    """Why ``day`` is no working day ("ein Sonntag", "ein Feiertag (Ostermontag)"), or
    ``None`` for a working day. A holiday on a weekend is named as the holiday."""
    name = land_holidays(bundesland, day.year).get(day)
    if name:
        return f"ein Feiertag ({name})"
    if day.weekday() == 5:
        return "ein Samstag"
    if day.weekday() == 6:
        return "ein Sonntag"
    return None


def closed_day_note(day: date, bundesland: str) -> str | None:
    """ "der 25.12.2026 ist ein Feiertag (Erster Weihnachtstag)" for a day that is no
    working day (a hint under a due date, proposed or typed), ``None`` for a working day."""
    reason = closed_reason(day, bundesland)
    return f"der {day:%d.%m.%Y} ist {reason}" if reason else None


def land_holidays(
    bundesland: str | None, year: int, *, in_part_only: bool = False
) -> dict[date, str]:
    """The public holidays of ``year`` in the Land ("DE-MV"; none or an unknown one: the
    nationwide holidays), by German name. ``in_part_only``: instead those of only part of
    the Land (Mariä Himmelfahrt in most of Bavaria, Fronleichnam in parts of Sachsen and
    Thüringen), which no working day rule counts; without a Land there are none."""
    code = land_code(bundesland)
    if in_part_only and code is None:
        return {}
    subdivision = code.removeprefix("DE-") if code else None
    return _holidays(subdivision, year, "catholic" if in_part_only else "public")


@lru_cache(maxsize=64)
def _holidays(subdivision: str | None, year: int, category: str) -> dict[date, str]:
    """The holidays of a year and category in the Land (``None``: nationwide), by name."""
    if not 1900 <= year <= 2200:  # outside what anyone plans: no holidays known
        return {}
    import holidays  # ~0.1 s to import: only when a deadline or a date is checked

    calendar = holidays.country_holidays(
        "DE", subdiv=subdivision, years=year, language="de", categories=(category,)
    )
    return dict(calendar.items())
