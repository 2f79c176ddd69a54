"""Which automatic daily backups to keep: the last 14 days and the last 12 months."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

DAILY_COPIES = 14
MONTHLY_COPIES = 12
STALE_AFTER_DAYS = 7


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
