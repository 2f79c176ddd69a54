"""Meetings as an iCalendar file (``.ics``, RFC 5545) for the members' calendars.

One VEVENT per meeting; a series is one file with several. Start and end carry the
council's time zone (``TZID``, with its VTIMEZONE), ``UID`` is the meeting's stable UID and
``SEQUENCE`` its revision, so a calendar updates the entry it already has when a meeting
moves, is invited or is cancelled. ``STATUS`` follows the meeting: ``TENTATIVE`` while it is
planned (no invitation sent yet), ``CONFIRMED`` once invited (and held), ``CANCELLED`` when
cancelled (the reason in the description). A cancelled meeting's name starts "Abgesagt: ",
as Outlook names a cancelled meeting: the file is published (``METHOD:PUBLISH``), and
Outlook keeps such an entry as an ordinary appointment whatever its STATUS, so that it
looked like a meeting still to come (found by a tester); it is also ``TRANSP:TRANSPARENT``,
so that such an entry no longer books the time (Outlook: "Frei", not "Gebucht"). The
description lists the agenda it is given: the whole one, non-public items marked
"(nichtöffentlich)", in the file the invitation mail carries to the members (who get the
full invitation anyway); the public one (:func:`~expertenrat.domain.public_invitation.
public_invitation`) in a calendar file saved for anyone, its non-public part one line
"Nichtöffentlicher Teil". ``ORGANIZER`` is the secretariat's e-mail address, named by
the council, where one is set. Text is as typed, without the marks that set right-to-left
words apart in documents (FSI … PDI): a calendar's fields are plain text, and older
calendar programs show them as boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from icalendar import Calendar, Event, vCalAddress

from expertenrat.domain.meeting_document_titles import calendar_summary, meeting_heading
from expertenrat.domain.meeting_documents import PUBLIC_ONLINE_NOTE, AgendaEntry, MeetingDocument

PRODID = "-//Expertenrat//Sitzungen//DE"
ONLINE_PLACE = "Videokonferenz"  # the public entry's place of a meeting held online only


def meetings_ics(meetings: Sequence[MeetingDocument], *, stamp: datetime) -> bytes:
    """The calendar with one event per meeting; ``stamp`` (aware) becomes every DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for meeting in meetings:
        calendar.add_component(_event(meeting, stamp.astimezone(UTC)))
    if meetings:  # VTIMEZONE rules for the years the meetings span (keeps the file small)
        first = min(m.start for m in meetings).year
        last = max(m.end for m in meetings).year
        calendar.add_missing_timezones(date(first, 1, 1), date(last + 1, 1, 1))
        for zone in calendar.walk("VTIMEZONE"):  # icalendar's English note on its range
            zone.pop("COMMENT", None)
    return calendar.to_ical()


def _event(doc: MeetingDocument, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", doc.uid)
    event.add("sequence", doc.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", doc.start)
    event.add("dtend", doc.end)
    summary = _one_line(calendar_summary(doc))
    event.add("summary", f"Abgesagt: {summary}" if doc.cancelled else summary)
    link = doc.online_link.strip()
    online = link or (ONLINE_PLACE if doc.online_withheld else "")
    if doc.location or online:
        event.add("location", _one_line(doc.location or online))
    if link:
        event.add("url", link)
    if doc.letterhead.secretariat_email:  # whom to answer: the secretariat's mailbox
        organizer = vCalAddress(f"mailto:{doc.letterhead.secretariat_email}")
        organizer.params["CN"] = _one_line(doc.letterhead.council_name)
        event.add("organizer", organizer)
    event.add("status", _status(doc))
    if doc.cancelled:  # takes no time: the members' free/busy shows it free
        event.add("transp", "TRANSPARENT")
    event.add("description", _description(doc))
    return event


def _status(doc: MeetingDocument) -> str:
    if doc.cancelled:
        return "CANCELLED"
    return "TENTATIVE" if doc.planned else "CONFIRMED"


def _description(doc: MeetingDocument) -> str:
    lines: list[str] = []
    if doc.cancelled:
        reason = doc.cancellation_reason.strip()
        # "Die": every heading begins with "Sitzung" or "Klausur", as the letter's "die …"
        lines += [f"ABGESAGT: Die {meeting_heading(doc)} findet nicht statt."]
        lines += [f"Grund: {reason}"] if reason else []
        lines.append("")
    if doc.online_link.strip():
        lines += [f"Online: {doc.online_link.strip()}", ""]
    elif doc.online_withheld:
        lines += [f"Online: {PUBLIC_ONLINE_NOTE}", ""]
    if doc.agenda or doc.non_public_left_out:
        lines.append("Tagesordnung:")
        lines += [_item_line(e) for e in doc.agenda]
        lines += ["Nichtöffentlicher Teil"] if doc.non_public_left_out else []
    return "\n".join(lines).strip()


def _item_line(entry: AgendaEntry) -> str:
    line = f"TOP {entry.number} {_one_line(entry.title)}"
    if not entry.public:
        line += " (nichtöffentlich)"
    if entry.presenter.strip():
        line += f" – {_one_line(entry.presenter)}"
    return line


def _one_line(text: str) -> str:
    return " ".join(text.split())
