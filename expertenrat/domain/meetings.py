"""The meetings of a council as the program reads them: one meeting, and a line of the list.

Times are *aware* datetimes in the council's time zone (the database keeps the wall clock,
see ``store.models``). ``number`` is ``None`` for a meeting cancelled while still planned:
it was never announced under a number (see ``meeting_states``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from expertenrat.domain.enums import MeetingKind, MeetingState, MinutesState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import TextField, clean_text, date_problems, text_problems
from expertenrat.domain.invitation_changes import InvitationChanges
from expertenrat.domain.meeting_draft import (
    MAX_LINK_LENGTH,
    MAX_PLACE_LENGTH,
    MAX_TITLE_LENGTH,
    MeetingDraft,
)
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.domain.meeting_series import Occurrence
from expertenrat.domain.meeting_states import MAX_REASON_LENGTH
from expertenrat.domain.wording import listed

TEXTS = {
    "title": TextField("Der Titel", MAX_TITLE_LENGTH),
    "place": TextField("Der Ort", MAX_PLACE_LENGTH),
    "room": TextField("Der Raum", MAX_PLACE_LENGTH),
    "online_link": TextField("Der Link", MAX_LINK_LENGTH),
}
NOTES = TextField("Die Notizen", 20_000, multiline=True, plural=True, strip=False)
REASON = TextField("Der Grund der Absage", MAX_REASON_LENGTH, multiline=True)


class MeetingScope(StrEnum):
    """Which meetings the list shows."""

    ALL = "all"
    UPCOMING = "upcoming"  # from today on, in any state
    HELD = "held"
    UNRECORDED = "unrecorded"  # day passed, still planned or invited: to be recorded


def year_span(year: int) -> tuple[datetime, datetime]:
    """Which meetings count for ``year`` on the Übersicht and in the annual report: those
    starting from 1 January 0:00 up to, not including, the next 1 January (meeting times
    are the council's wall clock). A recommendation counts for the year of its adoption
    (``adopted_on``)."""
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def dated_meeting_label(
    number: int | None,
    kind: MeetingKind,
    day: date,
    title: str = "",
    shown: Callable[[str], str] = str,
) -> str:
    """ "7. Sitzung am 12.03.2027" (without a number: "Sitzung am …", "Klausur am …"); a
    numbered Klausur as lists name it (:func:`list_label`): "8. Sitzung – Klausur:
    Datenethik am …"."""
    return f"{list_label(number, kind, title, shown)} am {day:%d.%m.%Y}"


def meetings_named(labels: list[str], article: str) -> str:
    """ "der 3. Sitzung am 11.12.2026 und der 4. Sitzung am 12.03.2027" (``article`` "der";
    "die" for the accusative)."""
    return listed([f"{article} {label}" for label in labels])


def list_label(
    number: int | None, kind: MeetingKind, title: str = "", shown: Callable[[str], str] = str
) -> str:
    """How a list that leaves meetings' titles out names a meeting ("5. Sitzung"): a
    Klausur keeps its title, "8. Sitzung – Klausur: Datenethik" as the window calls it
    (without a title "8. Sitzung – Klausur"), never just "8. Sitzung", which reads as an
    ordinary meeting; a Klausur without a number is "Klausur" (its date tells it apart, and
    sentences such as "Genehmigt … in der Klausur am …" stay short). The Übersicht, the
    Tätigkeitsbericht, the minutes' lists and a project's consultations name meetings so.
    ``shown`` is applied to the title (:func:`meeting_label`)."""
    if kind is not MeetingKind.WORKSHOP or not number:
        return meeting_label(number, kind, "")  # without a number: "Klausur" already
    return meeting_label(number, kind, " ".join(title.split()), shown)


class NamedMeeting(Protocol):
    """What names a meeting (:func:`list_label`, a meeting without a number by its date):
    a stored meeting, or a query's row of these columns standing in for one."""

    @property
    def number(self) -> int | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def starts_at(self) -> datetime: ...


def meeting_topic(kind: MeetingKind, title: str) -> str:
    """What a meeting is about beside its number, for the list's "Titel" column: the title,
    a Klausur's as "Klausur: Datenethik" unless it says so itself ("Klausur" without a
    title), so that the list tells a Klausur from an ordinary meeting."""
    title = " ".join(title.split())
    if kind is not MeetingKind.WORKSHOP or "klausur" in title.casefold():
        return title
    return f"Klausur: {title}" if title else "Klausur"


def meeting_label(
    number: int | None, kind: MeetingKind, title: str, shown: Callable[[str], str] = str
) -> str:
    """How a meeting is called: "5. Sitzung", "5. Sitzung – Klausur: Mobilität", "Sitzung";
    a meeting without a number whose title begins with its word is called by the title, a
    numbered Klausur whose title (its topic) does not say so "5. Sitzung – Klausur: …".

    The title follows after a dash, as in the invitation's heading
    (:func:`~expertenrat.domain.meeting_document_titles.meeting_heading`): a title with a colon
    of its own ("Klausur: Mobilität") never reads "5. Sitzung: Klausur: Mobilität".

    ``shown`` is applied to the title as the user typed it: the audit trail sets a
    right-to-left one apart (:func:`~expertenrat.domain.wording.isolated`, FSI … PDI)
    from the words and dates around it.
    """
    base = meeting_name(number, kind)
    if not title and number and kind is MeetingKind.WORKSHOP:
        return f"{base} – Klausur"  # a numbered Klausur without a topic
    if not title:
        return base
    if not number and title.casefold().startswith(base.casefold()):
        return shown(title)  # "Klausur Datenethik", never "Klausur – Klausur Datenethik"
    if number and kind is MeetingKind.WORKSHOP and "klausur" not in title.casefold():
        return f"{base} – Klausur: {shown(title)}"  # the topic alone hides the Klausur
    return f"{base} – {shown(title)}"


def clean_draft(draft: MeetingDraft) -> MeetingDraft:
    """``draft`` with its texts in NFC and without surrounding spaces."""
    return replace(
        draft, **{name: clean_text(getattr(draft, name), spec) for name, spec in TEXTS.items()}
    )


def entry_problems(draft: MeetingDraft, notes: str = "") -> list[FieldProblem]:
    """What ``validate_meeting`` leaves to the fields: invisible control characters and line
    breaks in the texts, the length of the notes, a date outside 1900–2100 (German)."""
    problems = [
        p
        for name, spec in TEXTS.items()
        for p in text_problems(name, getattr(draft, name), spec)
        if p.message != spec.too_long_message()
    ]
    return (
        problems
        + text_problems("notes", notes, NOTES)
        + date_problems("start", draft.start.date(), "Der Tag der Sitzung")
    )


@dataclass(frozen=True, slots=True)
class Meeting(InvitationChanges):
    id: int
    version: int
    council_id: int
    number: int | None
    title: str
    kind: MeetingKind
    starts_at: datetime
    ends_at: datetime | None
    place: str
    room: str
    online_link: str
    state: MeetingState
    cancellation_reason: str
    invitation_sent_on: date | None
    chair_membership_id: int | None
    uid: str
    ics_sequence: int
    series_id: int | None
    notes: str
    invitation_changed_on: date | None = None  # time or place changed after the invitation
    invitation_agenda_changed_on: date | None = None  # the agenda changed after it

    @property
    def label(self) -> str:
        return meeting_label(self.number, self.kind, self.title)

    def draft(self) -> MeetingDraft:
        """The meeting as the form edits it (a meeting without an end lasts two hours)."""
        end = self.ends_at or self.starts_at + timedelta(hours=2)
        return MeetingDraft(
            self.kind, self.starts_at, end, self.title, self.place, self.room, self.online_link
        )


@dataclass(frozen=True, slots=True)
class MeetingSummary(InvitationChanges):
    """A line of the meetings list; ``minutes_state`` is that of the latest minutes version
    (a held meeting's minutes without a version are a draft; None before the meeting)."""

    id: int
    version: int
    number: int | None
    title: str
    kind: MeetingKind
    starts_at: datetime
    ends_at: datetime | None
    place: str
    room: str
    online_link: str
    state: MeetingState
    cancellation_reason: str
    invitation_sent_on: date | None
    minutes_state: MinutesState | None
    # The day the draft was finished ("Entwurf abschließen"), where it is unchanged since.
    minutes_finished_on: date | None = None
    invitation_changed_on: date | None = None  # time or place changed after the invitation
    invitation_agenda_changed_on: date | None = None  # the agenda changed after it
    # A planned meeting ahead: "Einladung bis 04.02.2027 versenden", or once the notice
    # period can no longer be kept "Einladung überfällig (…)" (late); an invited one whose
    # invitation went out too late "Eingeladen am … – Ladungsfrist nicht gewahrt" (late);
    # "" for any other.
    invitation_note: str = ""
    invitation_late: bool = False

    @property
    def label(self) -> str:
        return meeting_label(self.number, self.kind, self.title)

    @property
    def minutes_text(self) -> str:
        """The minutes' state for the list: "Entwurf", "fertig" (a draft finished with
        "Entwurf abschließen" and unchanged since; :attr:`minutes_tooltip` says it in the
        words of the Übersicht), "versandt", "genehmigt"; "" before the meeting. One word:
        "Entwurf abgeschlossen" would not fit beside the other columns at 1024 px."""
        if self.minutes_state is None:
            return ""
        if self.minutes_state is MinutesState.DRAFT and self.minutes_finished_on is not None:
            return "fertig"
        return self.minutes_state.label

    @property
    def minutes_tooltip(self) -> str:
        """ "Entwurf abgeschlossen am 02.12.2026, noch nicht versandt" for a finished
        draft, else ""."""
        if self.minutes_state is not MinutesState.DRAFT or self.minutes_finished_on is None:
            return ""
        return f"Entwurf abgeschlossen am {self.minutes_finished_on:%d.%m.%Y}, noch nicht versandt"

    @property
    def where(self) -> str:
        """Place and room, or "online" when there is only a link."""
        place = ", ".join(p for p in (self.place, self.room) if p)
        if place and self.online_link:
            return f"{place} und online"
        return place or ("online" if self.online_link else "")


@dataclass(frozen=True, slots=True)
class SeriesPreview:
    """The dates a series rule gives and the warnings about them (holidays, overlaps)."""

    description: str
    occurrences: tuple[Occurrence, ...]
    lines: tuple[str, ...]
    warnings: tuple[FieldProblem, ...]
