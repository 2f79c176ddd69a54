"""The council's other meetings an approval of minutes involves: the held ones before a
meeting, whose minutes its agenda may approve, the planned, invited or held ones after it,
and the agenda items approving earlier minutes."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemKind, MeetingState
from expertenrat.store import models


def later_meetings(
    session: Session, meeting: models.Meeting, states: tuple[MeetingState, ...]
) -> list[models.Meeting]:
    """The council's meetings after ``meeting`` in ``states``, in order of their start."""
    return list(
        session.scalars(
            select(models.Meeting)
            .where(
                models.Meeting.council_id == meeting.council_id,
                models.Meeting.deleted_at.is_(None),
                models.Meeting.starts_at > meeting.starts_at,
                models.Meeting.state.in_([s.value for s in states]),
            )
            .order_by(models.Meeting.starts_at, models.Meeting.id)
        )
    )


def earlier_held(session: Session, meeting: models.Meeting) -> list[models.Meeting]:
    """The council's held meetings before ``meeting``, in order of their start: those whose
    minutes its agenda may approve."""
    return list(
        session.scalars(
            earlier_held_query(meeting).order_by(models.Meeting.starts_at, models.Meeting.id)
        )
    )


def earlier_held_query(meeting: models.Meeting) -> Select[tuple[models.Meeting]]:
    """The council's held meetings (not deleted) before ``meeting``, unordered."""
    return select(models.Meeting).where(
        models.Meeting.council_id == meeting.council_id,
        models.Meeting.deleted_at.is_(None),
        models.Meeting.state == MeetingState.HELD.value,
        models.Meeting.starts_at < meeting.starts_at,
    )


def approval_item_id(session: Session, meeting_id: int) -> int | None:
    """The meeting's (first) agenda item approving earlier minutes, if it has one."""
    return approval_item_ids(session, [meeting_id]).get(meeting_id)


def approval_item_ids(session: Session, meeting_ids: Collection[int]) -> dict[int, int]:
    """:func:`approval_item_id` of those of the meetings that have one, by meeting id."""
    return dict(
        session.execute(
            select(models.AgendaItem.meeting_id, func.min(models.AgendaItem.id))
            .where(
                models.AgendaItem.meeting_id.in_(meeting_ids),
                models.AgendaItem.deleted_at.is_(None),
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
            )
            .group_by(models.AgendaItem.meeting_id)
        ).all()
    )
