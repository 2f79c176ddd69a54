"""Checks of a single meeting as entered: times, title, place or online link.

A title is optional for ordinary meetings (they are called "5. Sitzung") and required for
a workshop (Klausur), whose topic is its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.errors import FieldProblem

MAX_TITLE_LENGTH = 200
MAX_PLACE_LENGTH = 200
MAX_LINK_LENGTH = 500
# Longer is likely a typo (a warning), except for a Klausur over several days.
MAX_DURATION = timedelta(hours=12)
# A meeting may run into the next days (a Klausur Friday 16:00 to Saturday 13:00, a meeting
# until 00:30); an end further away is a typo of its date (refused).
MAX_SPAN_DAYS = 3
_LINK_START = re.compile(r"https?://(?=.)", re.IGNORECASE)
_NOT_IN_LINKS = "\"'<>"  # besides spaces: what would break the link in a mail or a PDF
# A new meeting of a council without meetings: in two weeks, 16 to 18 h.
DEFAULT_START = time(16, 0)
DEFAULT_END = time(18, 0)
LEAD_TIME = timedelta(days=14)


def lead_time(notice_period_days: int) -> timedelta:
    """How far ahead a new meeting is proposed: two weeks, and never closer than the
    council's notice period (Ladungsfrist), so that its invitation can still go out in
    time (with three weeks' notice: three weeks ahead)."""
    return max(LEAD_TIME, timedelta(days=notice_period_days))


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    kind: MeetingKind
    start: datetime
    end: datetime
    title: str = ""
    place: str = ""
    room: str = ""
    online_link: str = ""


def validate_meeting(draft: MeetingDraft) -> list[FieldProblem]:
    """Problems of ``draft`` (German); warnings do not block saving."""
    problems: list[FieldProblem] = []
    if (draft.start.tzinfo is None) != (draft.end.tzinfo is None):
        problems.append(FieldProblem("end", "Beginn und Ende müssen in derselben Zeitzone liegen."))
    elif draft.end <= draft.start:
        problems.append(FieldProblem("end", _end_before_start(draft)))
    elif draft.end - draft.start > timedelta(days=MAX_SPAN_DAYS):
        problems.append(
            FieldProblem(
                "end",
                f"Das Ende ({draft.end:%d.%m.%Y}) liegt mehr als {MAX_SPAN_DAYS} Tage nach dem "
                "Beginn. Bitte prüfen Sie das Datum des Endes.",
            )
        )
    elif skipped := _skipped_times(draft):
        problems.append(FieldProblem("end", skipped))
    elif draft.end - draft.start > MAX_DURATION and not _retreat_over_days(draft):
        problems.append(
            FieldProblem("end", "Die Sitzung dauert länger als 12 Stunden. Stimmt das Ende?", True)
        )
    title = draft.title.strip()
    if not title and draft.kind is MeetingKind.WORKSHOP:
        problems.append(FieldProblem("title", "Bitte geben Sie das Thema der Klausur an."))
    if len(title) > MAX_TITLE_LENGTH:
        problems.append(
            FieldProblem("title", f"Der Titel darf höchstens {MAX_TITLE_LENGTH} Zeichen lang sein.")
        )
    place, link = draft.place.strip(), draft.online_link.strip()
    if not place and not link:
        problems.append(
            FieldProblem(
                "place", "Bitte geben Sie einen Ort oder einen Link zur Online-Sitzung an."
            )
        )
    if len(place) > MAX_PLACE_LENGTH or len(draft.room.strip()) > MAX_PLACE_LENGTH:
        problems.append(
            FieldProblem(
                "place", f"Ort und Raum dürfen höchstens {MAX_PLACE_LENGTH} Zeichen lang sein."
            )
        )
    if link and (why := _link_problem(link)):
        problems.append(FieldProblem("online_link", why))
    return problems


def _retreat_over_days(draft: MeetingDraft) -> bool:
    """A Klausur ending on a later day than it began (Friday 16:00 to Saturday 13:00)."""
    return draft.kind is MeetingKind.WORKSHOP and draft.end.date() > draft.start.date()


def _end_before_start(draft: MeetingDraft) -> str:
    """Why an end not after the start is refused; an end time before the start time on the
    same day tells how a meeting past midnight is entered (found by a tester)."""
    message = "Das Ende muss nach dem Beginn liegen."
    if draft.end.date() == draft.start.date() and draft.end.time() < draft.start.time():
        message += (
            " Endet die Sitzung erst am folgenden Tag, wählen Sie bitte beim Ende dessen Datum."
        )
    return message


def _link_problem(link: str) -> str:
    """What is wrong with the online link ``link`` ("" if nothing): one message naming it,
    not all the rules at once (a link refused for a quote was told it must begin with
    https://, which it did; found by a tester)."""
    if not _LINK_START.match(link):
        return "Der Link muss mit https:// oder http:// beginnen."
    if len(link) > MAX_LINK_LENGTH:
        return f"Der Link darf höchstens {MAX_LINK_LENGTH} Zeichen lang sein."
    if any(c.isspace() for c in link):
        return "Der Link darf keine Leerzeichen enthalten."
    foreign = sorted(set(link) & set(_NOT_IN_LINKS))
    if foreign:
        shown = ", ".join(f"„{c}“" for c in foreign)
        return (
            "Der Link enthält Zeichen, die in einer Internet-Adresse nicht stehen dürfen: "
            f"{shown}. Bitte kopieren Sie ihn ohne Anführungszeichen und spitze Klammern oder "
            'schreiben Sie sie kodiert (z. B. %22 für „"“).'
        )
    return ""


def _skipped_times(draft: MeetingDraft) -> str:
    """Why the start or end does not exist on the council's clock: in the night the clocks
    go forward (Europe/Berlin: 02:00–02:59 on the last Sunday of March) ("" when both
    exist). The invitation printed 02:30, the members' calendars showed the meeting from
    03:30 (RFC 5545 moves such a time on; found by a tester)."""
    for moment in (draft.start, draft.end):
        if moment.tzinfo is None:
            continue
        on_the_clock = moment.astimezone(UTC).astimezone(moment.tzinfo)
        if on_the_clock.replace(tzinfo=None) != moment.replace(tzinfo=None):
            return (
                f"Am {moment:%d.%m.%Y} gibt es {moment:%H:%M} Uhr nicht: In dieser Nacht "
                "wird die Uhr auf Sommerzeit vorgestellt. Bitte wählen Sie eine andere Uhrzeit."
            )
    return ""


def proposed_draft(
    previous: MeetingDraft | None,
    today: date,
    *,
    before: date | None = None,
    lead: timedelta = LEAD_TIME,
) -> MeetingDraft:
    """What the form proposes for a new meeting: the ``previous`` meeting's place, room,
    online link and times (naive, the council's wall clock) on its weekday, at least
    ``lead`` away (:func:`lead_time`: two weeks or the notice period); without a previous
    meeting 16 to 18 h that far ahead and no place. Kind and title are left to the new
    meeting.

    A previous meeting planned further ahead is followed in the council's rhythm: as long
    after it as it is after the meeting ``before`` it (one week to a year; otherwise four
    weeks), on its weekday."""
    if previous is None:
        day = today + lead
        return MeetingDraft(
            MeetingKind.REGULAR,
            datetime.combine(day, DEFAULT_START),
            datetime.combine(day, DEFAULT_END),
        )
    start, end = previous.start.replace(tzinfo=None), previous.end.replace(tzinfo=None)
    length = end - start if end > start else timedelta(hours=2)
    earliest = today + lead
    if start.date() >= earliest:
        gap = start.date() - before if before is not None else timedelta(0)
        if not timedelta(days=7) <= gap <= timedelta(days=366):
            gap = timedelta(days=28)
        earliest = start.date() + gap
    day = earliest + timedelta(days=(start.weekday() - earliest.weekday()) % 7)
    moved = timedelta(days=(day - start.date()).days)
    return MeetingDraft(
        MeetingKind.REGULAR,
        start + moved,
        start + moved + length,
        place=previous.place,
        room=previous.room,
        online_link=previous.online_link,
    )
