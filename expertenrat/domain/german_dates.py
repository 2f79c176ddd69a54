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


def date_in_words(day: date) -> str:
    """The date in words without the weekday, "3. März 2026"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """The date in words, "Dienstag, 10. März 2026"."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]} {day.year}"
