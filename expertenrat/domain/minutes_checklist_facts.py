"""What the completeness check of the minutes (:mod:`expertenrat.domain.minutes_checklist`)
looks at: the meeting's day, place and invitation, the minutes' header and items (and those
taken up in another order than invited), the chair and the attendance with its times, the
quorum, the previous meeting's minutes, the conflicts of interest nobody has decided and
the members who may not be named; the minutes service gathers them from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.councils import DEFAULT_CHAIR_TITLE
from expertenrat.domain.enums import (
    AgendaItemOutcome,
    AttendanceStatus,
    MinutesApproval,
    MinutesState,
)
from expertenrat.domain.meeting_documents import DroppedItem
from expertenrat.domain.minutes import ItemMinutes, MinutesHeader
from expertenrat.domain.unnamed_mentions import UnnamedMember


@dataclass(frozen=True, slots=True)
class PreviousMinutes:
    """The minutes of the council's previous held meeting."""

    meeting_label: str  # "4. Sitzung"
    state: MinutesState | None  # of its latest version; None: none circulated yet
    approved_on: date | None = None
    open_objections: int = 0
    meeting_id: int | None = None  # whose Genehmigung tab a missing approval jumps to
    # Among :attr:`ChecklistFacts.approvals`: the item approving them, if the agenda has
    # one, and what became of it if the meeting did not deal with it.
    item_id: int | None = None
    put_off: AgendaItemOutcome | None = None


@dataclass(frozen=True, slots=True)
class UndecidedConflict:
    """A screening hint on an item nobody has decided (recused or overruled) yet."""

    item_id: int
    item_number: str
    member_name: str


@dataclass(frozen=True, slots=True)
class AttendanceTimes:
    """The times a member present was recorded to come or go, or to step out and come back
    (``None``: none recorded)."""

    name: str
    arrived_at: time | None = None
    left_at: time | None = None
    away_at: time | None = None
    back_at: time | None = None


@dataclass(frozen=True, slots=True)
class ChecklistFacts:
    """What the check looks at; the minutes service gathers it from the database."""

    meeting_day: date
    place: str
    invitation_sent_on: date | None
    notice_period_days: int
    header: MinutesHeader
    chair_name: str
    unrecorded: tuple[str, ...]  # members active that day without attendance
    quorum_statement: str  # :attr:`~expertenrat.domain.meeting_quorum.MeetingQuorum.statement`
    approval: MinutesApproval
    previous: PreviousMinutes | None  # None: the council's first meeting
    approval_item_id: int | None
    items: tuple[ItemMinutes, ...]
    undecided_conflicts: tuple[UndecidedConflict, ...] = ()
    quorum_throughout: bool = True  # False: quorate at some items only (the statement says)
    attendance_taken: bool = True  # False: nobody recorded present yet, some not recorded
    no_members: bool = False  # nobody was a member of the council that day
    chair_status: AttendanceStatus | None = None  # the chair's attendance, if recorded
    chair_partial: str = ""  # when a chair present came or went: "bis TOP 5 (17:00 Uhr)"
    chair_title: str = DEFAULT_CHAIR_TITLE  # what the council calls its chair
    attendance_times: tuple[AttendanceTimes, ...] = ()  # of the members present
    # False for a meeting a day long or longer: a time alone cannot tell its day.
    times_checked: bool = True
    # Arrivals and departures that no longer fit the agenda (the sheet's ``problem``).
    attendance_problem: str = ""
    # The items taken up in another order than the invitation listed.
    moved_items: tuple[MovedItem, ...] = ()
    # The items added after the last letter that told the members the agenda (the
    # invitation or a changed agenda; not urgent ones), each with its number now twice:
    # the members had no notice of them.
    unsent_items: tuple[MovedItem, ...] = ()
    # The items that letter listed, removed since without a letter telling the members.
    unsent_dropped: tuple[DroppedItem, ...] = ()
    unsent_certain: bool = True  # False: a changed agenda sent again may have told them
    # The council's members who may not be named and the meeting's guests the public
    # minutes leave out, and the items the public minutes leave out (one under a
    # non-public item too): a public text naming one of them is worth a warning.
    unnamed: tuple[UnnamedMember, ...] = ()
    # Members of the council entered as guests: (the member's name, the guest's as typed).
    member_guests: tuple[tuple[str, str], ...] = ()
    non_public_items: frozenset[int] = frozenset()
    # What became of the approval item when the meeting did not deal with it (postponed or
    # taken off, by itself or with the item above it): the previous minutes wait, rightly.
    approval_put_off: AgendaItemOutcome | None = None
    # With more than one approval item on the agenda: the minutes each names, in agenda
    # order (and the previous meeting's where none names them); each needs its own line.
    approvals: tuple[PreviousMinutes, ...] = ()
