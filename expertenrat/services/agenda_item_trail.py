"""The audit trail's entries of agenda items that replaying a meeting's agenda since an
entry reads (:mod:`expertenrat.services.invitation_trail`): its own items' and those of the
items deleted from it, not every entry of its council since."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, true
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_since import ItemEntry
from expertenrat.domain.enums import AuditAction
from expertenrat.store import models


def item_entries(
    session: Session,
    meetings: list[models.Meeting],
    items: Sequence[models.AgendaItem],
    after_id: int,
) -> list[tuple[int, ItemEntry]]:
    """The entries of agenda items in the councils of ``meetings`` after entry ``after_id``
    that the replays read, oldest first, each with its id: those of the ``items`` now and
    of the items deleted from one of ``meetings`` since (a removed item's earlier entries
    too), and the standard items created at once for one. An other item's entries change
    nothing the replays give, so an old meeting's minutes do not read every entry of its
    council since (tens of thousands after years; found by review)."""
    audit = models.AuditEntry
    since = (
        audit.entity == "agenda_item",
        audit.id > after_id,
        audit.council_id.in_({m.council_id for m in meetings}),
    )
    deleted = select(audit.entity_id).where(
        *since, audit.action == AuditAction.DELETE.value, _naming(audit.before, meetings)
    )
    rows = session.execute(
        select(audit.id, audit.before, audit.after, audit.action, audit.entity_id)
        .where(
            *since,
            or_(
                audit.entity_id.in_({i.id for i in items}),
                audit.entity_id.in_(deleted.scalar_subquery()),
                and_(
                    audit.entity_id.is_(None),
                    audit.action == AuditAction.CREATE.value,
                    _naming(audit.after, meetings),
                ),
            ),
        )
        .order_by(audit.id)
    ).all()
    return [
        (entry_id, ItemEntry(AuditAction(action), entity_id, _json(before), _json(after)))
        for entry_id, before, after, action, entity_id in rows
    ]


_NAMED_MEETINGS = 20
"""Up to how many meetings :func:`_naming` looks for each in an entry's text; for more (the
documents of a whole list) it lets every entry pass: each name is a few LIKE terms, and
SQLite parses no expression deeper than 1000 terms."""


def _naming(column: Any, meetings: list[models.Meeting]) -> ColumnElement[bool]:
    """Whether the JSON text in ``column`` may name one of ``meetings`` as its
    ``meeting_id``: true for every text that does (with or without the space the trail
    writes after the colon; ``_`` in a LIKE pattern matches any character: true for a few
    more, which the replays pass over), so that the database, not Python, leaves the others
    out; true for all for many meetings (:data:`_NAMED_MEETINGS`)."""
    if len(meetings) > _NAMED_MEETINGS:
        return true()
    return or_(
        *(
            column.like(f'%"meeting_id":{space}{m.id}{end}%')
            for m in meetings
            for space in (" ", "")
            for end in (",", "}")
        )
    )


def _json(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}
