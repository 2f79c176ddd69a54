"""The annual activity report (Tätigkeitsbericht): what the council did in one calendar year,
for the city, the funding body and the public.

One public version, in four sections: the council (:mod:`annual_report_council`: members
named only with their consent, the composition on the key date), the meetings of the year,
the projects consulted (:mod:`annual_report_consultations`: non-public agenda items counted
without titles), and the recommendations adopted in the year (drafts are not adopted; those
adopted in a non-public agenda item counted without titles, as the public minutes and the
open data leave them out), with the Übersicht's per-field figures
(:class:`~expertenrat.domain.overview.FieldFigures`) and the recommendations report's lines,
"answered in time" rule and status chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.annual_report_consultations import (
    FieldConsultations,
    ProjectItem,
    consultations,
    field_consultations,
)
from expertenrat.domain.annual_report_council import CouncilPart
from expertenrat.domain.enums import MeetingState, RecommendationKind
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.meeting_quorum import Quorate
from expertenrat.domain.overview import FieldFigures
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations_charts import (
    NO_FIELD,
    StatusChart,
    answered_in_time,
    status_chart,
)
from expertenrat.domain.recommendations_report import (
    ReportLine,
    ResponseSummary,
    field_names,
    report_lines,
)
from expertenrat.domain.wording import kinds_counted

TITLE = "Tätigkeitsbericht"
FIRST_YEAR, LAST_YEAR = 1900, 2100
_KIND_RANK = {kind: rank for rank, kind in enumerate(RecommendationKind)}


def check_year(year: int, today: date) -> None:
    """Raise :class:`DataEntryError` for a year the report cannot be about."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DataEntryError(f"Das Jahr muss zwischen {FIRST_YEAR} und {LAST_YEAR} liegen.")
    if year > today.year:
        raise DataEntryError(
            f"Das Jahr {year} hat noch nicht begonnen; ein Tätigkeitsbericht ist bis "
            f"{today.year} möglich."
        )


def default_year(today: date) -> int:
    """The year a secretariat most likely reports on: the last one in January to March."""
    return today.year - 1 if today.month <= 3 else today.year


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """A meeting of the year as the report lists it (the quorum only once held): who was
    present over the whole meeting, and whether it had a quorum as its minutes state it
    (:attr:`~expertenrat.domain.meeting_quorum.MeetingQuorum.quorate`: at some items only where a
    member came late or left early)."""

    label: str  # "5. Sitzung", "Klausur"
    day: date
    place: str
    state: MeetingState
    present: int = 0
    entitled: int = 0
    quorate: Quorate = Quorate.NO
    recorded: bool = False  # some attendance was recorded

    @property
    def held(self) -> bool:
        return self.state is MeetingState.HELD


@dataclass(frozen=True, slots=True)
class MeetingsPart:
    """Section 2: held and cancelled meetings in order of their day; those still ahead, and
    those whose day has passed but which are still planned or invited (neither recorded as
    held nor as cancelled: a report written after the year does not call them planned)."""

    meetings: tuple[MeetingLine, ...]
    ahead: int  # planned or invited, from the report's day on
    unrecorded: int = 0  # planned or invited, before the report's day

    @property
    def held(self) -> tuple[MeetingLine, ...]:
        return tuple(m for m in self.meetings if m.held)

    @property
    def cancelled(self) -> int:
        return sum(1 for m in self.meetings if m.state is MeetingState.CANCELLED)

    @property
    def quorate(self) -> int:
        """The held meetings quorate at every item."""
        return sum(1 for m in self.held if m.quorate is Quorate.YES)

    @property
    def partly_quorate(self) -> int:
        """The held meetings quorate at some items only."""
        return sum(1 for m in self.held if m.quorate is Quorate.PARTLY)

    @property
    def attendance_percent(self) -> int | None:
        """Present of entitled over the held meetings with attendance; ``None`` without."""
        recorded = [m for m in self.held if m.recorded and m.entitled]
        entitled = sum(m.entitled for m in recorded)
        if not entitled:
            return None
        return round(100 * sum(m.present for m in recorded) / entitled)


@dataclass(frozen=True, slots=True)
class InTime:
    """Of ``counted`` recommendations whose deadline passed or that were answered,
    ``in_time`` were first answered by their due date (the recommendations report's rule)."""

    counted: int = 0
    in_time: int = 0


@dataclass(frozen=True, slots=True)
class FieldRecommendations:
    """Section 4, one action field: the recommendations adopted, by kind, and its figures;
    ``lines`` those the report names, ``non_public`` those adopted in a non-public agenda
    item, which it only counts."""

    name: str
    lines: tuple[ReportLine, ...]
    figures: FieldFigures | None  # None: the Übersicht's figures do not know the field
    in_time: InTime
    non_public: tuple[ReportLine, ...] = ()

    @property
    def count(self) -> int:
        return len(self.lines) + len(self.non_public)

    @property
    def kinds(self) -> str:
        """ "2 Empfehlungen, 1 Impuls", of all adopted in the field."""
        return kinds_counted(line.row.kind for line in (*self.lines, *self.non_public))

    @property
    def non_public_kinds(self) -> str:
        """ "1 Empfehlung und 1 Impuls", of those adopted in a non-public item (a sentence
        names them: an enumeration, where the heading's figures in brackets are a list)."""
        return kinds_counted((line.row.kind for line in self.non_public), enumerated=True)


@dataclass(frozen=True, slots=True)
class AnnualReport:
    letterhead: Letterhead
    year: int
    on: date  # "Stand"
    council: CouncilPart
    meetings: MeetingsPart
    consultations: tuple[FieldConsultations, ...]
    recommendations: tuple[FieldRecommendations, ...]
    status_chart: StatusChart

    @property
    def period(self) -> str:
        """ "01.01.2026 bis 31.12.2026" (in the running year: up to the report's date)."""
        end = min(date(self.year, 12, 31), self.on)
        return f"01.01.{self.year} bis {end:%d.%m.%Y}"

    @property
    def recommendation_count(self) -> int:
        return sum(f.count for f in self.recommendations)

    @property
    def consultation_count(self) -> int:
        return sum(f.count for f in self.consultations)


def field_recommendations(
    rows: Sequence[RecommendationRow],
    answers: Mapping[int, ResponseSummary],
    figures: Sequence[FieldFigures],
    field_order: Sequence[str],
    on: date,
    non_public_items: Set[int] = frozenset(),
) -> tuple[FieldRecommendations, ...]:
    """The recommendations adopted in the year per action field, by kind and code; those
    adopted in one of ``non_public_items`` (agenda item ids) apart, to be counted only."""
    lines = report_lines(rows, answers, on)
    by_name = {f.field.name if f.field else NO_FIELD: f for f in figures}
    parts = []
    used = (line.row.action_field or NO_FIELD for line in lines)
    for name in field_names(used, field_order):
        mine = sorted(
            (line for line in lines if (line.row.action_field or NO_FIELD) == name),
            key=lambda line: (_KIND_RANK[line.row.kind], line.row.code),
        )
        years = answered_in_time([line.row for line in mine], answers, on)
        in_time = InTime(sum(y.counted for y in years), sum(y.in_time for y in years))
        hidden = tuple(line for line in mine if line.row.origin.item_id in non_public_items)
        shown = tuple(line for line in mine if line.row.origin.item_id not in non_public_items)
        parts.append(FieldRecommendations(name, shown, by_name.get(name), in_time, hidden))
    return tuple(parts)


def annual_report(
    letterhead: Letterhead,
    year: int,
    on: date,
    council: CouncilPart,
    meetings: MeetingsPart,
    items: Sequence[ProjectItem],
    adopted: Sequence[RecommendationRow],
    answers: Mapping[int, ResponseSummary],
    figures: Sequence[FieldFigures],
    field_order: Sequence[str],
    non_public_items: Set[int] = frozenset(),
) -> AnnualReport:
    """The report of ``year`` as of ``on``; ``items`` are the agenda items about projects
    in the meetings held in the year, ``adopted`` the recommendations adopted in the year,
    ``figures`` the Übersicht's figures of the year per action field, ``non_public_items``
    the ids of the non-public agenda items the recommendations were adopted in."""
    parts = field_recommendations(adopted, answers, figures, field_order, on, non_public_items)
    return AnnualReport(
        letterhead=letterhead,
        year=year,
        on=on,
        council=council,
        meetings=meetings,
        consultations=field_consultations(consultations(items), field_order),
        recommendations=parts,
        status_chart=status_chart(adopted, [p.name for p in parts]),
    )
