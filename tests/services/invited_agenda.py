"""An invited meeting with public and non-public items, for the tests of its changed letters."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.meetings import MeetingsService

BERLIN = ZoneInfo("Europe/Berlin")
CONSULTATION = AgendaItemKind.CONSULTATION


ITEMS = (
    ("Bericht der Geschäftsstelle", True),
    ("Datenstrategie", True),
    ("Stellenbesetzung", False),
    ("Vergabe Sensorik", False),
)


def invite_with_items(
    meetings: MeetingsService,
    agenda: AgendaService,
    council_id: int,
    items: tuple[tuple[str, bool], ...] = ITEMS,
) -> int:
    """A meeting three weeks ahead with the standard items and ``items`` (title, public;
    by default public "Bericht der Geschäftsstelle" and "Datenstrategie", non-public
    "Stellenbesetzung" and "Vergabe Sensorik"), invited the day before yesterday."""
    today = datetime.now(BERLIN).date()
    start = datetime.combine(today + timedelta(days=21), datetime.min.time(), BERLIN)
    start = start.replace(hour=16)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings.create(council_id, draft)
    for title, public in items:
        agenda.add(meeting_id, AgendaItem(0, title, kind=CONSULTATION, public=public))
    version = meetings.get(meeting_id).version
    meetings.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=today - timedelta(days=2)
    )
    return meeting_id
