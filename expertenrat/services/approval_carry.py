"""The approval of minutes carried on to the next planned or invited meeting, as the
minutes' circulation puts it there
(:func:`~expertenrat.services.minutes_approval_agenda.add_approval_item`, its audit entry
included): minutes whose approval a held meeting put off ("vertagt", "abgesetzt"), as a
postponed item comes back at the next meeting; those a cancelled or deleted meeting's
agenda named (:func:`carry_approvals_on`); and, with no meeting planned yet, the one
created next names them (:func:`name_waiting_approvals`). Setting the outcome back to
"beraten" removes nothing (it says the item stays): the minutes are still not approved,
and approving them takes the item off a later agenda where nobody worked on it
(:func:`~expertenrat.services.minutes_approval_agenda.settle_approval_items`)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemKind, MeetingState, MinutesApproval, MinutesState
from expertenrat.services import agenda_rows
from expertenrat.services.approval_meetings import earlier_held, later_meetings
from expertenrat.services.approval_put_off import put_off_in, put_off_minutes
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


def name_waiting_approvals(session: Session, meeting: models.Meeting, actor: str) -> None:
    """``meeting`` was just created: the approval of earlier minutes not approved yet that
    were circulated, or whose approval a meeting held since put off ("vertagt",
    "abgesetzt"), goes on its agenda (:func:`add_approval_item`: its generic "… der letzten
    Sitzung" is renamed for the last held meeting's) where it is the next planned or
    invited meeting after them and no later one carries that approval already
    (circulating or putting it off put it on the meeting that was next then): never two
    items approving the same minutes."""
    council = session.get(models.Council, meeting.council_id)
    earlier = earlier_held(session, meeting)
    put_off = put_off_in(session, earlier)
    for held in earlier:
        stored = versions(session, held.id)
        circulated = any(v.state == MinutesState.CIRCULATED.value for v in stored)
        if not (circulated or held.id in put_off) or (
            stored and stored[-1].state == MinutesState.APPROVED.value
        ):
            continue
        following = later_meetings(session, held, (MeetingState.PLANNED, MeetingState.INVITED))
        if following[0].id != meeting.id:  # ``meeting`` is one of them
            continue
        prefix = approval_prefix(held)
        carried = session.scalar(
            select(models.AgendaItem.id).where(
                models.AgendaItem.meeting_id.in_([m.id for m in following[1:]]),
                models.AgendaItem.deleted_at.is_(None),
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
                models.AgendaItem.title.startswith(prefix, autoescape=True),
            )
        )
        if carried is None:
            add_approval_item(session, held, MinutesApproval(council.minutes_approval), actor)


def carry_approvals_on(session: Session, cancelled: models.Meeting, actor: str) -> None:
    """``cancelled`` is called off (or deleted): the approvals of earlier minutes its agenda named
    ("Genehmigung des Protokolls der 5. Sitzung") and that are not approved yet go to the
    next planned or invited meeting (:func:`add_approval_item`: its generic "… der letzten
    Sitzung" is renamed, else an item is added), which would otherwise leave them out or
    name the cancelled meeting as "der letzten Sitzung"."""
    titles = list(
        session.scalars(
            select(models.AgendaItem.title).where(
                models.AgendaItem.meeting_id == cancelled.id,
                models.AgendaItem.deleted_at.is_(None),
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
            )
        )
    )
    if not titles:
        return
    council = session.get(models.Council, cancelled.council_id)
    earlier = earlier_held(session, cancelled)
    for meeting in earlier:
        prefix = approval_prefix(meeting)
        if not any(t.startswith(prefix) for t in titles):
            continue
        stored = versions(session, meeting.id)
        if stored and stored[-1].state != MinutesState.APPROVED.value:
            add_approval_item(session, meeting, MinutesApproval(council.minutes_approval), actor)
