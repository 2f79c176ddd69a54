"""The German wording of a meeting series: its rule ("vierteljährlich, am zweiten Dienstag,
16:00–18:00 Uhr, bis 31.12.2027"), a rule as stored for the audit trail, and one date of
the preview; the dates themselves come from :mod:`domain.meeting_series`.
"""

from __future__ import annotations

from datetime import datetime

from expertenrat.domain.german_dates import MONTHS, WEEKDAYS
from expertenrat.domain.meeting_series import ORDINALS, Frequency, Occurrence, SeriesSpec

_EVERY = {
    Frequency.WEEKLY: ("wöchentlich", "alle {n} Wochen"),
    Frequency.MONTHLY: ("monatlich", "alle {n} Monate"),
    Frequency.QUARTERLY: ("vierteljährlich", "alle {n} Quartale"),
    Frequency.YEARLY: ("jährlich", "alle {n} Jahre"),
}


_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_RRULE_FREQUENCIES = {"WEEKLY": Frequency.WEEKLY, "MONTHLY": Frequency.MONTHLY,
                      "YEARLY": Frequency.YEARLY}  # fmt: skip


def stored_rule_words(text: str) -> str:
    """A rule as :func:`rule_text` stored it, in German, for the audit trail:
    "vierteljährlich, am dritten Donnerstag, ab 17.04.2025 16:00 Uhr, 5 Termine"; a text
    that is no such rule as it is."""
    try:
        return _rule_words(text)
    except (KeyError, ValueError, IndexError):
        return text


def _rule_words(text: str) -> str:
    lines = dict(line.split(":", 1) for line in text.split())
    start = datetime.strptime(lines["DTSTART"], "%Y%m%dT%H%M%S")
    parts = dict(part.split("=", 1) for part in lines["RRULE"].split(";"))
    frequency = _RRULE_FREQUENCIES[parts["FREQ"]]
    interval = int(parts.get("INTERVAL", "1"))
    if frequency is Frequency.MONTHLY and interval % 3 == 0:
        frequency, interval = Frequency.QUARTERLY, interval // 3
    once, many = _EVERY[frequency]
    words = [once if interval == 1 else many.format(n=interval)]
    in_month = f" im {MONTHS[int(parts['BYMONTH']) - 1]}" if "BYMONTH" in parts else ""
    day = parts.get("BYDAY", "")
    if day:
        ordinal, name = day[:-2], day[-2:]
        weekday = WEEKDAYS[_RRULE_DAYS.index(name)]
        on = f"am {ORDINALS[int(ordinal)]} {weekday}" if ordinal else f"am {weekday}"
        words.append(on + in_month)
    elif "BYMONTHDAY" in parts:
        words.append(f"am {int(parts['BYMONTHDAY'])}.{in_month}")
    words.append(f"ab {start:%d.%m.%Y %H:%M} Uhr")
    if "UNTIL" in parts:
        words.append(f"bis {datetime.strptime(parts['UNTIL'][:8], '%Y%m%d'):%d.%m.%Y}")
    elif "COUNT" in parts:
        count = int(parts["COUNT"])
        words.append("1 Termin" if count == 1 else f"{count} Termine")
    return ", ".join(words)


def describe_series(spec: SeriesSpec) -> str:
    """The rule in German.

    For example "vierteljährlich, am zweiten Dienstag, 16:00–18:00 Uhr, bis 31.12.2027".
    """
    once, many = _EVERY[spec.frequency]
    parts = [once if spec.interval == 1 else many.format(n=spec.interval)]
    in_month = (
        f" im {MONTHS[spec.first_day.month - 1]}" if spec.frequency is Frequency.YEARLY else ""
    )
    if spec.weekday is not None and spec.ordinal is not None:
        parts.append(f"am {ORDINALS[spec.ordinal]} {WEEKDAYS[spec.weekday]}{in_month}")
    elif spec.weekday is not None:
        parts.append(f"am {WEEKDAYS[spec.weekday]}")
    elif spec.day_of_month is not None:
        parts.append(f"am {spec.day_of_month}.{in_month}")
    parts.append(f"{spec.start_time:%H:%M}–{spec.end_time:%H:%M} Uhr")
    if spec.until is not None:
        parts.append(f"bis {spec.until:%d.%m.%Y}")
    elif spec.count is not None:
        parts.append("1 Termin" if spec.count == 1 else f"{spec.count} Termine")
    return ", ".join(parts)


def counted_series(spec: SeriesSpec, dates: int) -> str:
    """:func:`describe_series` with the number of its dates where the rule does not say it
    already (a series "bis …"): "monatlich, …, bis 15.12.2027 – 12 Termine"."""
    described = describe_series(spec)
    if spec.count is not None:
        return described
    return f"{described} – {'1 Termin' if dates == 1 else f'{dates} Termine'}"


def preview_line(occurrence: Occurrence) -> str:
    """One date of the preview: "Di, 14.01.2025, 16:00–18:00 Uhr"."""
    day = WEEKDAYS[occurrence.start.weekday()][:2]
    return f"{day}, {occurrence.start:%d.%m.%Y, %H:%M}–{occurrence.end:%H:%M} Uhr"
