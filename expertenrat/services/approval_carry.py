"""The approval of minutes that a held meeting put off ("vertagt", "abgesetzt") goes on the
agenda of the next planned or invited meeting, as the minutes' circulation puts it there
(:func:`~expertenrat.services.minutes_approval_agenda.add_approval_item`, its audit entry
included): a postponed item comes back at the next meeting. Setting the outcome back to
"beraten" removes nothing: the minutes are still not approved, and approving them takes
the item off a later agenda where nobody worked on it
(:func:`~expertenrat.services.minutes_approval_agenda.settle_approval_items`). With no
meeting planned yet, the one created next names them
(:func:`~expertenrat.services.minutes_approval_agenda.name_waiting_approvals`)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MinutesState
from expertenrat.services.approval_put_off import put_off_minutes
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
    on the next planned or invited agenda after it. Returns German notes of what happened
    ("" for none)."""
    notes = []
    for approved in put_off_minutes(session, meeting):
        stored = versions(session, approved.id)
        if approved.id in before or (stored and stored[-1].state == MinutesState.APPROVED.value):
            continue
        notes.append(
            add_approval_item(session, approved, practice(session, approved), actor, after=meeting)
        )
    return "\n\n".join(notes)
