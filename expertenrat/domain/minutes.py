"""The minutes (Protokoll) of a held meeting as the minutes service hands them out.

Frozen read models: the header (opening and closing time, chair, minute-taker, agenda
approved and its changes, quorum established), and per agenda item its texts, votes and
the recommendations adopted in it. The header is stored on the meeting, the item texts on
the agenda item; each has its row's ``version`` for the optimistic lock of the next save.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from expertenrat.domain.agenda import minutes_mark
from expertenrat.domain.agenda_outcomes import EffectiveOutcome
from expertenrat.domain.enums import (
    AgendaItemOutcome,
    MinutesState,
    MinutesStyle,
    RecommendationKind,
    RecommendationStatus,
)
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import (
    MINUTES_HEADER,
    MINUTES_ITEM,
    RECOMMENDATION,
    clean_text,
    cleaned_texts,
    text_problems,
)
from expertenrat.domain.text_characters import shows_nothing
from expertenrat.domain.votes import RecusedMember, Vote


@dataclass(frozen=True, slots=True)
class MinutesHeader:
    """What the minutes record about the meeting as a whole (``version``: the meeting's)."""

    opened_at: time | None = None
    closed_at: time | None = None
    chair_membership_id: int | None = None
    minute_taker: str = ""
    agenda_approved: bool = False
    agenda_changes: str = ""
    quorum_noted: bool = False
    version: int = 0


def recorded_times(
    start: datetime, end: datetime | None, opened_at: time | None, closed_at: time | None
) -> tuple[datetime, datetime | None]:
    """A meeting's planned ``start`` and ``end`` as its minutes record them ("Beginn
    16:05 Uhr, Ende 18:20 Uhr"): the opening time on the planned day, the closing time on
    its own (:func:`closing_moment`), in ``start``'s zone, each where recorded; a planned
    end before the recorded start is left out. For approved minutes only: a draft may still
    change."""
    planned_start = start
    if opened_at is not None:
        start = datetime.combine(start.date(), opened_at, start.tzinfo)
    if closed_at is not None:
        end = closing_moment(start, end if end is not None else planned_start, closed_at)
    elif end is not None and end < start:
        end = None
    return start, end


def over_days(start: datetime, end: datetime | None) -> bool:
    """The meeting is planned to end on a later day than it begins: a Klausur Friday 16:00
    to Saturday 13:00, a meeting 19:00 to 00:30."""
    return end is not None and end.date() > start.date()


def closing_moment(start: datetime, planned_end: datetime, closed_at: time) -> datetime:
    """The moment the minutes' closing time ``closed_at`` names, in ``start``'s zone: on the
    day of ``start`` (the opening, else the planned start); for a meeting planned over days
    (:func:`over_days`) the latest after ``start`` up to the ``planned_end``, else (it ran
    longer) the first after that end: 00:25 of a meeting 19:00–00:30 falls on the next day,
    23:50 on the first; 12:50 of a Klausur Friday 16:00 to Saturday 13:00 on the Saturday,
    22:00 on the Friday (found by a tester)."""
    first = start.date()
    if not over_days(start, planned_end):
        return datetime.combine(first, closed_at, start.tzinfo)
    end = planned_end.replace(tzinfo=start.tzinfo)
    moments = [
        datetime.combine(first + timedelta(days=n), closed_at, start.tzinfo)
        for n in range((end.date() - first).days + 2)
    ]
    within = [m for m in moments if start < m <= end]
    return max(within) if within else min(m for m in moments if m > end)


@dataclass(frozen=True, slots=True)
class ItemTexts:
    """The texts of one item's minutes, as the editor saves them."""

    discussion: str = ""
    motion_text: str = ""
    resolution_text: str = ""
    result: str = ""

    @property
    def empty(self) -> bool:
        return all(map(shows_nothing, (self.discussion, self.motion_text,
                                       self.resolution_text, self.result)))  # fmt: skip


@dataclass(frozen=True, slots=True)
class RecommendationDraft:
    """A recommendation (or impulse) adopted in an agenda item, as typed. Without a project
    the item's is taken, unless ``project_chosen`` says ``project_id`` is as the user chose
    it ("– kein Projekt –" too)."""

    title: str
    text: str = ""
    kind: RecommendationKind = RecommendationKind.RECOMMENDATION
    action_field_id: int | None = None
    project_id: int | None = None
    project_chosen: bool = False


@dataclass(frozen=True, slots=True)
class AdoptedRecommendation:
    """A recommendation adopted in an item, with its register code ("E-2026-07") and its
    status in the register: once sent it belongs to the register, no longer to the
    minutes (it cannot be taken out of them)."""

    id: int
    code: str
    kind: RecommendationKind
    title: str
    text: str
    action_field_id: int | None
    project_id: int | None
    adopted_on: date
    version: int = 0
    status: RecommendationStatus = RecommendationStatus.ADOPTED


@dataclass(frozen=True, slots=True)
class ItemMinutes:
    """One agenda item's minutes. ``lacks_content``: nothing written, no vote, no
    recommendation (an item with sub-items needs no text of its own)."""

    item_id: int
    number: str
    title: str
    public: bool
    discussion: str
    motion_text: str
    resolution_text: str
    result: str
    votes: tuple[Vote, ...]
    recommendations: tuple[AdoptedRecommendation, ...]
    version: int
    lacks_content: bool
    parent_id: int | None = None
    presenter: str = ""
    project_id: int | None = None
    project_title: str = ""
    recused: tuple[RecusedMember, ...] = ()
    warnings: tuple[str, ...] = ()  # e.g. a resolution recorded without quorum
    # Counts of stored votes that no longer fit who could vote (attendance corrected after
    # the vote): "Es sind 7 Stimmen erfasst, aber bei TOP 8 waren nur 6 …".
    vote_count_problems: tuple[str, ...] = ()
    urgent: bool = False  # a Dringlichkeitsantrag, taken up at the meeting
    outcome: AgendaItemOutcome = AgendaItemOutcome.DISCUSSED  # or postponed, withdrawn
    # The outcome it counts with (``domain.agenda_outcomes``): its own, or that of the item
    # above it it follows (TOP 6.1 of TOP 6 postponed); None: its own alone.
    effective: EffectiveOutcome | None = None
    # A resolution recorded without quorum, as the minutes note it: "Bei der Abstimmung war
    # das Gremium nicht beschlussfähig (…)" (:func:`~expertenrat.domain.votes.
    # resolution_without_quorum`); "" where there is none.
    without_quorum: str = ""
    # Recommendations adopted in writing this item reports, as the minutes print them under
    # it (:func:`~expertenrat.domain.written_procedures.decision_line`).
    written_decisions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"TOP {self.number} {self.title}".strip()

    @property
    def mark(self) -> str:
        """ "(Dringlichkeitsantrag)", "– vertagt" beside the title, as the minutes print it."""
        return minutes_mark(self.urgent, self.effective_outcome.outcome)

    @property
    def effective_outcome(self) -> EffectiveOutcome:
        return self.effective or EffectiveOutcome(self.outcome)

    @property
    def texts(self) -> ItemTexts:
        return ItemTexts(self.discussion, self.motion_text, self.resolution_text, self.result)


@dataclass(frozen=True, slots=True)
class Minutes:
    """The minutes of a held meeting. ``frozen``: approved, no change is possible any more."""

    meeting_id: int
    council_id: int
    meeting_label: str  # "5. Sitzung"
    meeting_day: date
    style: MinutesStyle
    state: MinutesState
    frozen: bool
    header: MinutesHeader
    items: tuple[ItemMinutes, ...]

    def item(self, item_id: int) -> ItemMinutes:
        return next(i for i in self.items if i.item_id == item_id)


@dataclass(frozen=True, slots=True)
class DraftFinish:
    """ "Entwurf abschließen": the day the draft was finished (``None``: never), and whether
    its content changed since (then it is a draft in the works again)."""

    finished_on: date | None = None
    changed: bool = False

    @property
    def finished(self) -> bool:
        return self.finished_on is not None and not self.changed

    def text(self) -> str:
        """ "abgeschlossen am 02.12.2026", "nach dem Abschluss am 02.12.2026 geändert", or
        "" (never finished)."""
        if self.finished_on is None:
            return ""
        day = f"{self.finished_on:%d.%m.%Y}"
        return (
            f"nach dem Abschluss am {day} geändert" if self.changed else f"abgeschlossen am {day}"
        )


NOT_FINISHED = DraftFinish()


def clean_item_texts(texts: ItemTexts) -> ItemTexts:
    return replace(texts, **cleaned_texts(texts, MINUTES_ITEM))


def item_text_problems(texts: ItemTexts) -> list[FieldProblem]:
    return [
        p
        for name, spec in MINUTES_ITEM.items()
        for p in text_problems(name, getattr(texts, name), spec)
    ]


def clean_header(header: MinutesHeader) -> MinutesHeader:
    return replace(header, **cleaned_texts(header, MINUTES_HEADER))


def header_problems(header: MinutesHeader, *, days: bool = False) -> list[FieldProblem]:
    """Problems of the header's texts, and a closing time before the opening time unless
    the meeting is planned over ``days`` (:func:`over_days`: then it ends on a later
    day, :func:`closing_moment`)."""
    problems = [
        p
        for name, spec in MINUTES_HEADER.items()
        for p in text_problems(name, getattr(header, name), spec)
    ]
    if not days and header.opened_at and header.closed_at and header.closed_at < header.opened_at:
        problems.append(
            FieldProblem(
                "closed_at",
                f"Das Ende ({header.closed_at:%H:%M}) liegt vor dem Beginn "
                f"({header.opened_at:%H:%M}).",
            )
        )
    return problems


def clean_recommendation(draft: RecommendationDraft) -> RecommendationDraft:
    return replace(
        draft, **{k: clean_text(getattr(draft, k), s) for k, s in RECOMMENDATION.items()}
    )
