"""Whether a change of agenda items may be made (:mod:`expertenrat.services.agenda`): what
the meeting's state allows of it, and whether a newly linked project may be linked."""

from __future__ import annotations

from enum import Enum, auto

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.services.agenda_changes import short_title
from expertenrat.services.agenda_rows import MeetingItems
from expertenrat.services.urgent_items import order_refusal, urgent_refusal
from expertenrat.store import models


class ItemChange(Enum):
    """What a change does to agenda items, for :func:`refuse_unless_allowed`."""

    TITLE = auto()  # corrects the title alone (a held meeting's agenda allows that)
    CONTENT = auto()  # changes more than the title
    DELETION = auto()  # deletes the items


def refuse_unless_allowed(
    session: Session, found: MeetingItems, rows: list[models.AgendaItem], change: ItemChange
) -> None:
    """Refuse ``change`` of ``rows`` where the meeting's state does not allow it. Urgent
    items change while the held meeting's minutes are an open draft; after that a change
    of them beyond the title is refused with the reason (a finished or a sent draft)."""
    title_only = change is ItemChange.TITLE
    if all(r.urgent for r in rows):
        refusal = urgent_refusal(session, found.meeting)
        if refusal is None:  # the minutes are an open draft
            return
        if not title_only and found.meeting.state == MeetingState.HELD.value:
            raise ValidationError([FieldProblem("agenda", refusal)])
    found.refuse_unless_allowed(
        title_only=title_only, open_order=order_refusal(session, found.meeting) is None
    )


def check_project(
    session: Session, found: MeetingItems, project_id: int | None, linked: int | None
) -> None:
    """A newly linked project must be one of the council's projects and not deleted."""
    if project_id is None or project_id == linked:
        return
    # Kept (a key-share lock) until the link is committed: a deletion on another PC waits.
    project = session.get(
        models.Project, project_id, with_for_update={"read": True, "key_share": True}
    )
    if project is None:  # deleted meanwhile (perhaps on another PC)
        message = "Das gewählte Projekt gibt es nicht mehr. Vielleicht wurde es gelöscht."
    elif project.council_id != found.meeting.council_id:
        message = "Das gewählte Projekt gibt es in diesem Gremium nicht."
    elif project.deleted_at is not None:
        message = (
            f"Das Projekt „{short_title(project.title)}“ wurde gelöscht und kann nicht mehr "
            "verknüpft werden."
        )
    else:
        return
    raise ValidationError([FieldProblem("project_id", message)])
