"""The parts of a recommendation's detail beside its row: a project's response as stored
and a line of its history (:class:`~expertenrat.domain.recommendation_views.
RecommendationDetail`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from expertenrat.domain.enums import HistoryKind, RecommendationStatus, ResponseVerdict


@dataclass(frozen=True, slots=True)
class Response:
    """A project's response as stored; ``project_id`` None (``project_title`` empty): a
    joint answer of all the addressed projects."""

    id: int
    received_on: date
    verdict: ResponseVerdict
    responder: str
    reasons: str
    measures: str
    measures_due_on: date | None
    final: bool
    version: int
    project_id: int | None = None
    project_title: str = ""

    @property
    def from_label(self) -> str:
        """ "von „Klimaportal“", or "gemeinsam für alle adressierten Projekte"."""
        if self.project_id is None:
            return "gemeinsam für alle adressierten Projekte"
        return f"von „{self.project_title}“"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A line of the history: the step's date, what happened, by whom, when recorded (UTC)."""

    kind: HistoryKind
    occurred_on: date
    from_status: RecommendationStatus | None
    to_status: RecommendationStatus | None
    note: str
    actor: str
    changed_at: datetime

    @property
    def label(self) -> str:
        if self.kind is HistoryKind.STATUS and self.to_status is not None:
            return f"{self.kind.label}: {self.to_status.label}"
        return self.kind.label
