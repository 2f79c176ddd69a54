"""The approval of minutes that a held meeting put off ("vertagt", "abgesetzt") goes on the
agenda of the next planned or invited meeting, as the minutes' circulation puts it there
(:func:`~expertenrat.services.minutes_approval_agenda.add_approval_item`, its audit entry
included): a postponed item comes back at the next meeting. Setting the outcome back to
"beraten" removes nothing (it says the item stays): the minutes are still not approved,
and approving them takes the item off a later agenda where nobody worked on it
(:func:`~expertenrat.services.minutes_approval_agenda.settle_approval_items`). With no
meeting planned yet, the one created next names them
(:func:`~expertenrat.services.minutes_approval_agenda.name_waiting_approvals`)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState, MinutesState
from expertenrat.services import agenda_rows
from expertenrat.services.approval_meetings import earlier_held, later_meetings
from expertenrat.services.approval_put_off import put_off_minutes
from expertenrat.services.approval_titles import approval_prefix
from expertenrat.services.minutes_approval_agenda import add_approval_item
from expertenrat.services.minutes_approval_rows import practice, versions
from expertenrat.store import models


def put_off_ids(session: Session, meeting: models.Meeting) -> set[int]:
    """The meetings whose minutes ``meeting`` puts off now (:func:`put_off_minutes`)."""
    return {m.id for m in put_off_minutes(session, meeting)}


def carry_put_off_approvals(
    session: Session, meeting: models.Meeting, before: Collection[int], actor: str
) -> str:
    """``meeting`` changed what became of its items: the approval of minutes it puts off
    now and did not before (``before``: :func:`put_off_ids` then), not approved yet, goes
    on the next planned or invited agenda after it; of minutes it no longer puts off, an
    item approving them there stays and is named. Returns German notes of what happened
    ("" for none)."""
    notes = []
    now = put_off_minutes(session, meeting)
    for approved in now:
        if approved.id not in before and not _approved(session, approved):
            notes.append(
                add_approval_item(
                    session, approved, practice(session, approved), actor, after=meeting
                )
            )
    taken_back = set(before) - {m.id for m in now}
    for approved in earlier_held(session, meeting):
        if approved.id in taken_back and not _approved(session, approved):
            notes.append(_still_carried(session, meeting, approved))
    return "\n\n".join(note for note in notes if note)


def _approved(session: Session, meeting: models.Meeting) -> bool:
    stored = versions(session, meeting.id)
    return bool(stored) and stored[-1].state == MinutesState.APPROVED.value


def _still_carried(session: Session, meeting: models.Meeting, approved: models.Meeting) -> str:
    """ "TOP 4 „Genehmigung des Protokolls der 5. Sitzung“ bleibt auf der Tagesordnung der
    7. Sitzung, solange das Protokoll nicht genehmigt ist.": the item approving
    ``approved``'s minutes on the next planned or invited agenda after ``meeting``, which
    deals with them after all ("" where there is none)."""
    following = later_meetings(session, meeting, (MeetingState.PLANNED, MeetingState.INVITED))
    if not following:
        return ""
    item = session.scalars(
        select(models.AgendaItem)
        .where(
            models.AgendaItem.meeting_id == following[0].id,
            models.AgendaItem.deleted_at.is_(None),
            models.AgendaItem.title.startswith(approval_prefix(approved), autoescape=True),
        )
        .order_by(models.AgendaItem.id)
    ).first()
    if item is None:
        return ""
    return (
        f"TOP {item.number} „{item.title}“ bleibt auf der Tagesordnung "
        f"{agenda_rows.meeting_name(following[0])}, solange das Protokoll nicht genehmigt ist."
    )
