"""Which copies of the database to keep: the automatic daily backups (the last 14 days and
the last 12 months), and the safety copies made before a restore or a schema upgrade (the
newest few, the others for a number of days: they hold the data of persons anonymised or
deleted since, so they must not stay for ever)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

DAILY_COPIES = 14
MONTHLY_COPIES = 12
STALE_AFTER_DAYS = 7
SAFETY_COPY_DAYS = 90  # the default of the setting "Sicherheitskopien aufbewahren"
SAFETY_COPIES_KEPT = 3  # the newest ones stay whatever their age
MAX_SAFETY_COPY_DAYS = 3650

K = TypeVar("K", bound=Hashable)


def copies_to_keep(
    days: Iterable[date], daily: int = DAILY_COPIES, monthly: int = MONTHLY_COPIES
) -> set[date]:
    """The newest ``daily`` copies, and the first copy of each of the newest ``monthly`` months."""
    newest_first = sorted(set(days), reverse=True)
    keep = set(newest_first[:daily])
    first_of_month: dict[tuple[int, int], date] = {}
    for day in reversed(newest_first):  # oldest first: the first copy of a month wins
        first_of_month.setdefault((day.year, day.month), day)
    for month in sorted(first_of_month, reverse=True)[:monthly]:
        keep.add(first_of_month[month])
    return keep


def safety_copy_deletion_day(made: datetime, days: int = SAFETY_COPY_DAYS) -> date:
    """The first day a safety copy made at ``made`` is old enough to be deleted."""
    return made.date() + timedelta(days=days + 1)


def safety_copies_to_delete(
    made: Mapping[K, datetime],
    today: date,
    days: int = SAFETY_COPY_DAYS,
    kept: int = SAFETY_COPIES_KEPT,
) -> set[K]:
    """The safety copies (``made``: when each was made) to delete on ``today``: those made
    more than ``days`` days ago, except the newest ``kept`` (at least the newest one)."""
    newest_first = sorted(made, key=lambda key: made[key], reverse=True)
    return {
        key
        for key in newest_first[max(kept, 1) :]
        if safety_copy_deletion_day(made[key], days) <= today
    }


@dataclass(frozen=True, slots=True)
class SafetyCopies:
    """What the Aufbewahrung says of the safety copies: how many, the oldest, how many
    are due for deletion now, and the first day one more will be (``None``: only the
    newest ones are left, which stay)."""

    count: int
    oldest: date | None
    due: int
    next_deletion: date | None
