"""The annual activity report (Tätigkeitsbericht): what the council did in one calendar year,
for the city, the funding body and the public.

One public version: members are named only with their consent to publish the name (the
public roster's rule, :func:`~expertenrat.domain.roster.roster_entries`), the others are
counted; non-public agenda items are counted without titles. The composition figures are
those of :func:`~expertenrat.domain.composition.check_composition` on the key date: the
last day of the year (in the running year: the report's date), as a council's
Tätigkeitsbericht prints its "Zusammensetzung am 31.12."; a member whose term ends on that
day still belongs to it and has left in the year too, so the report says how many of the
counted members that is (:attr:`CouncilPart.leaving`). A project discussed in a meeting is
one consultation there, however many of its agenda items (an item and its sub-items, 3
and 3.1) are about it. The recommendations are those adopted in the year (drafts are not
adopted), with the Übersicht's per-field figures
(:class:`~expertenrat.domain.overview.FieldFigures`) and the recommendations report's
lines, "answered in time" rule and status chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.composition import Composition, check_composition
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import MeetingState, MemberRole, RecommendationKind
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.members import Member, replaced
from expertenrat.domain.overview import FieldFigures
from expertenrat.domain.projects import consultation_groups
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations_report import (
    NO_FIELD,
    ReportLine,
    ResponseSummary,
    StatusChart,
    answered_in_time,
    field_names,
    report_lines,
    status_chart,
)
from expertenrat.domain.roster import RosterEntry, roster_entries
from expertenrat.domain.wording import counted

TITLE = "Tätigkeitsbericht"
FIRST_YEAR, LAST_YEAR = 1900, 2100
_ROLE_RANK = {role.label: rank for rank, role in enumerate(MemberRole)}
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
class NamedMembers:
    """Members as a public document names them: ``named`` with consent, ``unnamed`` counted."""

    named: tuple[RosterEntry, ...]
    unnamed: int

    @property
    def count(self) -> int:
        return len(self.named) + self.unnamed

    @property
    def others(self) -> str:
        """ "sowie 2 weitere Mitglieder" (empty when everyone is named)."""
        if not self.unnamed:
            return ""
        word = "weiteres Mitglied" if self.unnamed == 1 else "weitere Mitglieder"
        lead = "sowie " if self.named else ""
        return f"{lead}{self.unnamed} {word}"


@dataclass(frozen=True, slots=True)
class CouncilPart:
    """Section 1: who served in the year, who joined and left, the composition."""

    members: NamedMembers  # everyone whose term touched the year
    joined: NamedMembers
    left: NamedMembers  # terms that ended in the year by the report's date
    key_date: date  # of the composition figures
    composition: Composition
    leaving: int = 0  # of those left, whose term ends on the key date: in the composition too


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """A meeting of the year as the report lists it (the quorum only once held)."""

    label: str  # "5. Sitzung", "Sitzung: Klausur"
    day: date
    place: str
    state: MeetingState
    present: int = 0
    entitled: int = 0
    quorate: bool = False
    recorded: bool = False  # some attendance was recorded

    @property
    def held(self) -> bool:
        return self.state is MeetingState.HELD


@dataclass(frozen=True, slots=True)
class MeetingsPart:
    """Section 2: held and cancelled meetings in order of their day; those still ahead."""

    meetings: tuple[MeetingLine, ...]
    ahead: int  # planned or invited, not held yet

    @property
    def held(self) -> tuple[MeetingLine, ...]:
        return tuple(m for m in self.meetings if m.held)

    @property
    def cancelled(self) -> int:
        return sum(1 for m in self.meetings if m.state is MeetingState.CANCELLED)

    @property
    def quorate(self) -> int:
        return sum(1 for m in self.held if m.quorate)

    @property
    def attendance_percent(self) -> int | None:
        """Present of entitled over the held meetings with attendance; ``None`` without."""
        recorded = [m for m in self.held if m.recorded and m.entitled]
        entitled = sum(m.entitled for m in recorded)
        if not entitled:
            return None
        return round(100 * sum(m.present for m in recorded) / entitled)


@dataclass(frozen=True, slots=True)
class ProjectItem:
    """An agenda item about a project in a meeting held in the year, as read."""

    meeting_id: int
    project_id: int
    field: str  # the project's action field; NO_FIELD without one
    day: date
    meeting: str  # "5. Sitzung"
    number: str
    title: str
    project: str
    public: bool  # effective: an item under a non-public one is not public


@dataclass(frozen=True, slots=True)
class Consultation:
    """A project consulted in a meeting held in the year: one, however many of the meeting's
    agenda items are about it. ``items`` are the public ones, "(number, title)" in agenda
    order; none if all were non-public (then the consultation is only counted)."""

    field: str
    day: date
    meeting: str
    project: str
    items: tuple[tuple[str, str], ...]

    @property
    def public(self) -> bool:
        return bool(self.items)

    @property
    def numbers(self) -> str:
        """ "3, 3.1"."""
        return ", ".join(number for number, _ in self.items)


def consultations(items: Sequence[ProjectItem]) -> tuple[Consultation, ...]:
    """One consultation per project and meeting (:func:`consultation_groups`); the
    non-public items of a consultation with a public one are left out unnamed."""
    return tuple(
        Consultation(
            field=mine[0].field,
            day=mine[0].day,
            meeting=mine[0].meeting,
            project=mine[0].project,
            items=tuple((i.number, i.title) for i in mine if i.public),
        )
        for mine in consultation_groups(items)
    )


@dataclass(frozen=True, slots=True)
class FieldConsultations:
    """Section 3, one action field: its public consultations and how many were not public
    (a consultation is public if one of its agenda items is)."""

    name: str
    public: tuple[Consultation, ...]
    non_public: int

    @property
    def count(self) -> int:
        return len(self.public) + self.non_public

    @property
    def projects(self) -> int:
        """Projects consulted publicly (the non-public ones stay unnamed)."""
        return len({c.project for c in self.public})


@dataclass(frozen=True, slots=True)
class InTime:
    """Of ``counted`` recommendations whose deadline passed or that were answered,
    ``in_time`` were first answered by their due date (the recommendations report's rule)."""

    counted: int = 0
    in_time: int = 0


@dataclass(frozen=True, slots=True)
class FieldRecommendations:
    """Section 4, one action field: the recommendations adopted, by kind, and its figures."""

    name: str
    lines: tuple[ReportLine, ...]
    figures: FieldFigures | None  # None: the Übersicht's figures do not know the field
    in_time: InTime

    @property
    def kinds(self) -> str:
        """ "2 Empfehlungen, 1 Impuls"."""
        counts = {kind: 0 for kind in RecommendationKind}
        for line in self.lines:
            counts[line.row.kind] += 1
        return ", ".join(_kind_count(kind, n) for kind, n in counts.items() if n)


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
        return sum(len(f.lines) for f in self.recommendations)

    @property
    def consultation_count(self) -> int:
        return sum(f.count for f in self.consultations)


def council_part(
    members: Sequence[Member],
    fields: Sequence[ActionField],
    council: CouncilSettings,
    year: int,
    on: date,
) -> CouncilPart:
    """Who served in ``year``, who joined and left (by ``on``), the composition figures.

    A person's memberships that continue one another count as one stretch (see
    :func:`_stretches`): a new term straight after the last is neither leaving nor joining.
    A stretch ending in the year by the key date, its last day included, has left; a
    person back after a break is counted once, with the latest stretch. The composition is
    that of the key date, so a term ending on the key date is in it and has left
    (``leaving`` counts those).
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    key_date = min(last, on)
    served = [
        m
        for m in _stretches(members, key_date)
        if m.term_start <= key_date and (m.term_end or last) >= first
    ]
    joined = [m for m in served if m.term_start >= first]
    left = [m for m in served if m.term_end is not None and m.term_end <= key_date]
    people = {_person(m): m for m in served}  # stretches come in order of their start
    return CouncilPart(
        members=_named(list(people.values()), fields),
        joined=_named(joined, fields),
        left=_named(left, fields),
        key_date=key_date,
        composition=check_composition(list(members), list(fields), council, key_date),
        leaving=sum(1 for m in left if m.term_end == key_date),
    )


def _stretches(members: Sequence[Member], key_date: date) -> list[Member]:
    """Each person's unbroken time in the council, one membership per stretch.

    A membership continues the ones before it when it begins by the day after the latest
    of them ends (or while one of them runs on). A stretch carries the data (role, field,
    consent) of its latest membership begun by ``key_date`` and the stretch's first day
    and last day (``None`` while open-ended).
    """
    by_person: dict[object, list[Member]] = {}
    for member in members:
        by_person.setdefault(_person(member), []).append(member)
    found = []
    for terms in by_person.values():
        chain: list[Member] = []
        for member in sorted(terms, key=lambda m: m.term_start):
            if chain and not _continues(chain, member):
                found.append(_stretch(chain, key_date))
                chain = []
            chain.append(member)
        found.append(_stretch(chain, key_date))
    return found


def _person(member: Member) -> object:
    return member.person_id if member.person_id is not None else ("new", id(member))


def _continues(chain: list[Member], member: Member) -> bool:
    end = _last_day(chain)
    return end is None or (member.term_start - end).days <= 1


def _stretch(chain: list[Member], key_date: date) -> Member:
    begun = [m for m in chain if m.term_start <= key_date]
    shown = begun[-1] if begun else chain[0]
    return replaced(shown, term_start=chain[0].term_start, term_end=_last_day(chain))


def _last_day(chain: list[Member]) -> date | None:
    """The last day of the chain's terms; ``None`` while one of them is open-ended."""
    ends = [m.term_end for m in chain if m.term_end is not None]
    return max(ends) if len(ends) == len(chain) else None


def _named(members: list[Member], fields: Sequence[ActionField]) -> NamedMembers:
    entries, withheld = roster_entries(members, list(fields), public=True)
    ordered = sorted(entries, key=lambda e: (_ROLE_RANK.get(e.role, len(_ROLE_RANK)), e.sort_key))
    return NamedMembers(tuple(ordered), withheld)


def field_consultations(
    found: Sequence[Consultation], field_order: Sequence[str]
) -> tuple[FieldConsultations, ...]:
    """The consultations per action field (the council's order, then those without one)."""
    parts = []
    for name in field_names((c.field for c in found), field_order):
        mine = [c for c in found if c.field == name]
        public = tuple(c for c in mine if c.public)
        parts.append(FieldConsultations(name, public, len(mine) - len(public)))
    return tuple(parts)


def field_recommendations(
    rows: Sequence[RecommendationRow],
    answers: Mapping[int, ResponseSummary],
    figures: Sequence[FieldFigures],
    field_order: Sequence[str],
    on: date,
) -> tuple[FieldRecommendations, ...]:
    """The recommendations adopted in the year per action field, by kind and code."""
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
        parts.append(FieldRecommendations(name, tuple(mine), by_name.get(name), in_time))
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
) -> AnnualReport:
    """The report of ``year`` as of ``on``; ``items`` are the agenda items about projects
    in the meetings held in the year, ``adopted`` the recommendations adopted in the year,
    ``figures`` the Übersicht's figures of the year per action field."""
    parts = field_recommendations(adopted, answers, figures, field_order, on)
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


def _kind_count(kind: RecommendationKind, count: int) -> str:
    plural = {
        RecommendationKind.RECOMMENDATION: "Empfehlungen",
        RecommendationKind.IMPULSE: "Impulse",
        RecommendationKind.STATEMENT: "Stellungnahmen",
    }[kind]
    return counted(count, kind.label, plural)
