"""A change made after an invited meeting's day makes no changed letter (found by a tester:
a non-public item's presenter corrected after the meeting, before it was set
"durchgeführt", made the invitation a "Geänderte Tagesordnung" dated after the meeting
that invited to it and asked to be told of an absence, and the full Sitzungsmappe held it,
"geändert am …" on its cover). The Mappe holds the letter as sent last before or on the
meeting's day; a change up to that day still makes one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pdf_reading import text as pdf_text

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")


def _today() -> date:
    return datetime.now(BERLIN).date()


def _invited(meetings_service, council, days_ahead: int) -> int:
    """A meeting ``days_ahead`` from today (negative: past), invited 20 days before it,
    with a non-public item."""
    day = _today() + timedelta(days=days_ahead)
    start = datetime.combine(day, datetime.min.time(), BERLIN).replace(hour=16)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=day - timedelta(days=20)
    )
    return meeting_id


def _secret(database, actor, meeting_id: int) -> AgendaItem:
    agenda = AgendaService(database, actor)
    items = agenda.add(
        meeting_id, AgendaItem(0, "Vergabe Los 3", public=False, presenter="Hr. Geheimgast")
    ).items
    return next(item for item in items if item.title == "Vergabe Los 3")


def _row(database, meeting_id: int) -> models.Meeting:
    with database.reading() as session:
        return session.get(models.Meeting, meeting_id)


@pytest.fixture
def dossiers(database, actor, documents) -> MinutesDocumentsService:
    return MinutesDocumentsService(database, documents, AnnexesService(database, actor))


def test_a_presenter_changed_after_the_day_leaves_the_letter_as_sent(
    database, actor, documents, dossiers, meetings_service, council
) -> None:
    meeting_id = _invited(meetings_service, council, -8)
    secret = _secret(database, actor, meeting_id)
    with database.transaction() as session:  # as it was sent: the item on the first letter
        session.get(models.Meeting, meeting_id).invitation_agenda_changed_on = None
    sent = _row(database, meeting_id).invitation_sent_on

    AgendaService(database, actor).update(replace(secret, presenter="Vergabestelle der Stadt"))

    assert _row(database, meeting_id).invitation_agenda_changed_on is None
    letter = pdf_text(documents.invitation_pdf(meeting_id).pdf)
    assert "Geänderte" not in letter and f"{_today():%d.%m.%Y}" not in letter
    assert f"{sent:%d.%m.%Y}" in letter
    assert meetings_service.get(meeting_id).letter_name() == "Einladung"
    meeting = meetings_service.get(meeting_id)
    meetings_service.change_state(meeting_id, meeting.version, MeetingState.HELD)
    for public in (False, True):
        pack = pdf_text(dossiers.dossier_pdf(meeting_id, public=public).pdf)
        cover = pack.split("Seite 1 von")[0]
        assert f"versandt am {sent:%d.%m.%Y}" in cover
        assert "geändert" not in cover.casefold() and "Geänderte" not in pack


def test_a_changed_letter_recorded_after_the_day_is_not_the_letter(
    database, actor, documents, dossiers, meetings_service, council
) -> None:
    """Databases that recorded such a change before keep the letter as sent."""
    meeting_id = _invited(meetings_service, council, -8)
    with database.transaction() as session:
        session.get(models.Meeting, meeting_id).invitation_agenda_changed_on = _today()

    letter = pdf_text(documents.invitation_pdf(meeting_id).pdf)

    assert "Geänderte" not in letter and f"{_today():%d.%m.%Y}" not in letter
    assert meetings_service.get(meeting_id).letter_name() == "Einladung"
    assert meetings_service.list(council.id)[0].letter_name() == "Einladung"


def test_a_change_up_to_the_day_still_makes_a_changed_letter(
    database, actor, documents, meetings_service, council
) -> None:
    meeting_id = _invited(meetings_service, council, 0)  # today, the meeting's day
    meeting = meetings_service.get(meeting_id)

    meetings_service.update(meeting_id, meeting.version, replace(meeting.draft(), room="Saal 2"))
    _secret(database, actor, meeting_id)

    row = _row(database, meeting_id)
    assert (row.invitation_changed_on, row.invitation_agenda_changed_on) == (_today(), _today())
    letter = pdf_text(documents.invitation_pdf(meeting_id).pdf)
    assert "Geänderte Einladung und Tagesordnung zur 1. Sitzung" in letter


def test_a_room_corrected_after_the_day_keeps_the_earlier_change(
    database, actor, documents, meetings_service, council
) -> None:
    meeting_id = _invited(meetings_service, council, -8)
    earlier = _today() - timedelta(days=10)
    with database.transaction() as session:  # the agenda changed before the meeting
        session.get(models.Meeting, meeting_id).invitation_agenda_changed_on = earlier
    meeting = meetings_service.get(meeting_id)

    meetings_service.update(meeting_id, meeting.version, replace(meeting.draft(), room="Saal 2"))
    _secret(database, actor, meeting_id)

    row = _row(database, meeting_id)
    assert (row.invitation_changed_on, row.invitation_agenda_changed_on) == (None, earlier)
    letter = pdf_text(documents.invitation_pdf(meeting_id).pdf)
    assert "Geänderte Tagesordnung zur 1. Sitzung" in letter
    assert f"{earlier:%d.%m.%Y}" in letter and "Zeit oder Ort" not in letter
