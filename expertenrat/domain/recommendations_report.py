"""What the recommendations report shows, gathered from the register: per action field and
per project what was recommended, the latest answer, the state and the days open; the
status per action field and the share answered in time per year (the charts,
:mod:`recommendations_charts`); the open and overdue items.

Drafts are not recommendations yet: the report leaves them out unless they are asked for
(``REPORTED``). A recommendation addressed to two projects is listed under both; the
counts and charts count it once.

Under a project, a recommendation to several shows that project's latest answer (its own
or a joint one), and "keine Stellungnahme" where that project has not answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import OPEN
from expertenrat.domain.recommendations_charts import (
    NO_FIELD,
    InTimeYear,
    StatusChart,
    answered_in_time,
    status_chart,
)
from expertenrat.domain.response_summaries import ResponseSummary
from expertenrat.domain.text_folding import fold
from expertenrat.domain.wording import isolated, kinds_counted

S = RecommendationStatus
REPORTED = frozenset(RecommendationStatus) - {S.DRAFT}
"""The statuses the report shows unless others are asked for."""
STILL_OPEN = OPEN - {S.DRAFT}
"""Adopted, but not yet implemented, rejected or withdrawn (open, unless settled:
:func:`awaits_more`)."""
NO_PROJECT = "Ohne Projekt"
TITLE = "Bericht zu den Empfehlungen"


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One recommendation as the report prints it."""

    row: RecommendationRow
    answer: ResponseSummary | None
    days_open: int | None  # since adoption, while something is awaited (awaits_more)
    project_id: int | None = None  # the project whose section it stands in, if any
    non_public: bool = False  # adopted in a non-public agenda item (the register files)

    @property
    def answer_label(self) -> str:
        """ "entsprochen (22.09.2026)"; led by the project that gave it where that must be
        said (:attr:`latest_answer_from`): "Klimaportal: entsprochen (22.09.2026)"."""
        if self.answer is None:
            return "keine Stellungnahme"
        title = self.latest_answer_from
        return f"{isolated(title)}: {self.answer.label}" if title else self.answer.label

    @property
    def latest_answer_from(self) -> str:
        """The title of the project that gave the latest answer, outside a project's
        section, of a recommendation to several projects (whose answer is not everyone's);
        else empty (and for a joint answer, which is everyone's)."""
        if self.answer is None or self.project_id is not None or len(self.row.projects) < 2:
            return ""
        latest = self.answer.latest_project_id
        return next((p.title for p in self.row.projects if p.id == latest), "")

    @property
    def state_label(self) -> str:
        """ "übermittelt, seit 12 Tagen überfällig", "übermittelt (1 von 2 geantwortet),
        Umsetzung geplant bis 30.06.2026, seit 3 Tagen überfällig": the lateness of what
        the line chases (:attr:`_owed`) as the register and the reminders word it
        (``overdue_text``); none under a project that owes nothing."""
        owed = self._owed
        if owed is not None and owed.overdue:
            return f"{self.row.status_text}, {owed.overdue_text}"
        return self.row.status_text

    @property
    def _owed(self) -> RecommendationRow | None:
        """What the line chases of its recommendation: under a project what that project
        owes (``RecommendationRow.follow_up_for``: the response, or its passed plan),
        None where it owes nothing; elsewhere the part overdue longest (``most_overdue``)."""
        if self.project_id is None:
            return self.row.most_overdue
        return self.row.follow_up_for(self.project_id)

    @property
    def awaited_label(self) -> str:
        """What the state waits for, under it: "Frist 31.03.2026" for the response, or for
        an interim plan its date "geplant bis 30.06.2026" (the date a plan overdue counts
        from); empty without either, and where the state names the passed plan's date;
        "Abschluss möglich" once settled, when no Frist matters any more."""
        if self.row.settled:
            return "Abschluss möglich"
        owed = self._owed or self.row
        on = owed.awaited_on
        if on is None or owed.plan_overdue:
            return ""
        return f"geplant bis {on:%d.%m.%Y}" if owed.awaits_plan else f"Frist {on:%d.%m.%Y}"

    @property
    def days_open_label(self) -> str:
        return "–" if self.days_open is None else str(self.days_open)


@dataclass(frozen=True, slots=True)
class ProjectSection:
    title: str  # NO_PROJECT for recommendations addressed to none
    lead_unit: str
    lines: tuple[ReportLine, ...]
    ended: bool = False  # marked as finished: headed "… (abgeschlossen)"


@dataclass(frozen=True, slots=True)
class FieldSection:
    name: str  # NO_FIELD for recommendations without an action field
    kinds: str  # "1 Empfehlung, 1 Impuls": those in the field (each once), by kind
    projects: tuple[ProjectSection, ...]


@dataclass(frozen=True, slots=True)
class RecommendationsReport:
    letterhead: Letterhead
    on: date
    scope: str  # what was selected: "alle Jahre · alle Status außer Entwurf"
    count: int
    fields: tuple[FieldSection, ...]
    status_chart: StatusChart
    in_time: tuple[InTimeYear, ...]
    open_items: tuple[ReportLine, ...]
    closable: int = 0  # settled ("Abschluss möglich"): not open, only to be closed
    internal: bool = False  # holds a recommendation adopted in a non-public agenda item


def awaits_more(row: RecommendationRow) -> bool:
    """Open: adopted and still awaiting its sending, an answer or a planned implementation;
    not one settled (``RecommendationRow.settled``: every project's standing answer final),
    which awaits only the secretariat's closing ("Abschluss möglich")."""
    return row.status in STILL_OPEN and not row.settled


def days_open(row: RecommendationRow, today: date) -> int | None:
    """Days since adoption while the recommendation is open (:func:`awaits_more`), else
    ``None``."""
    if not awaits_more(row) or row.adopted_on is None:
        return None
    return max((today - row.adopted_on).days, 0)


def report_lines(
    rows: Iterable[RecommendationRow], answers: Mapping[int, ResponseSummary], today: date
) -> list[ReportLine]:
    return [ReportLine(row, answers.get(row.id), days_open(row, today)) for row in rows]


def field_sections(lines: Sequence[ReportLine], field_order: Sequence[str]) -> list[FieldSection]:
    """The lines per action field (in the council's order, then those without a field) and
    within each per project (by title, then those addressed to none)."""
    sections = []
    for name in field_names((line.row.action_field or NO_FIELD for line in lines), field_order):
        mine = [line for line in lines if (line.row.action_field or NO_FIELD) == name]
        kinds = kinds_counted(line.row.kind for line in mine)
        sections.append(FieldSection(name, kinds, _project_sections(mine)))
    return sections


def field_names(used: Iterable[str], field_order: Sequence[str]) -> list[str]:
    """The action field names ``used`` in the council's order, then those renamed meanwhile
    (alphabetically), then ``NO_FIELD``."""
    used = set(used)
    names = [name for name in field_order if name in used]
    names += sorted(used - set(names) - {NO_FIELD}, key=fold)  # a field renamed meanwhile
    return [*names, NO_FIELD] if NO_FIELD in used else names


def _project_sections(lines: Sequence[ReportLine]) -> tuple[ProjectSection, ...]:
    projects: dict[int, AddressedProject] = {}
    by_project: dict[int | None, list[ReportLine]] = {}
    for line in lines:
        for project in line.row.projects:
            projects[project.id] = project
            answer = line.answer.of_project(project.id) if line.answer else None
            by_project.setdefault(project.id, []).append(
                replace(line, answer=answer, project_id=project.id)
            )
        if not line.row.projects:
            by_project.setdefault(None, []).append(line)
    ordered = sorted(projects.values(), key=lambda p: (fold(p.title), p.id))
    sections = [
        ProjectSection(p.title, p.lead_unit, tuple(by_project[p.id]), p.ended) for p in ordered
    ]
    if None in by_project:
        sections.append(ProjectSection(NO_PROJECT, "", tuple(by_project[None])))
    return tuple(sections)


def open_items(lines: Iterable[ReportLine]) -> list[ReportLine]:
    """The lines still open (:func:`awaits_more`): the overdue first (longest overdue
    first), then by due date."""
    found = [line for line in lines if awaits_more(line.row)]
    return sorted(
        found,
        key=lambda line: (
            -line.row.most_overdue.days_overdue,
            line.row.due_on or date.max,
            line.row.code,
        ),
    )


def recommendations_report(
    letterhead: Letterhead,
    rows: Sequence[RecommendationRow],
    answers: Mapping[int, ResponseSummary],
    field_order: Sequence[str],
    today: date,
    scope: str,
) -> RecommendationsReport:
    """The report of ``rows`` (already selected) as of ``today``."""
    lines = report_lines(rows, answers, today)
    sections = field_sections(lines, field_order)
    return RecommendationsReport(
        letterhead=letterhead,
        on=today,
        scope=scope,
        count=len(rows),
        fields=tuple(sections),
        status_chart=status_chart(rows, [s.name for s in sections]),
        in_time=tuple(answered_in_time(rows, answers, today)),
        open_items=tuple(open_items(lines)),
        closable=sum(1 for row in rows if row.settled),
    )
