"""Meetings with agenda items and projects written through a Session, for the attendance and
conflicts tests (until the meetings and agenda services are on main)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from expertenrat.store import models
from expertenrat.store.database import Database


@dataclass(frozen=True)
class MeetingRows:
    meeting_id: int
    item_ids: list[int]  # in agenda order
    project_id: int | None


def add_meeting(
    database: Database,
    council_id: int,
    *,
    number: int = 1,
    starts_at: datetime = datetime(2026, 3, 10, 16, 0),
    state: str = "planned",
    titles: tuple[str, ...] = ("Eröffnung", "Bericht", "Beratung", "Verschiedenes"),
    partners: tuple[str, ...] = (),
    project_item: int | None = None,
) -> MeetingRows:
    """A meeting with top-level items ``titles``; with ``partners``, a project having them,
    linked to the item at index ``project_item`` (default: the third)."""
    with database.transaction() as session:
        meeting = models.Meeting(
            council_id=council_id, number=number, starts_at=starts_at, state=state
        )
        session.add(meeting)
        session.flush()
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
                meeting_id=meeting.id,
                number=str(i + 1),
                position=i,
                title=title,
                project_id=project.id if project is not None and i == linked else None,
            )
            for i, title in enumerate(titles)
        ]
        session.add_all(items)
        session.flush()
        return MeetingRows(meeting.id, [i.id for i in items], project.id if project else None)


def set_state(database: Database, meeting_id: int, state: str) -> None:
    with database.transaction() as session:
        meeting = session.get(models.Meeting, meeting_id)
        meeting.state = state
        if state == "cancelled":
            meeting.cancellation_reason = "Krankheit"
