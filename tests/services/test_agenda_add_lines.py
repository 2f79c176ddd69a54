"""An agenda pasted whole into one item's title, taken as its items (found by a tester: it
became the one title "Begrüßung 2. Genehmigung …"): on SQLite and PostgreSQL, in one
transaction, refused as adding items is."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from meeting_rows import clear_agenda
from minutes_rows import approve as approve_stored
from minutes_setup import held_minutes

from expertenrat.domain.agenda import AgendaItem, numbers
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
LINES = ["Begrüßung", "Genehmigung der Tagesordnung", "Bericht der Geschäftsstelle"]


@pytest.fixture
def agenda_service(database, actor) -> AgendaService:
    return AgendaService(database, actor)


@pytest.fixture
def meeting(database, council, meetings_service, agenda_service) -> int:
    """A planned meeting with "A", "Neuer Tagesordnungspunkt" (a sub-item "A.1") and "B"."""
    start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    clear_agenda(database, meeting_id)
    for title in ("A", "Neuer Tagesordnungspunkt", "B"):
        agenda_service.add(meeting_id, AgendaItem(0, title))
    new = _item(agenda_service.agenda(meeting_id), "Neuer Tagesordnungspunkt")
    agenda_service.add(meeting_id, AgendaItem(0, "A.1"), new.key)
    return meeting_id


def _item(agenda, title: str) -> AgendaItem:
    return next(i for i in agenda.items if i.title == title)


def _titles(agenda) -> dict[str, str]:
    by_key = {i.key: i.title for i in agenda.items}
    return {number: by_key[key] for key, number in numbers(agenda.items).items()}


def test_the_item_takes_the_first_line_and_the_others_follow_it(agenda_service, meeting):
    item = _item(agenda_service.agenda(meeting), "Neuer Tagesordnungspunkt")

    agenda = agenda_service.add_lines(item.key, item.version, LINES)

    assert _titles(agenda) == {
        "1": "A",
        "2": "Begrüßung",
        "2.1": "A.1",
        "3": "Genehmigung der Tagesordnung",
        "4": "Bericht der Geschäftsstelle",
        "5": "B",
    }
    added = _item(agenda, "Bericht der Geschäftsstelle")
    assert added.kind is AgendaItemKind.REPORT
    assert _item(agenda, "Begrüßung").key == item.key  # its minutes, attendance stay


def test_a_title_too_long_adds_nothing(agenda_service, meeting):
    before = agenda_service.agenda(meeting)
    item = _item(before, "Neuer Tagesordnungspunkt")

    with pytest.raises(ValidationError):
        agenda_service.add_lines(item.key, item.version, ["Begrüßung", "x" * 5000])

    assert _titles(agenda_service.agenda(meeting)) == _titles(before)


def test_a_held_meeting_s_agenda_takes_no_lines(agenda_service, meeting, database):
    item = _item(agenda_service.agenda(meeting), "Neuer Tagesordnungspunkt")
    with database.transaction() as session:
        session.get(models.Meeting, meeting).state = MeetingState.HELD.value

    with pytest.raises(ValidationError, match="durchgeführt"):
        agenda_service.add_lines(item.key, item.version, LINES)

    assert "Begrüßung" not in _titles(agenda_service.agenda(meeting)).values()


def test_approved_minutes_keep_their_agenda(agenda_service, database, council, fields):
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approve_stored(database, minutes.meeting_id)
    item = agenda_service.agenda(minutes.meeting_id).items[0]

    with pytest.raises(ExpertenratError, match="genehmigt"):
        agenda_service.add_lines(item.key, item.version, LINES)
