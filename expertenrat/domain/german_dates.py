"""German names of weekdays and months, and the date in words, for every document."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def full_year(two_digits: int) -> int:
    """The year a date typed with two digits means, as Excel reads it: 00–29 are 2000–2029,
    30–99 are 1930–1999 (the one rule of the date fields and the member import)."""
    return two_digits + (2000 if two_digits < 30 else 1900)


def date_in_words(day: date) -> str:
    """The date in words without the weekday, "3. März 2026"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """The date in words, "Dienstag, 10. März 2026"."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]} {day.year}"


def searched_day_names(day: date) -> tuple[str, str]:
    """What the search finds a day by: "12.03.2026" and its month, "März" (with the year
    of the date, "März 2026" finds it); a day typed otherwise ("12.3.26") is read as this
    form (:func:`expertenrat.domain.council_search.day_typed`)."""
    return f"{day:%d.%m.%Y}", MONTHS[day.month - 1]
