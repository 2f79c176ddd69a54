"""The charts of the recommendations report (:mod:`recommendations_report`): the
recommendations per action field and status, and the share answered in time per year.

"Answered in time" per year of sending: of the recommendations sent that year whose
deadline has passed or that were answered, the share that every addressed project had
answered by the due date (its first answer, or a joint one:
:meth:`ResponseSummary.answered_by`). A recommendation withdrawn without any response does
not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.response_summaries import ResponseSummary

S = RecommendationStatus
NO_FIELD = "Ohne Handlungsfeld"  # the report's heading and chart column of those without


@dataclass(frozen=True, slots=True)
class StatusChart:
    """Recommendations per action field (``fields``) and status: ``counts[s][f]``."""

    fields: tuple[str, ...]
    statuses: tuple[RecommendationStatus, ...]
    counts: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class InTimeYear:
    """Of ``counted`` recommendations sent in ``year``, ``in_time`` were answered by their
    due date."""

    year: int
    counted: int
    in_time: int

    @property
    def percent(self) -> int:
        return round(100 * self.in_time / self.counted) if self.counted else 0


def status_chart(rows: Sequence[RecommendationRow], fields: Sequence[str]) -> StatusChart:
    """Counts per status (those that occur, in lifecycle order) and field (``fields``)."""
    statuses = tuple(s for s in RecommendationStatus if any(r.status is s for r in rows))
    counts = tuple(
        tuple(
            sum(1 for r in rows if r.status is s and (r.action_field or NO_FIELD) == f)
            for f in fields
        )
        for s in statuses
    )
    return StatusChart(tuple(fields), statuses, counts)


def answered_in_time(
    rows: Iterable[RecommendationRow], answers: Mapping[int, ResponseSummary], today: date
) -> list[InTimeYear]:
    """Per year of sending, how many were answered by their due date (see the module)."""
    years: dict[int, list[int]] = {}
    for row in rows:
        if row.sent_on is None or row.due_on is None:
            continue
        answer = answers.get(row.id)
        if answer is None and (row.status is S.WITHDRAWN or row.due_on >= today):
            continue  # withdrawn unanswered, or still within its deadline
        answered_on = answer.answered_by([p.id for p in row.projects]) if answer else None
        if answered_on is None and row.due_on >= today:
            continue  # some projects answered, the others are still within the deadline
        counts = years.setdefault(row.sent_on.year, [0, 0])
        counts[0] += 1
        counts[1] += answered_on is not None and answered_on <= row.due_on
    return [
        InTimeYear(year, counted, in_time) for year, (counted, in_time) in sorted(years.items())
    ]
