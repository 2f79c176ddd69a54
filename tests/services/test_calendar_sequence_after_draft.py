"""Every calendar file the program hands out for a meeting carries a higher SEQUENCE than
any handed out for it before: a planned meeting's invitation draft already carries the
SEQUENCE the invitation gives it, and one mailed but never recorded as sent, then the
meeting moved, gave the move's file that same SEQUENCE, so that the members' calendars
kept the invitation's entry (found by a tester)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_default
from zoneinfo import ZoneInfo

from icalendar import Calendar

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft

BERLIN = ZoneInfo("Europe/Berlin")


def _sequence(ics: bytes) -> int:
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    return int(event["SEQUENCE"])


def _mailed_sequence(eml: bytes) -> int:
    message = message_from_bytes(eml, policy=email_default)
    assert isinstance(message, EmailMessage)
    (ics,) = (p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    return _sequence(ics.get_payload(decode=True))


def test_each_file_after_an_unrecorded_invitation_draft_has_a_higher_sequence(
    meetings_service, documents, agenda, members_service, council, new_member, today
) -> None:
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
    start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    handed_out = [_sequence(documents.ics_for_meetings([meeting_id]))]

    def hand_out(sequence: int) -> None:
        assert sequence > max(handed_out)
        handed_out.append(sequence)

    hand_out(_mailed_sequence(documents.invitation_mail(meeting_id).eml))  # not recorded
    meeting = meetings_service.get(meeting_id)
    later = replace(draft, start=start + timedelta(hours=1), end=draft.end + timedelta(hours=1))
    meetings_service.update(meeting_id, meeting.version, later)
    hand_out(_sequence(documents.ics_for_meetings([meeting_id])))
    hand_out(_mailed_sequence(documents.invitation_mail(meeting_id).eml))
    agenda.add(meeting_id, AgendaItem(0, "Radverkehr"))
    hand_out(_mailed_sequence(documents.invitation_mail(meeting_id).eml))
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(meeting_id, version, MeetingState.CANCELLED, "Erkrankung")
    hand_out(_mailed_sequence(documents.invitation_mail(meeting_id).eml))
    assert meetings_service.get(meeting_id).state is MeetingState.CANCELLED


def test_the_recorded_invitation_keeps_the_sequence_its_draft_carried(
    meetings_service, documents, members_service, council, new_member, today
) -> None:
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
    start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    mailed = _mailed_sequence(documents.invitation_mail(meeting_id).eml)

    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(meeting_id, version, MeetingState.INVITED, sent_on=today)

    assert _mailed_sequence(documents.invitation_mail(meeting_id).eml) == mailed
    assert _sequence(documents.ics_for_meetings([meeting_id])) == mailed
