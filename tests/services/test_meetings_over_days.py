"""A meeting that does not end on the day it began, on each backend: the council's Klausur
Friday 16:00 to Saturday 13:00 is kept with its end's date, and the invitation and its
calendar entry say so; a meeting 19:00 to 00:30 is recorded as closed after midnight and
its minutes say when (found by a tester)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from email import message_from_bytes
from email.policy import default as email_default
from zoneinfo import ZoneInfo

import pytest
from held_meeting import hold
from icalendar import Calendar
from meeting_rows import add_meeting
from pdf_reading import text

from expertenrat.domain.enums import AttendanceStatus, MeetingKind
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.minutes import MinutesHeader
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.minutes_autosave import MinutesAutosave
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.overview import OverviewService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY = datetime(2026, 12, 11, 16, tzinfo=BERLIN)
SATURDAY = datetime(2026, 12, 12, 13, tzinfo=BERLIN)


def retreat(start: datetime = FRIDAY, end: datetime = SATURDAY) -> MeetingDraft:
    return MeetingDraft(MeetingKind.WORKSHOP, start, end, "Datenstrategie 2030", "Tagungshaus")


def test_a_klausur_over_two_days_is_kept_with_its_end(
    meetings_service, documents, council, members_service, new_member, today
):
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
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
    mail = message_from_bytes(documents.invitation_mail(meeting_id).eml, policy=email_default)
    assert mail["Subject"].endswith("Datenstrategie 2030, 11./12.12.2026")
    run_sheet = text(documents.run_sheet_pdf(meeting_id, today=FRIDAY.date()).pdf)
    assert "vom 11./12.12.2026" in run_sheet
    (event,) = Calendar.from_ical(documents.ics_for_meetings([meeting_id])).walk("VEVENT")
    assert event.decoded("DTSTART") == FRIDAY
    assert event.decoded("DTEND") == SATURDAY


def test_an_end_more_than_three_days_on_is_refused(meetings_service, council):
    with pytest.raises(ValidationError, match="mehr als 3 Tage nach dem Beginn"):
        meetings_service.create(council.id, retreat(end=FRIDAY + timedelta(days=8)))
    assert meetings_service.list(council.id) == []


def test_a_meeting_closed_after_midnight_is_recorded(
    database, actor, meetings_service, documents, council
):
    evening = datetime(2026, 10, 15, 19, tzinfo=BERLIN)
    late = MeetingDraft(MeetingKind.REGULAR, evening, evening + timedelta(hours=5.5), "", "Rathaus")
    meeting_id = meetings_service.create(council.id, late)
    hold(database, meeting_id, sent_on=evening.date() - timedelta(days=14))
    version = meetings_service.get(meeting_id).version

    saved = MinutesAutosave(database, actor).save_header(
        meeting_id, MinutesHeader(time(19, 5), time(0, 25), version=version)
    )

    assert (saved.opened_at, saved.closed_at) == (time(19, 5), time(0, 25))
    minutes = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    printed = text(minutes.minutes_pdf(meeting_id).pdf)
    assert "Sitzung vom 15./16.10.2026" in printed
    assert "Datum Donnerstag, 15. Oktober 2026 bis Freitag, 16. Oktober 2026" in printed
    assert "Beginn / Ende 15.10.2026, 19:05 Uhr, bis 16.10.2026, 00:25 Uhr" in printed


def test_a_closing_before_the_opening_of_a_one_day_meeting_is_refused(
    database, actor, meetings_service, council
):
    start = datetime(2026, 10, 15, 19, tzinfo=BERLIN)
    one_day = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=4), "", "Rathaus")
    meeting_id = meetings_service.create(council.id, one_day)
    hold(database, meeting_id)
    version = meetings_service.get(meeting_id).version

    with pytest.raises(ValidationError, match=r"Das Ende \(00:25\) liegt vor dem Beginn"):
        MinutesAutosave(database, actor).save_header(
            meeting_id, MinutesHeader(time(19, 5), time(0, 25), version=version)
        )
    assert meetings_service.get(meeting_id).version == version


def test_times_on_the_klausur_s_second_day_are_saved_in_order(
    database, actor, members_service, new_member, council, today
):
    """Arriving Friday 16:30 (TOP 2), away from 21:00 (TOP 3) to Saturday 09:00 (TOP 4),
    leaving Saturday 11:00 (TOP 4): one day's clock refused the departure as before the
    arrival."""
    member = members_service.save(council.id, new_member("Anna", "Berg"), today).id
    rows = add_meeting(database, council.id, starts_at=datetime(2026, 11, 20, 16, 0))
    with database.transaction() as session:
        session.get(models.Meeting, rows.meeting_id).ends_at = datetime(2026, 11, 21, 13, 0)
    attendance = AttendanceService(database, actor)
    _, second, third, fourth = rows.item_ids
    entry = attendance.sheet(rows.meeting_id).entry(member)
    times = {
        "arrived_item_id": second, "arrived_at": time(16, 30),
        "away_item_id": third, "away_at": time(21, 0),
        "back_item_id": fourth, "back_at": time(9, 0),
        "left_item_id": fourth, "left_at": time(11, 0),
    }  # fmt: skip

    sheet = attendance.save_entry(
        rows.meeting_id, replace(entry, status=AttendanceStatus.PRESENT, **times)
    )

    saved = sheet.entry(member)
    assert (saved.arrived_at, saved.back_at, saved.left_at) == (time(16, 30), time(9), time(11))


def test_a_time_between_the_klausur_s_end_and_its_start_is_refused(
    database, actor, members_service, new_member, council, today
):
    """14:00 is neither Friday's afternoon from 16:00 nor Saturday's morning to 13:00 (and
    its two hours' overrun): checked round the clock, no longer let through."""
    member = members_service.save(council.id, new_member("Anna", "Berg"), today).id
    rows = add_meeting(database, council.id, starts_at=datetime(2026, 11, 20, 16, 0))
    with database.transaction() as session:
        session.get(models.Meeting, rows.meeting_id).ends_at = datetime(2026, 11, 21, 13, 0)
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(rows.meeting_id).entry(member)
    present = replace(entry, status=AttendanceStatus.PRESENT, arrived_item_id=rows.item_ids[1])

    with pytest.raises(ValidationError, match=r"um 15:30 Uhr, außerhalb der Sitzung \(16:00–13:00"):
        attendance.save_entry(rows.meeting_id, replace(present, arrived_at=time(15, 30)))
    saved = attendance.save_entry(rows.meeting_id, replace(present, arrived_at=time(9, 0)))
    assert saved.entry(member).arrived_at == time(9, 0)


def test_the_uebersicht_names_a_klausur_by_both_days(database, meetings_service, council):
    """ "… am 11./12.12.2026 um 16:00 Uhr", as the minutes' header names them; they named
    the Friday only (found by a helper)."""
    meetings_service.create(council.id, retreat())
    overview = OverviewService(database)
    ahead = overview.overview(council.id, date(2026, 12, 4))
    passed = overview.overview(council.id, date(2026, 12, 14))

    (next_line,) = ahead.next_meetings
    assert " am 11./12.12.2026 um 16:00 Uhr – " in next_line.text
    (due,) = ahead.invitations_due
    assert " am 11./12.12.2026: " in due.text
    (unrecorded,) = passed.meetings_unrecorded
    assert unrecorded.text.endswith(
        " am 11./12.12.2026: noch nicht als durchgeführt oder abgesagt erfasst"
    )
