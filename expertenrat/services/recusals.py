"""Who is recused at which agenda item: the item's own decisions, and the recusals carried
from the items above it about the same project (``domain.conflict_sheet.recusal_sources``).

Every reader of recusals goes through :func:`held_recusals`: the conflicts tab, the quorum
per item, the votes' limits, the minutes, the run sheet and the OParl export.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from expertenrat.domain.conflict_sheet import ItemLink, recusal_sources
from expertenrat.domain.enums import ConflictDecision
from expertenrat.store import models


def held_recusals(
    session: Session, item_ids: Collection[int]
) -> dict[int, list[models.ConflictOfInterest]]:
    """The recused decisions that hold at each of ``item_ids`` (items without any left
    out): the item's own, then those of the items above it about the same project for
    members without a decision at the item or an item nearer to it. A carried row keeps
    its own ``agenda_item_id``, the item it was decided at."""
    if not item_ids:
        return {}
    meeting_ids = select(models.AgendaItem.meeting_id).where(models.AgendaItem.id.in_(item_ids))
    return _held(session, meeting_ids, item_ids)


def council_recusals(
    session: Session, council_id: int
) -> dict[int, list[models.ConflictOfInterest]]:
    """:func:`held_recusals` at every agenda item (not deleted) of the council's meetings,
    selected in the database by the council: no list of the item ids goes to it, however
    many there are (SQLite takes only so many bound values)."""
    meeting_ids = select(models.Meeting.id).where(models.Meeting.council_id == council_id)
    return _held(session, meeting_ids, None)


def meetings_recusals(
    session: Session, meeting_ids: Collection[int]
) -> dict[int, list[models.ConflictOfInterest]]:
    """:func:`held_recusals` at every agenda item (not deleted) of the meetings."""
    if not meeting_ids:
        return {}
    return _held(session, select(models.Meeting.id).where(models.Meeting.id.in_(meeting_ids)), None)


def agenda_recusals(
    session: Session,
    meeting_id: int,
    agenda: Iterable[models.AgendaItem],
    recorded: Sequence[models.ConflictOfInterest] | None = None,
) -> dict[int, list[models.ConflictOfInterest]]:
    """:func:`meetings_recusals` of one meeting whose ``agenda`` (its items not deleted) the
    caller has read: their links are not read again, nor the conflicts ``recorded`` at
    those items (in the order of their ids) where the caller has them."""
    links = [ItemLink(row.id, row.parent_id, row.project_id) for row in agenda]
    meeting = select(models.Meeting.id).where(models.Meeting.id == meeting_id)
    return _held(session, meeting, None, links, recorded)


def _held(
    session: Session,
    meeting_ids: Select,
    item_ids: Collection[int] | None,
    links: list[ItemLink] | None = None,
    recorded: Sequence[models.ConflictOfInterest] | None = None,
) -> dict[int, list[models.ConflictOfInterest]]:
    """:func:`held_recusals` at ``item_ids`` (all items of the meetings if None) of the
    meetings ``meeting_ids`` selects; ``links``: those of their items, and ``recorded``
    the conflicts at them (by id), where the caller has them."""
    if links is None:
        links = [
            ItemLink(*link)
            for link in session.execute(
                select(
                    models.AgendaItem.id, models.AgendaItem.parent_id, models.AgendaItem.project_id
                ).where(
                    models.AgendaItem.meeting_id.in_(meeting_ids),
                    models.AgendaItem.deleted_at.is_(None),
                )
            )
        ]
    if item_ids is None:
        item_ids = [link.id for link in links]
    sources = recusal_sources(links)
    wanted = set(item_ids).union(*(sources.get(i, ()) for i in item_ids))
    by_item: dict[int, list[models.ConflictOfInterest]] = {}
    if recorded is None:
        recorded = session.scalars(
            select(models.ConflictOfInterest)
            .join(
                models.AgendaItem, models.AgendaItem.id == models.ConflictOfInterest.agenda_item_id
            )
            .where(models.AgendaItem.meeting_id.in_(meeting_ids))
            .order_by(models.ConflictOfInterest.id)
        ).all()
    for row in recorded:
        if row.agenda_item_id in wanted:
            by_item.setdefault(row.agenda_item_id, []).append(row)
    held: dict[int, list[models.ConflictOfInterest]] = {}
    for item_id in item_ids:
        decided: set[int] = set()
        found = []
        for source in (item_id, *sources.get(item_id, ())):
            for row in by_item.get(source, ()):
                if row.membership_id in decided:
                    continue
                decided.add(row.membership_id)
                if row.decision == ConflictDecision.RECUSED.value:
                    found.append(row)
        if found:
            held[item_id] = found
    return held
