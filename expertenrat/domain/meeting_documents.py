"""What an invitation, the chair's run sheet and a calendar entry print about a meeting.

Plain frozen dataclasses: the meeting service fills them from the database, the reports
(invitation PDF, run sheet) and the exchange (``.ics``) read them and nothing else. What
the documents are called is :mod:`~expertenrat.domain.meeting_document_titles`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.german_dates import long_date
from expertenrat.domain.invitation_changes import invitation_changed
from expertenrat.domain.wording import listed, names_city
from expertenrat.domain.working_days import previous_working_day

STANDARD_ADDRESSEE = "An die Mitglieder"
PUBLIC_ONLINE_NOTE = "Videokonferenz (Zugangsdaten nicht veröffentlicht)"
"""What the public invitation, calendar and minutes print beside "Online" instead of the
link: it may carry the meeting's passcode and is meant for the members only."""


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The council as it heads its letters; ``time_zone`` is an IANA name, ``bundesland``
    the council's ("DE-TH"; whose public holidays are no working days, "": nationwide)."""

    council_name: str
    city: str
    short_name: str = ""
    logo_png: bytes | None = None
    time_zone: str = "Europe/Berlin"
    secretariat: str = ""  # who signs the letters; empty: "Ihre Geschäftsstelle"
    bundesland: str = ""
    secretariat_email: str = ""  # the mailbox e-mail drafts are sent from; "": none

    @property
    def signature(self) -> str:
        return self.secretariat or "Ihre Geschäftsstelle"


@dataclass(frozen=True, slots=True)
class DeclaredConflict:
    """A member who declared a conflict of interest for an agenda item, and why."""

    member_name: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One agenda item (Tagesordnungspunkt) as documents show it; empty texts are not printed.

    ``planned_start`` is the item's start in the running time plan (aware, council zone).
    """

    number: str
    title: str
    public: bool = True
    kind_label: str = ""
    presenter: str = ""
    project_title: str = ""
    planned_start: datetime | None = None
    planned_minutes: int | None = None
    conflicts: tuple[DeclaredConflict, ...] = ()
    notes: str = ""
    new: bool = False  # added since the invitation: a changed letter marks it "(neu)"
    earlier_title: str = ""  # renamed since the invitation: its title then
    earlier_public: bool | None = None  # moved to the other part since: the part then


@dataclass(frozen=True, slots=True)
class DroppedItem:
    """An item the invitation listed that is no longer on the agenda ("entfallen: …"), by
    its title and part then; ``gone=False``: moved from the public to the non-public part
    since, so only the public letter names it."""

    title: str
    public: bool = True
    gone: bool = True
    number: str = ""  # its number when it was removed ("" where not known)


MOVED_PARTS = {"time": "die Zeit", "place": "der Ort", "link": "der Online-Zugang"}
"""What of an invited meeting may move, as a changed letter names it (in this order)."""


@dataclass(frozen=True, slots=True)
class MeetingDocument:
    """A meeting with its agenda, for the invitation, the run sheet and the calendar.

    ``start``/``end`` are aware datetimes in the council's zone. ``uid`` is the meeting's
    stable calendar UID and ``sequence`` its revision (raised whenever time, place, name or
    state change); ``planned`` says that no invitation went out yet (the calendar entry is
    then tentative). ``invitation_date`` is the day the invitation went out (the notice
    period counts from it), ``changed_on`` the day time or place of the invited meeting
    last changed, ``agenda_changed_on`` the day its agenda last changed (the later of the
    two dates the changed letter), each ``None`` while the first invitation's stands;
    ``public_agenda_changed`` (as the public letter lists it, without presenters) and
    ``non_public_agenda_changed`` say which part of the agenda that change touched (both
    where it is not known), ``public_presenter_changed`` that a public item has another
    presenter since (the members' letter heads the public part changed for it),
    ``moved_parts`` what of time and place changed since the first invitation ("time",
    "place", "link"; empty where they are as first invited again, ``None`` where it is not
    known). ``annexes``: the files the letter comes with, listed below the agenda.
    ``addressee`` holds the address lines of one recipient (mail merge); ``None``
    addresses the members as a whole.
    """

    letterhead: Letterhead
    uid: str
    sequence: int
    number: int | None  # None: cancelled before it was announced
    start: datetime
    end: datetime
    invitation_date: date
    notice_period_days: int
    agenda: tuple[AgendaEntry, ...] = ()
    title: str = ""
    place: str = ""
    room: str = ""
    online_link: str = ""
    cancelled: bool = False
    cancellation_reason: str = ""
    planned: bool = False  # no invitation sent yet: the calendar's entry is tentative
    addressee: tuple[str, ...] | None = None
    salutation: str = "Sehr geehrte Damen und Herren,"
    kind: MeetingKind = MeetingKind.REGULAR
    changed_on: date | None = None
    agenda_changed_on: date | None = None
    public_agenda_changed: bool = True
    non_public_agenda_changed: bool = True
    public_presenter_changed: bool = False  # a public item's presenter, since the invitation
    moved_parts: tuple[str, ...] | None = None  # of MOVED_PARTS; None where not known
    dropped: tuple[DroppedItem, ...] = ()  # since the invitation, where the trail holds it
    non_public_left_out: bool = False  # the public invitation: a non-public part not shown
    online_withheld: bool = False  # the public invitation: an online link not shown
    annexes: tuple[AnnexEntry, ...] = ()  # numbered as in the minutes and the Sitzungsmappe

    @property
    def dropped_listed(self) -> tuple[DroppedItem, ...]:
        """The items the letter names "entfallen": those gone from its agenda."""
        return tuple(d for d in self.dropped if d.gone)

    @property
    def moved(self) -> bool:
        """Whether time or place changed since the members were invited."""
        return invitation_changed(self.changed_on, cancelled=self.cancelled)

    @property
    def agenda_changed(self) -> bool:
        """Whether the agenda (as the letter lists it) changed since the members were
        invited."""
        return invitation_changed(self.agenda_changed_on, cancelled=self.cancelled)

    @property
    def changed(self) -> bool:
        """Whether time or place or the agenda changed since the members were invited:
        the letter then replaces the first one."""
        return self.moved or self.agenda_changed

    @property
    def letter_date(self) -> date:
        """The day the letter is dated: a changed one the day of the last change."""
        days = [d for d in (self.changed_on, self.agenda_changed_on) if d is not None]
        return max(days) if self.changed and days else self.invitation_date

    def part_changed(self, public: bool) -> bool:
        """Whether the public (or the non-public) part of the agenda changed since the
        members were invited: the letter heads it "Geänderte Tagesordnung – …"."""
        if not self.agenda_changed:
            return False
        if public:
            return self.public_agenda_changed or self.public_presenter_changed
        return self.non_public_agenda_changed

    @property
    def _changed_agenda(self) -> str:
        """What of the agenda changed: "die Tagesordnung", or the one part that did while
        the other, printed beside it, stands ("der nichtöffentliche Teil der …")."""
        public, non_public = self.part_changed(True), self.part_changed(False)
        if non_public and not public:
            return "der nichtöffentliche Teil der Tagesordnung"
        if public and not non_public and self.non_public_items:
            return "der öffentliche Teil der Tagesordnung"
        return "die Tagesordnung"

    @property
    def change_notice(self) -> str:
        """What a changed letter says after its first sentence ("" for the first one): what
        changed, "Der Ort und die Tagesordnung haben sich geändert."; where it is not known
        what of time and place moved, "Zeit oder Ort …"; where they are back as first
        invited, that they are (not that they changed)."""
        if self.moved and self.moved_parts == () and not self.agenda_changed:
            what = "Zeit und Ort sind wieder wie in der ersten Einladung."
            return f"Bitte beachten Sie: {what} Diese Einladung ersetzt unsere bisherige."
        moved = [MOVED_PARTS[p] for p in MOVED_PARTS if p in (self.moved_parts or ())]
        if self.moved and self.moved_parts is None:
            if not self.agenda_changed:
                what = "Zeit oder Ort haben sich geändert."
            else:
                what = f"Zeit oder Ort und {self._changed_agenda} haben sich geändert."
        else:
            parts = [
                *(moved if self.moved else []),
                *([self._changed_agenda] if self.agenda_changed else []),
            ]
            if not parts:
                return ""
            named = listed(parts)
            verb = "hat" if len(parts) == 1 else "haben"
            what = f"{named[0].upper()}{named[1:]} {verb} sich geändert."
        return f"Bitte beachten Sie: {what} Diese Einladung ersetzt unsere bisherige."

    @property
    def days_of_notice(self) -> int:
        """Whole days between the invitation and the meeting day."""
        return (self.start.date() - self.invitation_date).days

    @property
    def notice_kept(self) -> bool:
        """Whether the invitation goes out at least the notice period before the meeting."""
        return self.days_of_notice >= self.notice_period_days

    @property
    def excuse_by(self) -> date:
        """The day by which members should say they cannot come: the last working day
        before the meeting (not a Saturday, Sunday or public holiday in the council's
        Bundesland, as Weltkindertag in Thüringen), when the secretariat can read it."""
        return previous_working_day(
            self.start.date() - timedelta(days=1), self.letterhead.bundesland
        )

    @property
    def excuse_request(self) -> str:
        """The letter's request to say in time who cannot come, by :attr:`excuse_by`; where
        that day lies before the letter's date, "umgehend". A letter of Saturday,
        02.01.2027, for the meeting on Monday, 04.01., asked for excuses by Thursday,
        31.12.2026 (found by a tester). With the secretariat's e-mail address set, it is
        named: "… der Geschäftsstelle mit (E-Mail: gs@stadt.de)."."""
        late = self.excuse_by < self.letter_date
        by = "umgehend" if late else f"bis {long_date(self.excuse_by)}"
        mail = self.letterhead.secretariat_email
        at = f" (E-Mail: {mail})" if mail else ""
        return f"Bitte teilen Sie eine Verhinderung {by} der Geschäftsstelle mit{at}."

    @property
    def location(self) -> str:
        """Place and room, e.g. "Rathaus, Raum 1.23" (empty for a meeting only online)."""
        return ", ".join(p.strip() for p in (self.place, self.room) if p.strip())

    @property
    def addressee_lines(self) -> tuple[str, ...]:
        if self.addressee:
            return self.addressee
        head = self.letterhead
        # "An die Mitglieder / Digitalbeirat der Stadt Leipzig", not "… / Leipzig" again
        city = () if names_city(head.council_name, head.city) else (head.city,)
        return (STANDARD_ADDRESSEE, head.council_name, *city)

    @property
    def public_items(self) -> tuple[AgendaEntry, ...]:
        return tuple(e for e in self.agenda if e.public)

    @property
    def non_public_items(self) -> tuple[AgendaEntry, ...]:
        return tuple(e for e in self.agenda if not e.public)

    @property
    def agenda_in_parts(self) -> bool:
        """Whether the meeting has a non-public part, so that the letter heads the agenda
        by its parts ("Tagesordnung – Öffentlicher Teil"); a meeting in public throughout
        has just "Tagesordnung"."""
        return bool(self.non_public_items) or self.non_public_left_out
