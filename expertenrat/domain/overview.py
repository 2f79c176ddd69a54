"""What the Übersicht shows: figures, to-do lines that point at their records, the action
fields' figures of the year and the status of the recommendations per action field.

Everything the page lets the user click carries a :class:`Target`: an area of the main
window and, where it talks about one record, that record (with the tab to show) or a
filter. The page only passes targets on; the main window turns them into an area switch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from expertenrat.domain.composition import Composition
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import MeetingState, RecommendationStatus
from expertenrat.domain.german_dates import meeting_days
from expertenrat.domain.invitation_due import invitation_deadline, invitation_task
from expertenrat.domain.recommendation_answers import GivenAnswer, accepted, fully_answered
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import AWAITING_RESPONSE
from expertenrat.domain.reminders import REMINDER_WINDOW

DUE_SOON_DAYS = REMINDER_WINDOW.days  # what a reminder names is listed (reminder_due)

# The recommendation statuses as the Übersicht groups them (the lifecycle itself is
# :mod:`expertenrat.domain.recommendations`).
WITHOUT_RESPONSE = frozenset({RecommendationStatus.SENT})
"""Sent and not yet answered by every project it is addressed to: "Stellungnahme
ausstehend" (one to several projects, partly answered, among them). One adopted but not
yet sent owes no answer: the secretariat has to send it ("Zu übermitteln")."""
SENT_STATUSES = frozenset(RecommendationStatus) - {
    RecommendationStatus.DRAFT,
    RecommendationStatus.ADOPTED,
    RecommendationStatus.WITHDRAWN,
}
"""Went to the project (whether answered or not)."""
ANSWERED_STATUSES = SENT_STATUSES - AWAITING_RESPONSE
"""The project has responded."""


class Area(Enum):
    """The areas of the main window a target can open."""

    MEMBERS = "members"
    PROJECTS = "projects"
    MEETINGS = "meetings"
    RECOMMENDATIONS = "recommendations"
    SETTINGS = "settings"


class MeetingTab(Enum):
    """The tab of a meeting a target shows."""

    MEETING = "meeting"
    AGENDA = "agenda"
    ATTENDANCE = "attendance"
    MINUTES = "minutes"
    ANNEXES = "annexes"
    APPROVAL = "approval"
    # Draft minutes not yet sent: Protokoll where something is missing, else Genehmigung,
    # which sends them; decided as the line opens, in the worker (a check per draft, about
    # 24 statements, is too dear for every Übersicht; found by a tester).
    DRAFT = "draft"


class TargetFilter(Enum):
    """What an area shows or does when a target opens it without a record."""

    NONE = ""
    NEW = "new"  # start a new record (member, meeting)
    OPEN = "open"  # recommendations waiting for a response
    OVERDUE = "overdue"  # recommendations whose response is overdue
    REMIND = "remind"  # the overdue ones, and "Erinnerungen …" opened over them
    TO_SEND = "to_send"  # recommendations adopted, not yet sent to the projects
    CLOSABLE = "closable"  # answered finally, to be closed (the register: "Abschluss möglich")
    ANSWERED = "answered"  # answered (among them those awaiting a final answer)
    HELD = "held"  # meetings held
    UPCOMING = "upcoming"  # meetings ahead
    UNRECORDED = "unrecorded"  # meetings past, neither recorded as held nor cancelled


@dataclass(frozen=True, slots=True)
class Target:
    """Where a click on the Übersicht leads."""

    area: Area
    record_id: int | None = None
    tab: MeetingTab | None = None
    filter: TargetFilter = TargetFilter.NONE
    action_field_id: int | None = None
    item_id: int | None = None  # an agenda item of the meeting, shown in the ``tab``
    # The record's council where it need not be the shown one (the minutes kept at start):
    # the window shows that council first. None: the shown council's record.
    council_id: int | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a list on the Übersicht; ``urgent`` lines are late or overdue."""

    text: str
    target: Target
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class FieldFigures:
    """An action field's work in one year: consultations held, recommendations adopted,
    how many of those were sent, answered, and accepted in the answer (:func:`field_counts`).
    ``field`` is ``None`` for the recommendations without an action field (the annual
    report's row)."""

    field: ActionField | None
    consultations: int = 0
    recommendations: int = 0
    sent: int = 0
    answered: int = 0
    accepted: int = 0

    @property
    def answered_share(self) -> float | None:
        """Answered of those sent; ``None`` while none was sent."""
        return self.answered / self.sent if self.sent else None

    @property
    def accepted_share(self) -> float | None:
        """Accepted of those answered; ``None`` while none was answered."""
        return self.accepted / self.answered if self.answered else None


def field_counts(
    recommendations: Iterable[tuple[RecommendationStatus, Sequence[int], Sequence[GivenAnswer]]],
) -> tuple[int, int, int, int]:
    """How many of ``recommendations`` (status, addressed projects, answers in the order
    received) there are, and were sent, answered and accepted, as :class:`FieldFigures`
    counts them by the rules of :mod:`~expertenrat.domain.recommendation_answers`: one
    withdrawn counts as sent if a project had answered it, as answered if every addressed
    project had (as the in-time count has it); accepted is answered and accepted by every
    answer standing."""
    total = sent = answered = accepted_ = 0
    withdrawn = RecommendationStatus.WITHDRAWN
    for status, addressed, answers in recommendations:
        total += 1
        sent += status in SENT_STATUSES or (status is withdrawn and bool(answers))
        if status in ANSWERED_STATUSES or (
            status is withdrawn and fully_answered(addressed, answers)
        ):
            answered += 1
            accepted_ += accepted(addressed, answers)
    return total, sent, answered, accepted_


@dataclass(frozen=True, slots=True)
class FieldStatuses:
    """How many recommendations of an action field (``None``: without one) are in which
    status, in the order of :class:`RecommendationStatus`; statuses with none left out."""

    field: ActionField | None
    counts: tuple[tuple[RecommendationStatus, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _status, count in self.counts)


def statuses_by_field(
    rows: Iterable[RecommendationRow], fields: Sequence[ActionField]
) -> tuple[FieldStatuses, ...]:
    """How many of the register's ``rows`` are in which status, per action field of
    ``fields``; those without one of them (none, or a field of another council, never
    expected) come last, only if there are any."""
    known = {field.id for field in fields}
    counts: dict[int | None, Counter[RecommendationStatus]] = {}
    for row in rows:
        key = row.action_field_id if row.action_field_id in known else None
        counts.setdefault(key, Counter())[row.status] += 1
    result = [FieldStatuses(field, _ordered(counts.get(field.id, Counter()))) for field in fields]
    if None in counts:
        result.append(FieldStatuses(None, _ordered(counts[None])))
    return tuple(result)


def _ordered(
    by_status: Counter[RecommendationStatus],
) -> tuple[tuple[RecommendationStatus, int], ...]:
    return tuple((s, by_status[s]) for s in RecommendationStatus if by_status[s])


@dataclass(frozen=True, slots=True)
class CouncilOverview:
    """The figures and lists the Übersicht page shows for one council."""

    council: CouncilSettings
    active_members: int
    former_members: int
    projects: int
    meetings_held: int
    meetings_upcoming: int
    next_meeting: str | None
    recommendations_open: int
    recommendations_overdue: int
    recommendations_total: int
    recommendations_partly_answered: int = 0  # of the open ones: some projects answered
    action_fields: tuple[ActionField, ...] = field(default_factory=tuple)
    future_members: int = 0  # who join: term not begun yet, not a member today
    further_terms: int = 0  # not begun yet, of members who stay (Composition.further_terms)
    next_meeting_id: int | None = None
    meetings_total: int = 0  # in any state
    # Of the council's first member term or first meeting (any state), whichever is earlier:
    # the Tätigkeitsbericht's first year (None: neither yet)
    first_year: int | None = None
    composition: Composition | None = None
    # "5. Sitzung am 12.03.2026: Einladung bis 05.03.2026 versenden", soonest first
    invitations_due: tuple[Line, ...] = ()
    next_meetings: tuple[Line, ...] = ()  # the next few, with the state of the invitation
    # Meetings ahead whose apologies leave too few voting members for a quorum
    quorum_warnings: tuple[Line, ...] = ()
    meetings_unrecorded: tuple[Line, ...] = ()  # day passed, still planned or invited
    minutes_waiting: tuple[Line, ...] = ()  # held, not yet circulated or not yet approved
    # "2 vertagte Punkte der 5. Sitzung warten auf eine Tagesordnung", per held meeting
    postponed_waiting: tuple[Line, ...] = ()
    # "2 Umlaufbeschlüsse warten auf einen Bericht": adopted in writing, no agenda reports them
    written_waiting: tuple[Line, ...] = ()
    to_send: tuple[Line, ...] = ()  # recommendations adopted, not yet sent, oldest first
    closable: tuple[Line, ...] = ()  # answered finally by every project, not yet closed
    # answered in the interim, the final answer awaited by no date (no dated plan)
    awaiting_final: tuple[Line, ...] = ()
    responses_overdue: tuple[Line, ...] = ()
    responses_due_soon: tuple[Line, ...] = ()  # due in the next DUE_SOON_DAYS days
    composition_warnings: tuple[Line, ...] = ()
    year: int = 0
    fields_this_year: tuple[FieldFigures, ...] = ()
    statuses_by_field: tuple[FieldStatuses, ...] = ()

    @property
    def members_total(self) -> int:
        return self.active_members + self.former_members + self.future_members + self.further_terms

    @property
    def is_empty(self) -> bool:
        """Nothing recorded yet: neither members nor meetings."""
        return self.members_total == 0 and self.meetings_total == 0

    @property
    def settings_unchecked(self) -> bool:
        """The council still has the settings it was created with (its record's first
        version: no change saved since, none taken from a settings file) and has held no
        meeting yet, which it would have done with settings it lives with."""
        return self.council.version == 1 and self.meetings_held == 0


def invitation_state(
    state: MeetingState,
    meeting_day: date,
    notice_period_days: int,
    sent_on: date | None,
    today: date,
    bundesland: str,
) -> tuple[str, bool]:
    """What the Übersicht says about the invitation of a meeting ahead, and whether it is
    late: "eingeladen am 01.03.2026" (or, sent after the last day the notice period
    allowed, "eingeladen am 09.03.2026 – Ladungsfrist nicht gewahrt") or "Einladung bis
    05.03.2026 versenden" (the last working day in ``bundesland``)."""
    if state is MeetingState.INVITED:
        if sent_on is None:
            return "eingeladen", False
        if sent_on > invitation_deadline(meeting_day, notice_period_days):
            return f"eingeladen am {sent_on:%d.%m.%Y} – Ladungsfrist nicht gewahrt", True
        return f"eingeladen am {sent_on:%d.%m.%Y}", False
    late = invitation_deadline(meeting_day, notice_period_days) < today
    return invitation_task(meeting_day, notice_period_days, today, bundesland), late


def meeting_day(starts_at: datetime, ends_at: datetime | None) -> str:
    """ "12.03.2026", for a meeting over midnight "11./12.12.2026"."""
    return meeting_days(starts_at.date(), ends_at.date() if ends_at is not None else None)


def meeting_when(starts_at: datetime, ends_at: datetime | None = None) -> str:
    """ "12.03.2026 um 16:00 Uhr", over midnight "11./12.12.2026 um 16:00 Uhr"."""
    return f"{meeting_day(starts_at, ends_at)} um {starts_at:%H:%M} Uhr"
