"""The minutes (Protokoll) of a held meeting as a document: what the PDF prints.

Plain frozen dataclasses: the minutes documents service fills them from the database, the
report (``reports.minutes_pdf``) lays them out and nothing else. The sentences the minutes
say about the invitation, the quorum, a vote or someone's partial attendance are made here,
once, so that the PDF, the tests and any other reader say the same thing.

What the minutes record per agenda item is :mod:`expertenrat.domain.minutes_items`; who
attended, :mod:`expertenrat.domain.minutes_attendees`; what the meeting decided about
earlier minutes, :mod:`expertenrat.domain.earlier_minutes`. The public minutes are made
from them by :func:`public_minutes.public_version`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.enums import MeetingKind, MinutesState, MinutesStyle
from expertenrat.domain.invitation_due import invitation_deadline
from expertenrat.domain.meeting_documents import DroppedItem, Letterhead
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.domain.meeting_quorum import MeetingQuorum, QuorumSpan
from expertenrat.domain.minutes_agenda_order import added_line, dropped_line, order_line
from expertenrat.domain.minutes_attendees import AbsentMember, GuestLine, PresentMember
from expertenrat.domain.minutes_items import MinutesItem, urgent_extension
from expertenrat.domain.quorum import QuorumResult
from expertenrat.domain.wording import isolated

DRAFT_MARK = "ENTWURF"
WITHHELD_LINE = "Dieser Tagesordnungspunkt wurde nichtöffentlich beraten."


@dataclass(frozen=True, slots=True)
class ApprovalStamp:
    """The approval the PDF carries: when, in which meeting ("7. Sitzung am 12.03.2027"),
    and the SHA-256 (hex) of the approved version's content snapshot (a PDF cannot hold
    its own hash)."""

    approved_on: date
    approved_in: str
    fingerprint: str

    @property
    def statement(self) -> str:
        """ "Genehmigt in der 6. Sitzung am 09.06.2026." (approved on the meeting's day: the
        date once), else "Genehmigt am 16.06.2026 in der 6. Sitzung am 09.06.2026."; with
        no approving meeting known (``approved_in`` empty) "Genehmigt am 16.06.2026."."""
        day = f"{self.approved_on:%d.%m.%Y}"
        if not self.approved_in:
            return f"Genehmigt am {day}."
        if self.approved_in.endswith(f" am {day}"):
            return f"Genehmigt in der {self.approved_in}."
        return f"Genehmigt am {day} in der {self.approved_in}."


@dataclass(frozen=True, slots=True)
class Invitation:
    """When the invitation went out, against the notice period (Ladungsfrist)."""

    sent_on: date | None
    notice_period_days: int

    def statement(self, meeting_day: date) -> str:
        if self.sent_on is None:
            return "Ein Versand der Einladung ist nicht erfasst."
        days = self.notice_period_days
        period = "1 Tag" if days == 1 else f"{days} Tagen"
        sent = f"Die Einladung wurde am {self.sent_on:%d.%m.%Y} versandt"
        timely = self.sent_on <= invitation_deadline(meeting_day, days)
        if days == 0:  # never "Ladungsfrist von 0 Tagen": the council has none
            return f"{sent}; sie erfolgte formgerecht." if timely else f"{sent}, nach der Sitzung."
        if timely:
            return f"{sent}; sie erfolgte form- und fristgerecht (Ladungsfrist von {period})."
        return f"{sent}; die Ladungsfrist von {period} wurde nicht gewahrt."


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    """The minutes of one meeting, full or public (``public``), in one state."""

    letterhead: Letterhead
    number: int | None
    day: date
    state: MinutesState = MinutesState.DRAFT
    style: MinutesStyle = MinutesStyle.RESULTS
    title: str = ""
    kind_label: str = ""
    place: str = ""
    room: str = ""
    online_link: str = ""
    opened_at: time | None = None
    closed_at: time | None = None
    chair: str = ""
    minute_taker: str = ""
    present: tuple[PresentMember, ...] = ()
    excused: tuple[str, ...] = ()
    absent: tuple[AbsentMember, ...] = ()
    guests: tuple[GuestLine, ...] = ()
    invitation: Invitation | None = None
    quorum: QuorumResult | None = None
    quorum_spans: tuple[QuorumSpan, ...] = ()  # the items with and without a quorum
    # The voting members present at the opening, whom the quorum statement counts. Approved
    # minutes stored before this field existed read it as None and keep their statement
    # (the most present at one time), so a public PDF rendered again from them says what
    # was approved.
    quorum_opening: int | None = None
    quorum_noted: bool = False
    agenda_approved: bool = False
    agenda_changes: str = ""
    # The day a changed agenda ("Geänderte Tagesordnung") was sent after the invitation:
    # the agenda was adopted in that version. Approved minutes stored before this field
    # existed read it as None and keep their sentence.
    agenda_sent_on: date | None = None
    # The items taken up in another order than the invitation listed. Approved minutes
    # stored before this field existed read it as () and keep their sentence.
    moved_items: tuple[MovedItem, ...] = ()
    # Whether the sentence about them names also those the changes typed mention by a
    # number alone where it changed (:func:`~expertenrat.domain.minutes_agenda_order.
    # order_line`). Approved minutes stored before read it as False and keep their sentence.
    renumbered_told: bool = False
    unsent_items: tuple[MovedItem, ...] = ()  # added after the last letter, told to nobody
    unsent_dropped: tuple[DroppedItem, ...] = ()  # the last letter's items gone, told nobody
    unsent_certain: bool = True  # False: a changed agenda sent again may have told them
    items: tuple[MinutesItem, ...] = ()
    annexes: tuple[AnnexEntry, ...] = ()
    version: int | None = None  # the number of the minutes version, once there is one
    circulated_on: date | None = None  # the sending this version goes back to
    objections_due_on: date | None = None
    approval: ApprovalStamp | None = None
    # The day an accepted objection made this version (it was not sent itself), or None.
    corrected_on: date | None = None
    public: bool = False
    unnamed: frozenset[str] = frozenset()  # names the public version does not print
    kind: MeetingKind = MeetingKind.REGULAR
    # The day a meeting over days ended (its closing time's, else the planned end's;
    # :func:`~expertenrat.domain.minutes.recorded_times`), None for one that ended on ``day``.
    ended_on: date | None = None
    # What this meeting decided about earlier minutes (see
    # :func:`~expertenrat.domain.earlier_minutes.earlier_minutes_line`).
    earlier_minutes: tuple[str, ...] = ()
    # "Entwurf abschließen": the day a draft not sent yet was finished (unchanged since).
    finished_on: date | None = None
    # Sent, and changed after its latest version (not sent again): the members had another
    # text, and the state line says so.
    changed_since_sent: bool = False
    # Nobody is recorded present and some members are not recorded at all: there is no
    # quorum to state yet (not "0 von 9 … nicht beschlussfähig"), as the attendance tab
    # says (:attr:`~expertenrat.domain.attendance_sheet.AttendanceSheet.unrecorded`). Set by
    # the service from the attendance sheet, never read from the printed names. Approved
    # minutes stored before this field existed read it as False, which they were: the
    # checklist does not let minutes with open attendance lines be approved.
    attendance_unrecorded: bool = False

    @property
    def name(self) -> str:
        """ "5. Sitzung"; without a number "Sitzung" or "Klausur", as the window says."""
        return meeting_name(self.number, self.kind)

    @property
    def heading(self) -> str:
        """ "Protokoll der 5. Sitzung" (with the meeting's own title after a dash)."""
        title = " ".join(self.title.split())
        heading = f"Protokoll der {self.name}"
        return f"{heading} – {title}" if title else heading

    @property
    def location(self) -> str:
        return ", ".join(isolated(p.strip()) for p in (self.place, self.room) if p.strip())

    @property
    def draft(self) -> bool:
        """Whether the pages carry "ENTWURF": every state before the approval."""
        return self.approval is None

    @property
    def state_line(self) -> str:
        """What the reader must know about the state: draft, circulated, approved. The
        sending goes with its deadline for objections, a correction after them ("Entwurf,
        versandt am 25.01.2027, Einwände bis 08.02.2027; nach einem Einwand berichtigt am
        16.04.2027."), as the Genehmigung tab has it: a correction may come before the
        deadline or after it, the deadline always belongs to the sending. Changed since
        (not sent again), it says so: this is not the text the members were sent."""
        if self.approval is not None:
            return self.approval.statement
        if self.state is MinutesState.CIRCULATED and self.circulated_on:
            line = f"Entwurf, versandt am {self.circulated_on:%d.%m.%Y}"
            if self.objections_due_on:
                line += f", Einwände bis {self.objections_due_on:%d.%m.%Y}"
            if self.corrected_on:
                line += f"; nach einem Einwand berichtigt am {self.corrected_on:%d.%m.%Y}"
            if self.changed_since_sent:
                line += "; seitdem geändert, noch nicht erneut versandt"
            return line + "."
        if self.finished_on:
            return f"Entwurf, abgeschlossen am {self.finished_on:%d.%m.%Y} – noch nicht genehmigt."
        return "Entwurf – noch nicht genehmigt."

    @property
    def quorum_line(self) -> str:
        """The quorum as stated at the opening; where it did not hold for the whole meeting,
        which items had one (see :class:`~expertenrat.domain.meeting_quorum.MeetingQuorum`)."""
        if self.quorum is None:
            return ""
        if self.attendance_unrecorded:
            return "Die Anwesenheit ist noch nicht erfasst; die Beschlussfähigkeit ist offen."
        quorum = MeetingQuorum(self.quorum, self.quorum_spans, self.quorum_opening)
        if not self.quorum_noted:
            return f"{quorum.statement}."
        if quorum.throughout:
            return f"Die Beschlussfähigkeit wurde festgestellt: {quorum.statement}."
        return f"Zur Beschlussfähigkeit wurde festgestellt: {quorum.statement}."

    @property
    def extension_line(self) -> str:
        """That the agenda was extended at the meeting by urgent items ("" for none)."""
        return urgent_extension(self.items)

    @property
    def order_line(self) -> str:
        """The items taken up in another order than invited that the changes typed do not
        mention ("" for none; see :func:`~expertenrat.domain.minutes_agenda_order.order_line`)."""
        return order_line(
            self.moved_items, self.agenda_changes, renumbered_told=self.renumbered_told
        )

    @property
    def added_line(self) -> str:
        """The items added after the last letter that told the members the agenda, which
        the changes typed do not mention ("" for none; :func:`~expertenrat.domain.
        minutes_agenda_order.added_line`)."""
        return added_line(self.unsent_items, self.agenda_changes, self._unsent_after)

    @property
    def dropped_line(self) -> str:
        """The items the last letter listed that were removed since without a letter,
        which the changes typed do not mention ("" for none; :func:`~expertenrat.domain.
        minutes_agenda_order.dropped_line`)."""
        return dropped_line(self.unsent_dropped, self.agenda_changes, self._unsent_after)

    @property
    def _unsent_after(self) -> date | None:
        """The day of the changed agenda the unsent changes certainly came after, else
        ``None``: "Nach der Einladung …", true either way."""
        return self.agenda_sent_on if self.unsent_certain else None

    @property
    def agenda_line(self) -> str:
        """How the agenda was adopted; after a changed agenda was sent, in that version:
        "Die Tagesordnung wurde in der Fassung der geänderten Tagesordnung vom 03.12.2026
        ohne Änderungen festgestellt." (the changes typed are those made at the meeting)."""
        if not self.agenda_approved:
            return "Eine Feststellung der Tagesordnung ist nicht erfasst."
        adopted = "Die Tagesordnung wurde"
        if self.agenda_sent_on is not None:
            adopted += (
                f" in der Fassung der geänderten Tagesordnung vom {self.agenda_sent_on:%d.%m.%Y}"
            )
        changes = self.agenda_changes.strip()
        if changes:
            changes = "\n".join(isolated(line) for line in changes.split("\n"))
            return f"{adopted} mit folgenden Änderungen festgestellt: {changes}"
        # "ohne Änderungen" would deny them
        if self.extension_line or self.order_line or self.added_line or self.dropped_line:
            return f"{adopted} festgestellt."
        return f"{adopted} ohne Änderungen festgestellt."

    @property
    def last_day(self) -> date:
        """The day the meeting ended (``day`` unless it ran over days)."""
        return self.ended_on or self.day

    @property
    def time_line(self) -> str:
        """ "16:05–18:10 Uhr"; a draft printed while the meeting runs "ab 16:05 Uhr", one
        with the end alone "bis 18:10 Uhr", one with neither "–" (never "––– Uhr"); a
        meeting that ended on a later day "11.12.2026, 16:05 Uhr, bis 12.12.2026, 12:50 Uhr"
        (found by a tester)."""
        start = f"{self.opened_at:%H:%M}" if self.opened_at else ""
        end = f"{self.closed_at:%H:%M}" if self.closed_at else ""
        if end and self.last_day > self.day:
            end = f"{self.last_day:%d.%m.%Y}, {end}"
            start = f"{self.day:%d.%m.%Y}, {start}" if start else ""
            return f"{start} Uhr, bis {end} Uhr" if start else f"bis {end} Uhr"
        if start and end:
            return f"{start}–{end} Uhr"
        if start or end:
            return f"ab {start} Uhr" if start else f"bis {end} Uhr"
        return "–"
