"""A recommendation's responses in short, for the report, the annual report and the
register's files: when the first came, what the latest says, and the same per answering
project (a joint answer counts for every addressed project), from which the report tells
whether and when every addressed project had answered."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.enums import ResponseVerdict


@dataclass(frozen=True, slots=True)
class ResponseSummary:
    """A recommendation's responses in short: when the first came, what the latest says;
    ``by_project``: the same per answering project (None: the joint answers of all)."""

    first_received_on: date
    latest_verdict: ResponseVerdict
    latest_received_on: date
    by_project: tuple[tuple[int | None, ResponseSummary], ...] = ()

    @property
    def label(self) -> str:
        """ "teilweise entsprochen (12.03.2026)"."""
        return f"{self.latest_verdict.label} ({self.latest_received_on:%d.%m.%Y})"

    def of_project(self, project_id: int) -> ResponseSummary | None:
        """The answers that count for the project: its own and the joint ones (all, where
        the answers were not told apart by project)."""
        if not self.by_project:
            return self
        mine = [s for key, s in self.by_project if key in (project_id, None)]
        if not mine:
            return None
        latest = max(mine, key=lambda s: s.latest_received_on)
        first = min(s.first_received_on for s in mine)
        return ResponseSummary(first, latest.latest_verdict, latest.latest_received_on)

    def answered_by(self, project_ids: Sequence[int]) -> date | None:
        """The day by which every one of ``project_ids`` had answered (none: the first
        answer's); None while one has not."""
        if not project_ids:
            return self.first_received_on
        firsts = [self.of_project(key) for key in project_ids]
        if any(first is None for first in firsts):
            return None
        return max(first.first_received_on for first in firsts if first is not None)


def response_summary(
    answers: Iterable[tuple[int | None, date, ResponseVerdict]],
) -> ResponseSummary:
    """The summary of one recommendation's answers, (project or None, received, verdict)
    in the order received (at least one)."""
    answers = list(answers)
    parts: dict[int | None, ResponseSummary] = {}
    for key, on, verdict in answers:
        first = parts[key].first_received_on if key in parts else on
        parts[key] = ResponseSummary(first, verdict, on)
    _key, latest_on, latest = answers[-1]
    return ResponseSummary(answers[0][1], latest, latest_on, tuple(parts.items()))
