"""A recommendation's responses in short, for the report, the annual report and the
register's files: when the first came, what the latest says, and the same for each
addressed project: what stands for it is the rule of the register
(:func:`~expertenrat.domain.recommendation_answers.standing_answers`: its latest answer in
the order received, its own or a joint one), from which the report tells whether and when
every addressed project had answered."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.recommendation_answers import standing_answers


@dataclass(frozen=True, slots=True)
class SummarisedAnswer:
    """One answer: from whom (None: a joint answer of all addressed projects), when, what."""

    project_id: int | None
    received_on: date
    verdict: ResponseVerdict


@dataclass(frozen=True, slots=True)
class ResponseSummary:
    """A recommendation's responses in short: when the first came, what the latest says;
    ``answers``: each in the order received (empty: not told apart by project)."""

    first_received_on: date
    latest_verdict: ResponseVerdict
    latest_received_on: date
    answers: tuple[SummarisedAnswer, ...] = ()

    @property
    def label(self) -> str:
        """ "teilweise entsprochen (12.03.2026)"."""
        return f"{self.latest_verdict.label} ({self.latest_received_on:%d.%m.%Y})"

    @property
    def latest_project_id(self) -> int | None:
        """The project that gave the latest answer (None: a joint one, or not known)."""
        return self.answers[-1].project_id if self.answers else None

    def of_project(self, project_id: int) -> ResponseSummary | None:
        """The answers that count for the project, its own and the joint ones: the first
        of them and the one standing for it (all, where the answers were not told apart by
        project)."""
        if not self.answers:
            return self
        standing = standing_answers([project_id], self.answers).get(project_id)
        if standing is None:
            return None
        first = next(a for a in self.answers if a.project_id in (project_id, None))
        return ResponseSummary(first.received_on, standing.verdict, standing.received_on)

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
    given = tuple(SummarisedAnswer(*answer) for answer in answers)
    first, latest = given[0], given[-1]
    return ResponseSummary(first.received_on, latest.verdict, latest.received_on, given)


def answered_by(addressed: Sequence[tuple[int, str]], project_id: int | None) -> str:
    """Who answered, for the history and the audit trail where the recommendation is
    addressed to several projects (``addressed``: id and title): " (von „Klimaportal“)",
    " (gemeinsame Antwort)"; empty for one addressed project."""
    if len(addressed) < 2:
        return ""
    if project_id is None:
        return " (gemeinsame Antwort)"
    return f" (von „{dict(addressed)[project_id]}“)"


def removed_answer(
    addressed: Sequence[tuple[int, str]],
    project_id: int | None,
    received_on: date,
    verdict: ResponseVerdict,
) -> str:
    """A removed answer in its history line, without parentheses in parentheses:
    "Antwort vom 02.11.2026 (entsprochen)", of several projects "Antwort von „Parkhaus“
    vom …" or "Gemeinsame Antwort vom …"."""
    whose = "Antwort"
    if len(addressed) > 1:
        whose = (
            "Gemeinsame Antwort"
            if project_id is None
            else f"Antwort von „{dict(addressed)[project_id]}“"
        )
    return f"{whose} vom {received_on:%d.%m.%Y} ({verdict.label})"
