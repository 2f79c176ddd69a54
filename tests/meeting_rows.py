"""Meetings with agenda items and projects for the attendance and conflicts tests.

Meetings go through the meetings service; agenda items and projects are written through a
Session until the agenda and projects services are on main.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.meetings import MeetingsService
from expertenrat.store import models
from expertenrat.store.database import Database

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class MeetingRows:
    meeting_id: int
    item_ids: list[int]  # in agenda order
    project_id: int | None


def add_meeting(
    database: Database,
    council_id: int,
    *,
    starts_at: datetime = datetime(2026, 3, 10, 16, 0),
    titles: tuple[str, ...] = ("Eröffnung", "Bericht", "Beratung", "Verschiedenes"),
    partners: tuple[str, ...] = (),
    project_item: int | None = None,
) -> MeetingRows:
    """A planned meeting (wall-clock ``starts_at`` in Berlin, two hours) with top-level items
    ``titles`` instead of the standard opening items; with ``partners``, a project having
    them, linked to the item at index ``project_item`` (default: the third)."""
    start = starts_at.replace(tzinfo=BERLIN)
    meeting_id = MeetingsService(database, "tester").create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    clear_agenda(database, meeting_id)
    with database.transaction() as session:
        project = None
        if partners:
            project = models.Project(council_id=council_id, title="Urbane Datenplattform")
            project.partners = [
                models.ProjectPartner(name=name, position=i) for i, name in enumerate(partners)
            ]
            session.add(project)
            session.flush()
        linked = 2 if project_item is None else project_item
        items = [
            models.AgendaItem(
                meeting_id=meeting_id,
                number=str(i + 1),
                position=i,
                title=title,
                project_id=project.id if project is not None and i == linked else None,
            )
            for i, title in enumerate(titles)
        ]
        session.add_all(items)
        session.flush()
        return MeetingRows(meeting_id, [i.id for i in items], project.id if project else None)


def clear_agenda(database: Database, meeting_id: int) -> None:
    """Remove the items a new meeting starts with (the standard opening items), for tests
    that build an agenda from nothing; the audit trail keeps only their creation."""
    with database.transaction() as session:
        session.execute(delete(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting_id))


def cancel(database: Database, meeting_id: int) -> None:
    service = MeetingsService(database, "tester")
    version = service.get(meeting_id).version
    service.change_state(meeting_id, version, MeetingState.CANCELLED, "Krankheit")
