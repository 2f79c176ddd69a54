"""Whether a meeting put the approval of the previous minutes off: its approval item
("Genehmigung des Protokolls der 5. Sitzung") recorded postponed ("vertagt") or taken off
the agenda ("abgesetzt"), by itself or with the item above it (the one rule of
:func:`~expertenrat.domain.agenda_outcomes.effective_outcomes`). Then the previous minutes
wait rightly: the completeness check does not hold this meeting's minutes back for them
(``services.minutes_checks``), its Feststellungen say so (``services.earlier_minutes``),
and their approval goes on the next planned agenda (``services.approval_carry``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import EllipsisType

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_outcomes import OutcomeNode, effective_outcomes
from expertenrat.domain.enums import AgendaItemKind, AgendaItemOutcome
from expertenrat.services.approval_meetings import (
    approval_item_id,
    earlier_held,
    earlier_held_query,
)
from expertenrat.services.approval_titles import approved_by
from expertenrat.store import models


def previous_held(session: Session, meeting: models.Meeting) -> models.Meeting | None:
    """The council's last held meeting before ``meeting``: whose minutes it approves."""
    return session.scalar(
        earlier_held_query(meeting).order_by(models.Meeting.starts_at.desc()).limit(1)
    )


def approval_put_off(
    session: Session,
    meeting_id: int,
    agenda: Iterable[models.AgendaItem] | None = None,
    item_id: int | EllipsisType | None = ...,
) -> AgendaItemOutcome | None:
    """What became of the meeting's approval item if the meeting did not deal with it,
    else ``None`` (dealt with, or the agenda has none). ``agenda``: the meeting's agenda
    items (not deleted), ``item_id``: its :func:`~expertenrat.services.approval_meetings.
    approval_item_id` (``None``: it has none), where the caller has read them."""
    if item_id is ...:
        item_id = approval_item_id(session, meeting_id)
    if item_id is None:
        return None
    item = models.AgendaItem
    rows = (
        agenda
        if agenda is not None
        else session.execute(
            select(item.id, item.parent_id, item.number, item.outcome).where(
                item.meeting_id == meeting_id, item.deleted_at.is_(None)
            )
        )
    )
    outcome = effective_outcomes(
        OutcomeNode(row.id, row.parent_id, row.number, AgendaItemOutcome(row.outcome))
        for row in rows
    )[item_id]
    return None if outcome.dealt_with else outcome.outcome


def put_off_minutes(session: Session, meeting: models.Meeting) -> list[models.Meeting]:
    """The earlier held meetings whose minutes an approval item of ``meeting`` put off
    ("vertagt", "abgesetzt", by itself or with the item above it; :func:`approval_outcomes`),
    in order of their start. Whether they were approved since is not asked."""
    earlier = earlier_held(session, meeting)
    put_off = approval_outcomes(session, meeting, earlier)
    return [m for m in earlier if put_off.get(m.id)]


@dataclass(frozen=True, slots=True)
class ApprovalItem:
    """An approval item of a meeting and what became of it."""

    item_id: int
    minutes_of: models.Meeting  # whose minutes it approves
    put_off: AgendaItemOutcome | None  # the item not dealt with: postponed or taken off


def approval_items(
    session: Session,
    meeting: models.Meeting,
    earlier: Sequence[models.Meeting],
    agenda: Iterable[models.AgendaItem] | None = None,
) -> list[ApprovalItem]:
    """The approval items of ``meeting`` in agenda order, with whose minutes among
    ``earlier`` (the held ones before it, in order) each approves: an item naming them
    ("Genehmigung des Protokolls der 5. Sitzung") those, any other (the standard "… der
    letzten Sitzung") the previous held meeting's, as :func:`approval_put_off` reads it.
    ``agenda``: the meeting's agenda items (not deleted), where the caller has read them."""
    if not earlier:
        return []
    item = models.AgendaItem
    rows = (
        list(agenda)
        if agenda is not None
        else session.execute(
            select(
                item.id,
                item.parent_id,
                item.number,
                item.outcome,
                item.kind,
                item.title,
                item.position,
            ).where(item.meeting_id == meeting.id, item.deleted_at.is_(None))
        ).all()
    )
    outcomes = effective_outcomes(
        OutcomeNode(row.id, row.parent_id, row.number, AgendaItemOutcome(row.outcome))
        for row in rows
    )
    return [
        ApprovalItem(
            row.id,
            approved_by(row.title, earlier),
            None if outcomes[row.id].dealt_with else outcomes[row.id].outcome,
        )
        for row in sorted(rows, key=lambda row: (row.position, row.id))  # top-level items
        if row.kind == AgendaItemKind.MINUTES_APPROVAL.value
    ]


def approval_outcomes(
    session: Session, meeting: models.Meeting, earlier: Sequence[models.Meeting]
) -> dict[int, bool]:
    """Per meeting among ``earlier`` (the held ones before ``meeting``, in order) whose
    minutes an approval item of ``meeting`` was to approve (:func:`approval_items`):
    whether one put that off."""
    found: dict[int, bool] = {}
    for approval in approval_items(session, meeting, earlier):
        target = approval.minutes_of.id
        found[target] = found.get(target, False) or approval.put_off is not None
    return found


def put_off_in(session: Session, held: Sequence[models.Meeting]) -> set[int]:
    """The ids of the meetings whose minutes the last of the ``held`` meetings (in order)
    to have an approval item for them put off: one that dealt with them after another
    put them off has the last word."""
    item = models.AgendaItem
    putting_off = set(
        session.scalars(
            select(item.meeting_id).where(
                item.meeting_id.in_([m.id for m in held]),
                item.deleted_at.is_(None),
                item.outcome != AgendaItemOutcome.DISCUSSED.value,
            )
        )
    )
    first = next((index for index, m in enumerate(held) if m.id in putting_off), len(held))
    waiting: set[int] = set()
    for index in range(first, len(held)):
        for target, put_off in approval_outcomes(session, held[index], held[:index]).items():
            if put_off:
                waiting.add(target)
            else:
                waiting.discard(target)
    return waiting
