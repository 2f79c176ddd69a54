"""The OParl File of an invitation says when what it shows last changed: its meeting, and
the agenda it lists, which changes without its meeting's record changing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dossier_pdfs import small_pdf
from sqlalchemy import select, update

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.context import Services
from expertenrat.store import models

BASE = "https://daten.example.de/oparl/v1"
BERLIN = ZoneInfo("Europe/Berlin")
EARLIER = datetime(2026, 1, 5, 9, 30)  # UTC, as the records keep it


def _invitation(folder, meeting_key: str) -> dict:
    """The meeting's invitation File; its ``modified`` compared as a time, not a string
    ("…09:30:00+00:00" > "…09:30:00" as strings, the same time)."""
    meeting = json.loads((folder / "meeting" / f"{meeting_key}.json").read_text("utf-8"))
    return meeting["invitation"]


def test_the_invitation_file_is_modified_when_its_agenda_changes_after_it_was_sent_again(
    database, actor, council, meetings_service, tmp_path
):
    """(found by a tester) After an agenda changed and the invitation went out again, a
    change of the agenda the meeting's record does not follow (the time plan) left the
    File modified when the meeting last changed: a client that keeps files by ``modified``
    kept the old agenda."""
    services = Services.create(database, actor)
    agenda = AgendaService(database, actor)
    today = datetime.now(BERLIN).date()
    start = datetime.combine(today + timedelta(days=21), datetime.min.time(), BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start.replace(hour=16), start.replace(hour=18))
    meeting_id = meetings_service.create(council.id, replace(draft, place="Rathaus"))
    agenda.add(meeting_id, AgendaItem(0, "Radverkehrskonzept"))
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=today - timedelta(days=2)
    )
    agenda.add(meeting_id, AgendaItem(0, "Stadtdatenplattform"))  # the agenda changed
    version = meetings_service.get(meeting_id).version
    services.meeting_documents.record_invitation_sent(meeting_id, version, today)  # sent again
    with database.transaction() as session:  # all that, an hour before what follows
        for model in (models.Council, models.Meeting, models.AgendaItem):
            session.execute(update(model).values(modified=EARLIER))
        key = session.scalar(
            select(models.Meeting.public_id).where(models.Meeting.id == meeting_id)
        )

    item = next(i for i in agenda.agenda(meeting_id).items if i.title == "Stadtdatenplattform")
    agenda.update(replace(item, planned_minutes=45))  # the time plan: 16:00, 16:45 …
    with database.reading() as session:
        changed = session.scalar(
            select(models.AgendaItem.modified).where(models.AgendaItem.id == item.key)
        )
        assert session.get(models.Meeting, meeting_id).modified == EARLIER  # untouched
    services.oparl_export.export(tmp_path / "oparl", BASE)

    invitation = _invitation(tmp_path / "oparl", key)
    assert invitation["modified"] == changed.isoformat(timespec="seconds") + "+00:00"
    assert datetime.fromisoformat(invitation["modified"]) > EARLIER.replace(tzinfo=UTC)


def test_the_invitation_file_is_modified_when_an_annex_it_lists_is_added(
    database, actor, council, meetings_service, tmp_path
):
    """The letter lists the meeting's public annexes below the agenda: one added after the
    invitation went out changes what the File shows, not the meeting's record."""
    services = Services.create(database, actor)
    today = datetime.now(BERLIN).date()
    start = datetime.combine(today + timedelta(days=21), datetime.min.time(), BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start.replace(hour=16), start.replace(hour=18))
    meeting_id = meetings_service.create(council.id, replace(draft, place="Rathaus"))
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=today - timedelta(days=2)
    )
    with database.transaction() as session:
        for model in (models.Council, models.Meeting, models.AgendaItem):
            session.execute(update(model).values(created=EARLIER, modified=EARLIER))
        key = session.scalar(
            select(models.Meeting.public_id).where(models.Meeting.id == meeting_id)
        )

    services.annexes.add(meeting_id, "Skizze.pdf", small_pdf("Skizze"))
    services.oparl_export.export(tmp_path / "oparl", BASE)

    modified = _invitation(tmp_path / "oparl", key)["modified"]
    assert datetime.fromisoformat(modified) > EARLIER.replace(tzinfo=UTC)
