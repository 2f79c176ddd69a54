"""Read models of the recommendations register: a row of the table and the detail with its
responses and history; what a row links to is :mod:`recommendation_links`', the filter
the service applies :mod:`recommendation_filter`'s."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_answers import GivenAnswer, answer_progress
from expertenrat.domain.recommendation_codes import register_year
from expertenrat.domain.recommendation_history import HistoryEntry, Response
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendations import AWAITING_OUTCOME, AWAITING_RESPONSE
from expertenrat.domain.wording import overdue_since

DUE_TODAY = "heute fällig"  # what is awaited is due today (RecommendationRow.due_today)


@dataclass(frozen=True, slots=True)
class RecommendationRow:
    """One line of the register (``days_overdue`` as of the day the list was made, by
    :func:`~expertenrat.domain.recommendations.days_overdue`). ``planned_by``: the date an
    interim response "Umsetzung geplant" set for the implementation, while it is the latest
    response of an addressed project (the earliest of such dates; ``plans`` per project,
    :func:`~expertenrat.domain.recommendation_answers.pending_plans`), else None. ``answered``:
    the addressed projects that have answered, their own answer or a joint one
    (:mod:`~expertenrat.domain.recommendation_answers`). ``plans`` are kept while some
    responses are still awaited too: a plan is awaited from the project that planned it
    (:attr:`follow_ups`). ``on``: the day the list was made. ``answers``: the answers given,
    which the action fields' figures count (:func:`~expertenrat.domain.overview.field_counts`)."""

    id: int
    code: str
    kind: RecommendationKind
    title: str
    action_field_id: int | None
    action_field: str
    projects: tuple[AddressedProject, ...]
    origin: Origin
    adopted_on: date | None
    sent_on: date | None
    due_on: date | None
    status: RecommendationStatus
    days_overdue: int
    version: int
    planned_by: date | None = None
    words: str = ""  # the text and the projects' answers, which the search looks in too
    answered: frozenset[int] = frozenset()
    plans: tuple[tuple[int | None, date], ...] = ()
    on: date | None = None
    plan_part: bool = False  # a follow-up: the passed plans beside awaited responses
    settled: bool = False  # answered, every answer standing final (recommendation_answers)
    answers: tuple[GivenAnswer, ...] = ()  # in the order received: the Übersicht's counts

    @property
    def project_names(self) -> str:
        return "; ".join(p.title for p in self.projects)

    @property
    def lead_units(self) -> str:
        return "; ".join(dict.fromkeys(p.lead_unit for p in self.projects if p.lead_unit))

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def any_overdue(self) -> bool:
        """Something awaited is overdue: the row, or a passed plan beside the responses
        still awaited (:attr:`follow_ups`); the register's filter "überfällig"."""
        return any(part.overdue for part in self.follow_ups)

    @property
    def most_overdue(self) -> RecommendationRow:
        """Of :attr:`follow_ups`, the one overdue longest (the row itself where none is):
        what the register shows of its lateness."""
        return max(self.follow_ups, key=lambda part: part.days_overdue)

    @property
    def awaits_plan(self) -> bool:
        """Answered only with an interim plan: what is awaited is its outcome, by
        ``planned_by``, not a response by ``due_on``."""
        awaiting = self.status in AWAITING_OUTCOME or self.plan_part
        return awaiting and self.planned_by is not None

    @property
    def plan_overdue(self) -> bool:
        """The planned implementation date has passed without a later response."""
        return self.awaits_plan and self.overdue

    @property
    def awaited_projects(self) -> tuple[AddressedProject, ...]:
        """The addressed projects the council waits for: while a response is awaited, those
        that have not answered; once answered (or in the :attr:`plan_part`), those whose
        planned implementation date has passed (:attr:`plan_overdue`). Only these are
        reminded, each of what :attr:`follow_ups` says it owes."""
        if self.status in AWAITING_RESPONSE and not self.plan_part:
            return tuple(p for p in self.projects if p.id not in self.answered)
        if not self.plan_overdue:
            return ()
        return tuple(p for p in self.projects if p.id in self._late_plans)

    @property
    def _late_plans(self) -> dict[int, date]:
        """Per addressed project, the date of its interim plan where that has passed."""
        today = self.on
        if today is None and self.planned_by is not None:
            today = self.planned_by + timedelta(days=self.days_overdue)  # the list's day
        return {key: on for key, on in self.plans if key is not None and today and on < today}

    @property
    def follow_ups(self) -> tuple[RecommendationRow, ...]:
        """What the council chases of this recommendation, one row per kind: the row
        itself; and while responses are still awaited from some addressed projects, for
        those others whose interim plan's date has passed, a second row (:attr:`plan_part`)
        that awaits the state of the implementation from them by their earliest planned
        date. Each project is reminded, listed and counted by the row that awaits it."""
        late = self._late_plans if self.status in AWAITING_RESPONSE else {}
        if self.plan_part or not late or self.on is None:
            return (self,)
        planned_by = min(late.values())
        days = (self.on - planned_by).days
        return (self, replace(self, planned_by=planned_by, days_overdue=days, plan_part=True))

    def follow_up_for(self, project_id: int) -> RecommendationRow | None:
        """The row of :attr:`follow_ups` that awaits something from the project, if any
        (:meth:`owed_by` the project)."""
        return next(
            (
                row.owed_by(project_id)
                for row in self.follow_ups
                if any(p.id == project_id for p in row.awaited_projects)
            ),
            None,
        )

    def owed_by(self, project_id: int) -> RecommendationRow:
        """This row as the project owes it: awaiting a passed plan, the date of that
        project's own plan (``planned_by`` is the earliest of several projects' plans)
        and the days since it; else the row itself."""
        own = self._late_plans.get(project_id)
        if own is None or not self.awaits_plan or self.planned_by is None:
            return self
        later = (own - self.planned_by).days
        return replace(self, planned_by=own, days_overdue=self.days_overdue - later)

    @property
    def outstanding_text(self) -> str:
        """Who the council still waits for (:attr:`follow_ups`): a project whose response
        is awaited by its title, one whose interim plan has passed with it (``overdue_text``
        of its own plan, :meth:`owed_by`): "Open-Data-Portal; Klimaportal (Umsetzung
        geplant bis 30.06.2026, seit 3 Tagen überfällig)"."""
        names = []
        for part in self.follow_ups:
            for project in part.awaited_projects:
                owed = part.owed_by(project.id)
                late = f" ({owed.overdue_text})" if owed.plan_overdue else ""
                names.append(f"{project.title}{late}")
        return "; ".join(names)

    @property
    def answer_progress(self) -> str:
        """ "1 von 2 Projekten hat geantwortet; es fehlt noch „Parkhaus“" while a response
        is awaited from some but not all of several addressed projects; else empty."""
        if self.status not in AWAITING_RESPONSE:
            return ""
        return answer_progress(
            [p.title for p in self.projects], [p.id in self.answered for p in self.projects]
        )

    @property
    def status_text(self) -> str:
        """The status, with how many of several addressed projects have answered while
        some are awaited: "übermittelt (1 von 2 geantwortet)"."""
        if not self.answer_progress:
            return self.status.label
        done = sum(p.id in self.answered for p in self.projects)
        return f"{self.status.label} ({done} von {len(self.projects)} geantwortet)"

    @property
    def awaited_on(self) -> date | None:
        """The date the project owes the council something by: the planned date of an
        interim plan, else the due date of the response; none once final or settled."""
        awaiting = self.status in AWAITING_RESPONSE | AWAITING_OUTCOME and not self.settled
        return (self.planned_by if self.awaits_plan else self.due_on) if awaiting else None

    @property
    def overdue_text(self) -> str:
        """ "seit 12 Tagen überfällig" ("seit 3 Monaten …", :func:`overdue_since`), or for a
        passed plan "Umsetzung geplant bis 30.06.2026, seit 3 Tagen überfällig"; empty while
        nothing is overdue. The one wording of lateness: the register, the Übersicht, the
        reminders and the report all show it."""
        if not self.overdue:
            return ""
        late = overdue_since(self.days_overdue)
        if self.plan_overdue:
            return f"Umsetzung geplant bis {self.planned_by:%d.%m.%Y}, {late}"
        return late

    def due_today(self, today: date) -> bool:
        """Not overdue, and what is awaited (:attr:`awaited_on`) is due ``today``: "heute
        fällig" (:data:`DUE_TODAY`) in the Übersicht and the reminders alike."""
        return not self.overdue and self.awaited_on == today

    @property
    def year(self) -> int | None:
        """The register year (:func:`register_year`): the year of adoption, as the annual
        report and the Übersicht count; a draft's, the year in its code."""
        return register_year(self.code, self.adopted_on)


@dataclass(frozen=True, slots=True)
class RecommendationDetail:
    """Everything about one recommendation: its row, its text, responses and history.
    ``origin_approved``: the minutes of the meeting it was adopted in are approved, so its
    content can no longer be edited (the register's steps go on)."""

    row: RecommendationRow
    text: str
    responses: tuple[Response, ...]
    history: tuple[HistoryEntry, ...]
    origin_approved: bool = False
