"""German names of weekdays and months, the date in words for every document, and a date
read as it is copied (German, ISO, and as an Outlook or Excel set to English writes it)."""

from __future__ import annotations

import re
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


# The time of day a spreadsheet, a database or an invitation writes after a day ("15.01.2027
# 16:30", "2027-01-15T16:30:00", "15. Januar 2027, um 16.30 Uhr", "1/15/2027 4:30 PM"),
# which a date field leaves aside (found by review: "15.01.2027 16:30" copied from a list
# of meetings was refused without a word, the field kept its old date); the hour alone
# with its "Uhr" or "PM" ("15. Januar 2027, 10 Uhr") and the time a meeting lasts
# ("16:00–18:00 Uhr", "16-18 Uhr", "von 16:00 bis 18:00 Uhr"; found by a tester).
_HALF_OF_DAY = r"(?:Uhr|[ap]\.?\s*m\.?)"
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?"
_UNTIL = rf"(?:\s*(?:[-–]|bis)\s*(?:{_CLOCK}|\d{{1,2}}))?"
_TIME_OF_DAY = (
    r"(?:(?:,?\s+(?:um\s+|von\s+)?|T)"
    rf"(?:{_CLOCK}{_UNTIL}(?:\s*{_HALF_OF_DAY})?|\d{{1,2}}{_UNTIL}\s*{_HALF_OF_DAY}))?"
)
# A day as people copy it: day first (05.12.2026, 5.12.26, 05-12-2026), or ISO (2026-12-05).
_DAY_FIRST = re.compile(r"(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})" + _TIME_OF_DAY, re.IGNORECASE)
# As an Excel set to English writes it: month first in the USA (3/1/2025 is 1 March), day
# first in Great Britain (3 January), which the text does not tell.
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + _TIME_OF_DAY, re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME_OF_DAY, re.IGNORECASE)
# A weekday before it, as an invitation or a letter writes it ("Dienstag, 15.12.2026",
# "Di., 15. Dezember 2026"), and a month in words, also abbreviated as letters do ("15. Jan.
# 2027"), or in English as an Outlook set to English writes it ("Tuesday, December 15,
# 2026", "15 Dec 2026"): found by review, refused without a word.
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_WORDS = {
    word: index
    for index, (german, english) in enumerate(zip(WEEKDAYS, _ENGLISH_WEEKDAYS, strict=True))
    for word in (german.casefold(), german[:2].casefold(), english, english[:3])
} | {"sonnabend": 5}  # Saturday as the north and east of Germany name it (Rostock)
_MONTH_WORDS = {
    word: number
    for number, (german, english) in enumerate(zip(MONTHS, _ENGLISH_MONTHS, strict=True), 1)
    for word in (german.casefold(), german[:3].casefold(), english, english[:3])
} | {"mrz": 3, "febr": 2, "sept": 9}


def _words(words: dict[str, int]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# "am Freitag, den 15. Januar 2027" as a German letter writes it (found by a tester)
# "Freitag,15.01.2027" with no space after the comma, as typed by hand (found by review)
_WEEKDAY = re.compile(rf"({_words(_WEEKDAY_WORDS)})\b\.?(?:,\s*|\s+)(?:de[nm]\s+)?", re.IGNORECASE)
_ON = re.compile(r"am\s+", re.IGNORECASE)
_MONTH = rf"({_words(_MONTH_WORDS)})\.?"
# "15. Januar 2027", "15 January 2027"; "January 15, 2027", "Jan 15th, 2027"
_IN_WORDS = re.compile(rf"(\d{{1,2}})\.?\s*{_MONTH}\s+(\d{{4}})" + _TIME_OF_DAY, re.IGNORECASE)
_MONTH_IN_WORDS_FIRST = re.compile(
    rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})" + _TIME_OF_DAY, re.IGNORECASE
)


def copied_date(text: str) -> date | None:
    """The day ``text`` names, as it is copied from a mail, a table or a spreadsheet:
    "05.12.2026", "5.12.26" (a two-digit year by :func:`full_year`), "05-12-2026" (day
    first, as the date fields read it), "2026-12-05", "15. Dezember 2026" ("15. Dez. 2026",
    in English "December 15, 2026"),
    each also after its weekday ("Dienstag, 15.12.2026", as an invitation writes it; found
    by a tester; "am Dienstag, den 15. Dezember 2026", as a letter does) and with a time of
    day after it, which is left aside ("15.01.2027 16:30", "16:00–18:00 Uhr");
    white space around it aside; "15/01/2027" or "01/15/2027" with slashes where it reads
    as one day only (or as one on the weekday named). ``None`` for any other text, a day
    the calendar does not have (31.02.), and what :func:`date_doubt` doubts."""
    days, _ = _days_named(text)
    return days[0] if len(days) == 1 else None


def ambiguous_date(text: str) -> tuple[date, date] | None:
    """The two days a date with slashes names where it reads as either, day or month first
    ("3/1/2025": 3 January in Great Britain, 1 March in the USA; found by review: a date
    field took it as the 3 January without a word, which the member import refuses as
    ambiguous); ``None`` for any other text."""
    days, _ = _days_named(text)
    return (days[0], days[1]) if len(days) == 2 else None


def date_doubt(text: str) -> str | None:
    """Why ``text``, a date as it is copied, is not taken as one (see :func:`copied_date`),
    in German: a date with slashes that reads as two days ("3/1/2025"), or one whose weekday
    it is not ("Dienstag, 14.01.2027", a Thursday: an invitation copied from the year before
    and half corrected; found by review, the date fields took the date as it stood);
    ``None`` for a date taken and for a text that is no date."""
    days, wrong_weekday = _days_named(text)
    shown = text.strip()
    if wrong_weekday is not None:
        return (
            f"„{shown}“: Der {wrong_weekday:%d.%m.%Y} ist ein "
            f"{WEEKDAYS[wrong_weekday.weekday()]}. Bitte prüfen Sie Wochentag und Datum."
        )
    if len(days) == 2:
        first, second = (f"{day:%d.%m.%Y}" for day in days)
        return (
            f"„{shown}“ ist kein eindeutiges Datum: In den USA steht der Monat zuerst, in "
            f"Großbritannien der Tag. Bitte geben Sie es als TT.MM.JJJJ an, {first} oder "
            f"{second}."
        )
    return None


def _days_named(text: str) -> tuple[list[date], date | None]:
    """The days ``text`` can be read as (see :func:`copied_date`): none, one, or the two of
    a date with slashes, day first and month first; of a weekday named, those on it. And
    the day named where it is not on the weekday named (else ``None``)."""
    text = text.strip()
    if on := _ON.match(text):  # "am 15.01.2027", as a sentence writes it
        text = text[on.end() :]
    named_weekday = None
    if weekday := _WEEKDAY.match(text):
        named_weekday = _WEEKDAY_WORDS[weekday[1].casefold()]
        text = text[weekday.end() :]
    if found := _IN_WORDS.fullmatch(text):
        readings = [(int(found[3]), _MONTH_WORDS[found[2].casefold()], int(found[1]))]
    elif found := _MONTH_IN_WORDS_FIRST.fullmatch(text):
        readings = [(int(found[3]), _MONTH_WORDS[found[1].casefold()], int(found[2]))]
    elif found := _DAY_FIRST.fullmatch(text):
        year = int(found[4])
        year = full_year(year) if len(found[4]) == 2 else year
        readings = [(year, int(found[3]), int(found[1]))]
    elif found := _SLASHED.fullmatch(text):
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        year = full_year(year) if len(found[3]) == 2 else year
        readings = [(year, second, first), (year, first, second)]
    elif found := _ISO.fullmatch(text):
        readings = [(int(found[1]), int(found[2]), int(found[3]))]
    else:
        return [], None
    days: list[date] = []
    for year, month, day in readings:
        try:
            named = date(year, month, day)
        except ValueError:
            continue
        if named not in days:
            days.append(named)
    if named_weekday is None:
        return days, None
    on_it = [day for day in days if day.weekday() == named_weekday]
    return on_it, (days[0] if days and not on_it else None)


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


def meeting_days(first: date, last: date | None = None) -> str:
    """The day or days of a meeting as a header names them: "11.12.2026" for one day (or
    ``last`` None), "11./12.12.2026" over midnight, "11.–13.12.2026" over three days,
    "30.11./01.12.2026" and "31.12.2026/01.01.2027" across a month's or a year's end."""
    if last is None or last <= first:
        return f"{first:%d.%m.%Y}"
    joint = "–" if (last - first).days > 1 else "/"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%d}.{joint}{last:%d.%m.%Y}"
    head = f"{first:%d.%m.}" if first.year == last.year else f"{first:%d.%m.%Y}"
    return f"{head}{joint}{last:%d.%m.%Y}"
