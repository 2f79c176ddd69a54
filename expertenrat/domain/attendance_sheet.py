"""The attendance sheet of a meeting: the read model the attendance service hands out.

One :class:`AttendanceEntry` per member active on the meeting's date (and per member
recorded earlier, should the term have changed since); ``status`` is ``None`` while
nothing is recorded for the member, and such a member counts as not present. Guests are
listed apart: they never count for the quorum.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, time
from types import MappingProxyType

from expertenrat.domain.enums import AttendanceStatus, MemberRole
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import TextField, clean_text, text_problems
from expertenrat.domain.meeting_quorum import MeetingQuorum, QuorumSpan
from expertenrat.domain.minutes_attendees import GuestLine
from expertenrat.domain.quorum import Attendance, QuorumResult, present_per_item
from expertenrat.domain.quorum_forecast import QuorumForecast

GUEST: Mapping[str, TextField] = MappingProxyType(
    {
        "name": TextField("Der Name des Gastes", 200),
        "organisation": TextField("Die Institution des Gastes", 300),
        "role": TextField("Die Rolle des Gastes", 300),
    }
)
"""The text fields of a guest (stored as ``name``, ``affiliation`` and ``note``)."""

CANCELLED_HINT = "Die Sitzung ist abgesagt. Anwesenheit und Befangenheit sind nur lesbar."
# Before the meeting's day only apologies can be known; who came, only on the day.
AHEAD_ALLOWED = frozenset({AttendanceStatus.EXCUSED})


def ahead_hint(meeting_day: date) -> str:
    """What the sheet of a meeting still ahead says about what can be recorded."""
    return (
        f"Die Sitzung findet erst am {meeting_day:%d.%m.%Y} statt: vorab lassen sich nur "
        "Entschuldigungen erfassen („entschuldigt“), „anwesend“ und „abwesend“ erst am "
        "Tag der Sitzung."
    )


def ahead_problems(
    status: AttendanceStatus | None, meeting_day: date, today: date
) -> list[FieldProblem]:
    """A status other than "entschuldigt" for a meeting whose day has not come yet: that
    someone was present or absent cannot be known before (an apology can)."""
    if status is None or status in AHEAD_ALLOWED or meeting_day <= today:
        return []
    return [
        FieldProblem(
            "status",
            f"„{status.label}“ lässt sich erst am Tag der Sitzung ({meeting_day:%d.%m.%Y}) "
            "erfassen. Vorab lässt sich nur eine Entschuldigung erfassen („entschuldigt“).",
        )
    ]


@dataclass(frozen=True, slots=True)
class AgendaRef:
    """An agenda item as attendance and conflicts name it: "TOP 2.1 Bericht"."""

    id: int
    number: str
    title: str

    @property
    def label(self) -> str:
        return f"TOP {self.number} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class AttendanceEntry:
    """A member's attendance in one meeting; ``id``/``version`` are those of the stored row
    (``None``/0 while nothing is recorded). Arrival and departure name agenda items, and
    so does a time away: left during ``away_item_id``, back from ``back_item_id``."""

    membership_id: int
    name: str
    sort_name: str
    role: MemberRole = MemberRole.MEMBER
    affiliation: str = ""
    status: AttendanceStatus | None = None
    voting_right: bool = True
    arrived_item_id: int | None = None
    arrived_at: time | None = None
    left_item_id: int | None = None
    left_at: time | None = None
    id: int | None = None
    version: int = 0
    digital: bool = False  # present by video or phone: "digital zugeschaltet"
    given_name: str = ""  # the person's, as the name is matched (a guest of that name)
    family_name: str = ""
    away_item_id: int | None = None
    away_at: time | None = None
    back_item_id: int | None = None
    back_at: time | None = None

    def as_attendance(self) -> Attendance:
        """The entry as the quorum rules see it; unrecorded members count as absent."""
        return Attendance(
            member=self.membership_id,
            status=self.status or AttendanceStatus.ABSENT,
            voting=self.voting_right,
            arrives_at=self.arrived_item_id,
            leaves_after=self.left_item_id,
            away_from=self.away_item_id,
            back_at=self.back_item_id,
        )


@dataclass(frozen=True, slots=True)
class GuestEntry:
    id: int | None
    name: str
    organisation: str = ""
    role: str = ""
    version: int = 0
    non_public_only: bool = False  # attended only the non-public part: no public output names them
    digital: bool = False  # took part by video or phone: "digital zugeschaltet"

    def minutes_line(self) -> GuestLine:
        """The guest as the minutes list them."""
        return GuestLine(
            self.name, self.organisation, self.role, self.non_public_only, self.digital
        )


@dataclass(frozen=True, slots=True)
class ItemQuorum:
    item: AgendaRef
    quorum: QuorumResult


@dataclass(frozen=True, slots=True)
class AttendanceSheet:
    meeting_id: int
    cancelled: bool
    entries: tuple[AttendanceEntry, ...]
    guests: tuple[GuestEntry, ...]
    items: tuple[AgendaRef, ...]
    quorum: QuorumResult
    item_quorums: tuple[ItemQuorum, ...]
    problem: str = ""  # why ``item_quorums`` is empty although there is an agenda
    frozen: bool = False  # the minutes are approved: nothing may change
    quorum_spans: tuple[QuorumSpan, ...] = ()  # the items with and without a quorum
    ahead_of: date | None = None  # the meeting's day while it is still ahead: apologies only
    # The voting members present at the opening (None where the agenda does not fit the
    # recorded arrivals: see ``problem``).
    quorum_opening: int | None = None
    # A planned or invited meeting's apologies against the quorum rule (None otherwise).
    forecast: QuorumForecast | None = None
    # Which day a time before the start's is read as, for a meeting over midnight.
    next_day_hint: str = ""

    @property
    def meeting_quorum(self) -> MeetingQuorum:
        """The quorum of the meeting as the minutes state it (which items had one)."""
        return MeetingQuorum(self.quorum, self.quorum_spans, self.quorum_opening)

    @property
    def read_only(self) -> bool:
        return self.cancelled or self.frozen

    @property
    def recorded(self) -> int:
        return sum(e.status is not None for e in self.entries)

    @property
    def unrecorded(self) -> bool:
        """The attendance is not taken yet: lines are open and nobody is recorded present
        (before the meeting's day only apologies can be recorded). There is no quorum to
        state, only that."""
        return self.recorded < len(self.entries) and not self.attending

    @property
    def quorum_statement(self) -> str:
        """The meeting's quorum as :attr:`meeting_quorum` states it, or, while the attendance
        is not taken, "Anwesenheit noch nicht erfasst (9 Mitglieder)", with the apologies
        recorded ahead "(9 Mitglieder; 1 entschuldigt)" (not "0 von 9 … nicht
        beschlussfähig", nor "während der ganzen Sitzung", before the meeting)."""
        if self.unrecorded:
            count = len(self.entries)
            noun = "Mitglied" if count == 1 else "Mitglieder"
            away = [
                f"{number} {status.label}"
                for status in (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)
                if (number := sum(e.status is status for e in self.entries))
            ]
            recorded = f"; {', '.join(away)}" if away else ""
            return f"Anwesenheit noch nicht erfasst ({count} {noun}{recorded})"
        return self.meeting_quorum.statement

    @property
    def quorum_warning(self) -> str:
        """While the attendance of a planned or invited meeting is not taken: the warning
        that the apologies recorded leave it unable to reach a quorum, else ""."""
        if self.forecast is None or not self.unrecorded:
            return ""
        return self.forecast.warning

    def item_statement(self, item_quorum: ItemQuorum) -> str:
        """An item's quorum, or, while the attendance is not taken (:attr:`unrecorded`),
        "Anwesenheit noch nicht erfasst"."""
        if self.unrecorded:
            return "Anwesenheit noch nicht erfasst"
        return item_quorum.quorum.statement

    @property
    def attending(self) -> frozenset[int]:
        """The members recorded present (for some items at least): only they can have been
        recused; one excused or absent is not named as befangen, nor asked about."""
        return frozenset(
            e.membership_id for e in self.entries if e.status is AttendanceStatus.PRESENT
        )

    def present_at(self, item_id: int) -> frozenset[int]:
        """The members recorded present at the item, late arrivals and early departures
        taken into account: only they can have been recused there (one who left after TOP 5
        is not named as befangen at TOP 7). Where the agenda does not fit the recorded
        arrivals (see ``problem``), or for an item not on it, every member present."""
        order = [i.id for i in self.items]
        if item_id not in order:
            return self.attending
        try:
            return present_per_item(order, [e.as_attendance() for e in self.entries])[item_id]
        except ValidationError:
            return self.attending

    def voting_at(self, item_id: int) -> int | None:
        """How many could vote at the item: present there with a voting right, the recused
        left out (its quorum's ``present_voting``); ``None`` for an item without a quorum
        (not on the agenda, or the agenda does not fit the recorded arrivals)."""
        quorum = self.quorum_at(item_id)
        return None if quorum is None else quorum.present_voting

    def quorum_at(self, item_id: int) -> QuorumResult | None:
        """The quorum at the item; ``None`` for an item without one (as :meth:`voting_at`)."""
        return next((q.quorum for q in self.item_quorums if q.item.id == item_id), None)

    def stated_quorum_at(self, item_id: int) -> QuorumResult | None:
        """The quorum at the item as the minutes state it: ``None`` while the attendance is
        not taken (:attr:`unrecorded`; no "0 von 9 … nicht beschlussfähig" then)."""
        return None if self.unrecorded else self.quorum_at(item_id)

    def entry(self, membership_id: int) -> AttendanceEntry:
        return next(e for e in self.entries if e.membership_id == membership_id)


def clean_guest(guest: GuestEntry) -> GuestEntry:
    return replace(
        guest,
        name=clean_text(guest.name, GUEST["name"]),
        organisation=clean_text(guest.organisation, GUEST["organisation"]),
        role=clean_text(guest.role, GUEST["role"]),
    )


def guest_problems(guest: GuestEntry) -> list[FieldProblem]:
    problems = (
        [] if guest.name.strip() else [FieldProblem("name", "Bitte geben Sie einen Namen an.")]
    )
    for name, spec in GUEST.items():
        problems += text_problems(name, getattr(guest, name), spec)
    return problems
