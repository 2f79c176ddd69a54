"""Who is recused at which agenda item: the item's own decisions, and the recusals carried
from the items above it about the same project (``domain.conflict_sheet.recusal_sources``).

Every reader of recusals goes through :func:`held_recusals`: the conflicts tab, the quorum
per item, the votes' limits, the minutes, the run sheet and the OParl export.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
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
    links = session.execute(
        select(
            models.AgendaItem.id, models.AgendaItem.parent_id, models.AgendaItem.project_id
        ).where(
            models.AgendaItem.meeting_id.in_(meeting_ids), models.AgendaItem.deleted_at.is_(None)
        )
    )
    sources = recusal_sources(ItemLink(*link) for link in links)
    wanted = set(item_ids).union(*(sources.get(i, ()) for i in item_ids))
    by_item: dict[int, list[models.ConflictOfInterest]] = {}
    for row in session.scalars(
        select(models.ConflictOfInterest)
        .where(models.ConflictOfInterest.agenda_item_id.in_(wanted))
        .order_by(models.ConflictOfInterest.id)
    ):
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
