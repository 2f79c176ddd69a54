"""The day an invitation went out can be corrected (found by a tester: "Einladung versandt"
records the day it is pressed, so an invitation posted days before it was recorded made
the minutes say the notice period was not kept, with no way to give the real day). Not a
day in the future or after the meeting, not once the minutes are approved; the audit trail
records the correction, and the minutes follow it."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from minutes_setup import fake_render, held_minutes, hold
from pdf_reading import text as pdf_text
from sqlalchemy import select

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 12, 4)


def _invited_on(meetings_service, council, day: date) -> int:
    """A meeting on ``day`` at 16:00, invited by "Einladung versandt" pressed ``TODAY``."""
    start = datetime.combine(day, datetime.min.time(), BERLIN).replace(hour=16)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(meeting_id, version, MeetingState.INVITED, sent_on=TODAY)
    return meeting_id


def test_a_correction_moves_the_day_and_the_trail_records_it(
    database, meetings_service, council
) -> None:
    meeting_id = _invited_on(meetings_service, council, TODAY + timedelta(days=5))
    meeting = meetings_service.get(meeting_id)

    corrected = meetings_service.correct_invitation_day(
        meeting_id, meeting.version, TODAY - timedelta(days=3), today=TODAY
    )

    assert corrected.invitation_sent_on == date(2026, 12, 1)
    assert meetings_service.get(meeting_id).invitation_sent_on == date(2026, 12, 1)
    assert corrected.version > meeting.version
    with database.reading() as session:
        entry = session.scalars(
            select(models.AuditEntry)
            .where(models.AuditEntry.entity == "meeting", models.AuditEntry.entity_id == meeting_id)
            .order_by(models.AuditEntry.id.desc())
        ).first()
    assert entry.summary == (
        "1. Sitzung am 09.12.2026 – Versand der Einladung berichtigt auf den 01.12.2026"
    )
    assert json.loads(entry.after)["invitation_sent_on"] == "2026-12-01"
    assert json.loads(entry.before)["invitation_sent_on"] == "2026-12-04"


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            date(2026, 12, 5),
            "Der 05.12.2026 liegt in der Zukunft: Die Einladung kann nicht später als heute "
            "(04.12.2026) versandt worden sein.",
        ),
        (
            date(2026, 12, 10),
            "Die Einladung zur Sitzung am 09.12.2026 kann nicht am 10.12.2026, nach der "
            "Sitzung, versandt worden sein.",
        ),
    ],
)
def test_a_day_in_the_future_or_after_the_meeting_is_refused(
    meetings_service, council, day, message
) -> None:
    meeting_id = _invited_on(meetings_service, council, TODAY + timedelta(days=5))
    meeting = meetings_service.get(meeting_id)
    # after the meeting: the meeting's day has passed, the correction is made later
    today = TODAY if day < meeting.starts_at.date() else date(2026, 12, 20)

    with pytest.raises(ValidationError, match=re.escape(message)):
        meetings_service.correct_invitation_day(meeting_id, meeting.version, day, today=today)

    assert meetings_service.get(meeting_id).invitation_sent_on == meeting.invitation_sent_on


def test_inviting_on_a_day_still_to_come_is_refused(
    database, meetings_service, council, actor
) -> None:
    """Found by review: the state change "eingeladen" took a day in the future as the day
    the invitation went out; only the window's date dialog bounded it. Refused as the
    correction of the day is, by the council's today (or the ``today`` given: the demo's),
    nothing stored."""
    start = datetime.combine(TODAY + timedelta(days=10), datetime.min.time(), BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting = meetings_service.get(meetings_service.create(council.id, draft))
    tomorrow = TODAY + timedelta(days=1)
    noon = datetime.combine(TODAY, datetime.min.time(), BERLIN).replace(hour=12)
    documents = MeetingDocumentsService(database, actor, meetings_service)

    future = re.escape(
        "Der 05.12.2026 liegt in der Zukunft: Die Einladung kann nicht später als heute "
        "(04.12.2026) versandt worden sein."
    )
    for invite in (
        lambda: meetings_service.change_state(
            meeting.id, meeting.version, MeetingState.INVITED, sent_on=tomorrow, today=TODAY
        ),
        lambda: meetings_service.change_state(
            meeting.id, meeting.version, MeetingState.INVITED, sent_on=tomorrow, now=noon
        ),
        lambda: documents.record_invitation_sent(
            meeting.id, meeting.version, tomorrow, today=TODAY
        ),
    ):
        with pytest.raises(ValidationError, match=future):
            invite()
    assert meetings_service.get(meeting.id) == meeting

    invited = documents.record_invitation_sent(
        meeting.id, meeting.version, tomorrow, today=tomorrow
    )
    assert meetings_service.get(meeting.id).invitation_sent_on == tomorrow == invited.sent_on


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 12, 5), "Der 05.12.2026 liegt in der Zukunft: Die Einladung kann nicht"),
        (date(2026, 12, 10), "Die Einladung zur Sitzung am 09.12.2026 kann nicht am 10.12.2026"),
    ],
)
def test_sending_an_invited_meeting_s_invitation_again_keeps_the_same_rule(
    database, meetings_service, council, actor, day, message
) -> None:
    """Found by review: recording the invitation of an invited meeting as sent again took a
    day still to come, and refused one after the meeting in words of its own. Now the rule
    of inviting and of correcting the day (``sent_on_problem``); nothing stored."""
    meeting = meetings_service.get(_invited_on(meetings_service, council, date(2026, 12, 9)))
    documents = MeetingDocumentsService(database, actor, meetings_service)
    today = TODAY if day < meeting.starts_at.date() else date(2026, 12, 20)

    with pytest.raises(ValidationError, match=re.escape(message)):
        documents.record_invitation_sent(meeting.id, meeting.version, day, today=today)

    assert meetings_service.get(meeting.id) == meeting


def test_a_planned_meeting_has_no_day_to_correct(meetings_service, council) -> None:
    start = datetime(2026, 12, 9, 16, 0, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting = meetings_service.get(meetings_service.create(council.id, draft))

    with pytest.raises(
        ValidationError, match=r"Ein Versand der Einladung der 1\. Sitzung ist nicht"
    ):
        meetings_service.correct_invitation_day(
            meeting.id, meeting.version, date(2026, 12, 1), today=TODAY
        )


def test_a_meeting_whose_minutes_are_approved_is_refused(database, actor, council, fields):
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approval = MinutesApprovalService(database, actor, fake_render)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    approval.approve(minutes.meeting_id, minutes.next_id)
    meetings = MeetingsService(database, actor)
    meeting = meetings.get(minutes.meeting_id)

    with pytest.raises(MinutesFrozenError, match="ist genehmigt und kann nicht mehr geändert"):
        meetings.correct_invitation_day(meeting.id, meeting.version, date(2026, 2, 20))

    assert meetings.get(meeting.id).invitation_sent_on == date(2026, 2, 28)


def test_the_minutes_and_their_checklist_state_the_corrected_day(
    database, actor, council, fields, documents
) -> None:
    """Recorded on the meeting's eve, the invitation missed the notice period; corrected to
    the day it was posted, the minutes and the checklist's line say it was sent in time."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    meetings = MeetingsService(database, actor)
    version = meetings.get(minutes.meeting_id).version
    version = meetings.correct_invitation_day(minutes.meeting_id, version, date(2026, 3, 9)).version
    dossiers = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    late = pdf_text(dossiers.minutes(minutes.meeting_id).rendered.pdf)
    assert "am 09.03.2026 versandt; die Ladungsfrist von 7 Tagen wurde nicht gewahrt" in late

    meetings.correct_invitation_day(minutes.meeting_id, version, date(2026, 2, 24))

    text = pdf_text(dossiers.minutes(minutes.meeting_id).rendered.pdf)
    assert "Die Einladung wurde am 24.02.2026 versandt; sie erfolgte form- und fristgerecht" in text
    assert "09.03.2026" not in text
    (line,) = (
        line
        for line in MinutesService(database, actor).checklist(minutes.meeting_id).lines
        if line.key == "invitation"
    )
    assert line.text == "Einladung am 24.02.2026 versandt – fristgerecht (Ladungsfrist 7 Tage)"
    assert not line.warning
