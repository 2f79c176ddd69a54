"""A changed agenda raises the meeting's calendar SEQUENCE: the .ics description lists the
agenda, and calendars replace an entry's text only for a higher SEQUENCE. Changing an
invited meeting's agenda kept it, so the members' calendars kept the old agenda (found by
a tester)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.meeting_documents import MeetingDocumentsService

BERLIN = ZoneInfo("Europe/Berlin")


def _invited(meetings_service, council) -> int:
    start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=date(2026, 11, 20)
    )
    return meeting_id


def _sequence(meetings_service, meeting_id: int) -> int:
    return meetings_service.get(meeting_id).ics_sequence


def test_every_change_the_calendar_shows_raises_the_sequence(
    database, actor, meetings_service, council
):
    meeting_id = _invited(meetings_service, council)
    agenda = AgendaService(database, actor)
    first = _sequence(meetings_service, meeting_id)
    version = meetings_service.get(meeting_id).version

    added = agenda.add(meeting_id, AgendaItem(0, "Radverkehr"))
    assert _sequence(meetings_service, meeting_id) == first + 1
    item = next(i for i in added.items if i.title == "Radverkehr")
    renamed = agenda.update(replace(item, title="Radverkehrskonzept"))
    assert _sequence(meetings_service, meeting_id) == first + 2
    item = next(i for i in renamed.items if i.key == item.key)
    timed = agenda.update(replace(item, planned_minutes=item.planned_minutes + 10))
    assert _sequence(meetings_service, meeting_id) == first + 2  # not in the calendar
    item = next(i for i in timed.items if i.key == item.key)
    moved = agenda.move(item.key, item.version, -1)
    assert _sequence(meetings_service, meeting_id) == first + 3  # the numbers changed
    item = next(i for i in moved.items if i.key == item.key)
    agenda.delete(item.key, item.version)
    assert _sequence(meetings_service, meeting_id) == first + 4

    # The meeting itself is unchanged: its form, open beside the agenda, saves.
    meeting = meetings_service.get(meeting_id)
    assert meeting.version == version
    meetings_service.update(meeting_id, version, meeting.draft(), notes="Beamer")


def test_the_calendar_file_carries_the_new_agenda_with_the_new_sequence(
    database, actor, meetings_service, council
):
    meeting_id = _invited(meetings_service, council)
    documents = MeetingDocumentsService(database, actor, meetings_service)
    before = documents.ics_for_meetings([meeting_id]).decode().replace("\r\n ", "")

    AgendaService(database, actor).add(meeting_id, AgendaItem(0, "Radverkehr"))

    after = documents.ics_for_meetings([meeting_id]).decode().replace("\r\n ", "")
    sequence = int(before.split("SEQUENCE:")[1].split("\r\n")[0])
    assert "Radverkehr" not in before and "Radverkehr" in after
    assert f"SEQUENCE:{sequence + 1}\r\n" in after
