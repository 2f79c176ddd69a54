"""A meeting that does not end on the day it began, on each backend: the council's Klausur
Friday 16:00 to Saturday 13:00 is kept with its end's date, and the invitation and its
calendar entry say so (found by a tester)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from pdf_reading import text

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY = datetime(2026, 12, 11, 16, tzinfo=BERLIN)
SATURDAY = datetime(2026, 12, 12, 13, tzinfo=BERLIN)


def retreat(start: datetime = FRIDAY, end: datetime = SATURDAY) -> MeetingDraft:
    return MeetingDraft(MeetingKind.WORKSHOP, start, end, "Datenstrategie 2030", "Tagungshaus")


def test_a_klausur_over_two_days_is_kept_with_its_end(meetings_service, documents, council):
    meeting_id = meetings_service.create(council.id, retreat())

    meeting = meetings_service.get(meeting_id)
    assert (meeting.starts_at, meeting.ends_at) == (FRIDAY, SATURDAY)
    (listed,) = meetings_service.list(council.id)
    assert listed.ends_at == SATURDAY
    invitation = text(documents.invitation_pdf(meeting_id, today=FRIDAY.date()).pdf)
    assert (
        "Freitag, 11. Dezember 2026, 16:00 Uhr – Samstag, 12. Dezember 2026, 13:00 Uhr"
        in invitation
    )
    (event,) = Calendar.from_ical(documents.ics_for_meetings([meeting_id])).walk("VEVENT")
    assert event.decoded("DTSTART") == FRIDAY
    assert event.decoded("DTEND") == SATURDAY


def test_an_end_more_than_three_days_on_is_refused(meetings_service, council):
    with pytest.raises(ValidationError, match="mehr als 3 Tage nach dem Beginn"):
        meetings_service.create(council.id, retreat(end=FRIDAY + timedelta(days=8)))
    assert meetings_service.list(council.id) == []
