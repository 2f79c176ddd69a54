"""What a meeting's documents are called: the meeting's heading ("5. Sitzung: …"), the
letter's title ("Geänderte Einladung zur …", "Absage der …") and subject (after the council's
name), the letter's name in a
Sitzungsmappe, the meeting's time in words and the calendar entry's name; all read from
its :class:`~expertenrat.domain.meeting_documents.MeetingDocument`.
"""

from __future__ import annotations

from expertenrat.domain.german_dates import long_date
from expertenrat.domain.invitation_changes import changed_letter
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.meetings import meeting_label


def meeting_heading(doc: MeetingDocument) -> str:
    """The meeting's name, "5. Sitzung" (without a number "Sitzung", or "Klausur" as the
    window calls it), followed by the meeting's own title if it has one.

    (No "des …": the council's name is not reliably declinable, so it stands apart.)
    """
    return meeting_label(doc.number, doc.kind, " ".join(doc.title.split()))


def letter_title(doc: MeetingDocument) -> str:
    """What the letter (and its e-mail) is: "Einladung zur 5. Sitzung", "Geänderte
    Einladung zur …" after a change of time or place, "Geänderte Tagesordnung zur …" after
    one of the agenda, "Geänderte Einladung und Tagesordnung zur …" after both,
    "Absage der 5. Sitzung" (no colon: the subject after the council's name has one).

    "der" fits every heading: it starts with "Sitzung" or "Klausur", a title alone only
    if it starts with one of them (:func:`~expertenrat.domain.meetings.meeting_label`).
    """
    heading = meeting_heading(doc)
    if doc.cancelled:
        return f"Absage der {heading}"
    return f"{changed_letter(doc.moved, doc.agenda_changed)} zur {heading}"


def council_named(doc: MeetingDocument, subject: str) -> str:
    """``subject`` after the council's name, "Digitalbeirat der Stadt Leipzig: Einladung zur
    7. Sitzung, …", so that a member of several bodies tells their letters apart (a colon,
    not "des …": a council's name is not reliably declinable)."""
    council = " ".join(doc.letterhead.council_name.split())
    return f"{council}: {subject}" if council else subject


def pack_invitation_name(doc: MeetingDocument, *, public: bool = False) -> str:
    """How a Sitzungsmappe names the letter it holds: "Einladung mit Tagesordnung",
    "Geänderte Einladung mit …" after a new time or place, "… mit geänderter Tagesordnung"
    after a change of the agenda (as the letter itself is headed); ``public``: "… mit
    öffentlicher Tagesordnung"."""
    letter = "Geänderte Einladung" if doc.moved else "Einladung"
    agenda = "öffentlicher Tagesordnung" if public else "Tagesordnung"
    return f"{letter} mit {'geänderter ' if doc.agenda_changed else ''}{agenda}"


def meeting_time(doc: MeetingDocument) -> str:
    """The meeting's time, "Dienstag, 10. März 2026, 16:00–18:00 Uhr" (or both dates; the
    start alone where no end is known: ``end == start``)."""
    start, end = doc.start, doc.end
    if end == start:
        return f"{long_date(start.date())}, {start:%H:%M} Uhr"
    if end.date() != start.date():
        return (
            f"{long_date(start.date())}, {start:%H:%M} Uhr – "
            f"{long_date(end.date())}, {end:%H:%M} Uhr"
        )
    return f"{long_date(start.date())}, {start:%H:%M}–{end:%H:%M} Uhr"


def calendar_summary(doc: MeetingDocument) -> str:
    """The calendar entry's name, "SCER: 5. Sitzung" (council short name, else name)."""
    head = doc.letterhead
    council = " ".join((head.short_name or head.council_name).split())
    return f"{council}: {meeting_heading(doc)}"
