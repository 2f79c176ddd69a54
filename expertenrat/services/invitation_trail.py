"""What changed since the invitation of a meeting, read back from the audit trail: time,
place and link (:func:`moved_parts`) and the agenda's new and dropped items
(:func:`agenda_since`), for the changed letter ("Geänderte Einladung", "Geänderte
Tagesordnung").

The invitation is the trail's last entry that made the meeting "eingeladen". A meeting
whose trail does not hold it (invited before the trail did, or its entries removed) gets
nothing: what changed since is not known, and the letter does not guess.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingState
from expertenrat.domain.meeting_documents import DroppedItem
from expertenrat.services.audit import snapshot
from expertenrat.store import models

_MOVABLE = {
    "starts_at": "time",
    "ends_at": "time",
    "place": "place",
    "room": "place",
    "online_link": "link",
}


@dataclass(frozen=True, slots=True)
class _Entry:
    id: int
    at: datetime
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(frozen=True, slots=True)
class AgendaSince:
    """The agenda items added since the invitation (by id) and those it listed that are
    gone (in the order they were removed)."""

    new: frozenset[int] = frozenset()
    dropped: tuple[DroppedItem, ...] = ()


def moved_parts(session: Session, meetings: list[models.Meeting]) -> dict[int, tuple[str, ...]]:
    """What of time, place and link differs from the last invitation of each of ``meetings``
    (the values then: the first change of each field after it holds the field's value at
    the invitation; ``()`` where all are as then again); nothing for a meeting whose
    invitation the trail does not hold (not known)."""
    found = {}
    for meeting, trail in _trails(session, meetings).items():
        invitation = _invitation(trail)
        if invitation is None:
            continue
        then: dict = {}
        for entry in trail[invitation + 1 :]:
            for key in _MOVABLE:
                if key in entry.before and key not in then:
                    then[key] = entry.before[key]
        now = snapshot(meeting)
        parts = {_MOVABLE[key] for key, value in then.items() if value != now.get(key)}
        found[meeting.id] = tuple(p for p in ("time", "place", "link") if p in parts)
    return found


def agenda_since(
    session: Session, meetings: list[models.Meeting], items: list[models.AgendaItem]
) -> dict[int, AgendaSince]:
    """For each of ``meetings`` whose invitation the trail holds: its ``items`` added since
    (created after it) and the items deleted since that were there at the invitation. A
    dropped item is public only where it and the item above it were (a part of a deleted
    tree, or one under an item gone too, counts as non-public: the public letter never
    names what it cannot tell was public)."""
    invited = {
        meeting.id: trail[index]
        for meeting, trail in _trails(session, meetings).items()
        if (index := _invitation(trail)) is not None
    }
    if not invited:
        return {}
    deletions, creations = _item_entries(session, meetings, min(e.id for e in invited.values()))
    public = {i.id: i.public for i in items}
    found = {}
    for meeting_id, invitation in invited.items():
        added = {e.before.get("id") for e in creations if e.id > invitation.id}
        dropped = [
            e.before
            for e in deletions
            if e.id > invitation.id
            and e.before.get("meeting_id") == meeting_id
            and e.before.get("id") not in added
        ]
        found[meeting_id] = AgendaSince(
            new=frozenset(
                i.id for i in items if i.meeting_id == meeting_id and i.created > invitation.at
            ),
            dropped=tuple(
                DroppedItem(
                    str(d.get("title", "")),
                    bool(d.get("public"))
                    and (d.get("parent_id") is None or public.get(d["parent_id"], False)),
                )
                for d in dropped
            ),
        )
    return found


def _trails(session: Session, meetings: list[models.Meeting]) -> dict[models.Meeting, list[_Entry]]:
    """The audit trail of each of ``meetings``, oldest first."""
    if not meetings:
        return {}
    audit = models.AuditEntry
    rows = session.execute(
        select(audit.entity_id, audit.id, audit.at, audit.before, audit.after)
        .where(audit.entity == "meeting", audit.entity_id.in_([m.id for m in meetings]))
        .order_by(audit.id)
    ).all()
    trails: dict[int, list[_Entry]] = {}
    for meeting_id, *entry in rows:
        trails.setdefault(meeting_id, []).append(_entry(*entry))
    return {m: trails.get(m.id, []) for m in meetings}


def _invitation(trail: list[_Entry]) -> int | None:
    """Where in ``trail`` the last entry is that made the meeting "eingeladen"; ``None``
    where there is none."""
    invited = MeetingState.INVITED.value
    marks = [
        i
        for i, e in enumerate(trail)
        if e.after.get("state") == invited and e.before.get("state") != invited
    ]
    return marks[-1] if marks else None


def _item_entries(
    session: Session, meetings: list[models.Meeting], after_id: int
) -> tuple[list[_Entry], list[_Entry]]:
    """The deletions (with the item's fields before) and creations (the item's id as
    ``before["id"]``) of agenda items in the councils of ``meetings`` after entry
    ``after_id``, oldest first."""
    audit = models.AuditEntry
    rows = session.execute(
        select(audit.id, audit.at, audit.before, audit.after, audit.action, audit.entity_id)
        .where(
            audit.entity == "agenda_item",
            audit.id > after_id,
            audit.council_id.in_({m.council_id for m in meetings}),
            audit.action.in_([AuditAction.DELETE.value, AuditAction.CREATE.value]),
        )
        .order_by(audit.id)
    ).all()
    deletions, creations = [], []
    for entry_id, at, before, after, action, entity_id in rows:
        if action == AuditAction.DELETE.value:
            deletions.append(_entry(entry_id, at, before, after))
        else:
            creations.append(_Entry(entry_id, at, {"id": entity_id}, {}))
    return deletions, creations


def _entry(entry_id: int, at: datetime, before: str | None, after: str | None) -> _Entry:
    return _Entry(
        entry_id, at, json.loads(before) if before else {}, json.loads(after) if after else {}
    )
