"""What the recommendations register shows: the filter the service applies, in its query
where it can, on the rows read where only they can tell (overdue, settled)."""

from __future__ import annotations

from dataclasses import dataclass

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_views import RecommendationRow


@dataclass(frozen=True, slots=True)
class RecommendationFilter:
    """What the register shows; empty fields do not filter. ``overdue``: only those
    overdue on the day of the list (``RecommendationRow.any_overdue``: past the due date of
    the response, or past the date of an interim plan, also of one project's beside the
    responses still awaited from others). ``settled``: only those the council can close
    (``RecommendationRow.settled``, the Übersicht's "Abschluss möglich")."""

    statuses: frozenset[RecommendationStatus] = frozenset()
    action_field_id: int | None = None
    project_id: int | None = None
    year: int | None = None
    overdue: bool = False
    search: str = ""  # words typed into the search field (accents aside)
    settled: bool = False

    def keeps(self, row: RecommendationRow) -> bool:
        """What only the row read can tell: overdue (with a project chosen, what that project
        owes, as its Projekte page says), settled (the query narrows before)."""
        owed = row.follow_up_for(self.project_id) if self.project_id else row.most_overdue
        late = owed is not None and owed.overdue
        return (late or not self.overdue) and (row.settled or not self.settled)
