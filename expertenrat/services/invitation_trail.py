"""What changed since the invitation of a meeting, read back from the audit trail: time,
place and link (:func:`moved_parts`) and the agenda's new, dropped, renamed and moved
items (:func:`agenda_since`), for the changed letter ("Geänderte Einladung", "Geänderte
Tagesordnung"); and the order of a held meeting's items before they were moved into the
order they were taken up in (:func:`held_positions`), which its invitation keeps, and the
items so moved (:func:`held_moves`), which its minutes name.

The invitation is the trail's last entry that made the meeting "eingeladen". A meeting
whose trail does not hold it (invited before the trail did, or its entries removed) gets
nothing: what changed since is not known, and the letter does not guess.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda import PlacedItem
from expertenrat.domain.agenda_held_order import ItemPlace, MovedItem, moved_items, positions_then
from expertenrat.domain.agenda_since import AgendaSince, ItemNow
from expertenrat.domain.agenda_since import agenda_since as replayed
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_documents import DroppedItem
from expertenrat.services.agenda_item_trail import item_entries
from expertenrat.services.agenda_rows import item_of
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


def moved_parts(session: Session, meetings: list[models.Meeting]) -> dict[int, tuple[str, ...]]:
    """What of time, place and link differs from the last invitation of each of ``meetings``
    (the values then: the first change of each field after it holds the field's value at
    the invitation; ``()`` where all are as then again); nothing for a meeting whose
    invitation the trail does not hold (not known)."""
    found = {}
    for meeting, trail in _trails(session, meetings).items():
        invitation = _last_into(trail, MeetingState.INVITED)
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
    """For each of ``meetings`` whose invitation the trail holds: what of its agenda (its
    ``items`` now) changed since, replayed from the entries of agenda items after the
    invitation in the trail's order (:func:`domain.agenda_since.agenda_since`)."""
    invited = {
        meeting.id: trail[index].id
        for meeting, trail in _trails(session, meetings).items()
        if (index := _last_into(trail, MeetingState.INVITED)) is not None
    }
    return _replayed_since(session, meetings, items, invited)


def _replayed_since(
    session: Session,
    meetings: list[models.Meeting],
    items: list[models.AgendaItem],
    marks: dict[int, int],
) -> dict[int, AgendaSince]:
    """What of the agenda of each meeting in ``marks`` (by id: the id of the trail's entry
    to replay from) changed since that entry."""
    if not marks:
        return {}
    entries = item_entries(session, meetings, items, min(marks.values()))
    found = {}
    for meeting_id, mark in marks.items():
        found[meeting_id] = replayed(
            meeting_id,
            [entry for entry_id, entry in entries if entry_id > mark],
            [
                ItemNow(i.id, i.title, i.public, i.parent_id, i.presenter)
                for i in items
                if i.meeting_id == meeting_id
            ],
        )
    return found


def held_positions(
    session: Session, meetings: list[models.Meeting], items: Sequence[models.AgendaItem]
) -> dict[int, dict[int, int]]:
    """For each of ``meetings`` whose trail holds the entry that marked it held: the position
    each of its ``items`` (urgent ones too: they shift the others) had among its siblings
    then, as the invitation listed them, for those there then
    (:func:`domain.agenda_held_order.positions_then`)."""
    held = {
        meeting.id: trail[index].id
        for meeting, trail in _trails(session, meetings).items()
        if (index := _last_into(trail, MeetingState.HELD)) is not None
    }
    if not held:
        return {}
    entries = item_entries(session, meetings, items, min(held.values()))
    return {
        meeting_id: positions_then(
            meeting_id,
            [entry for entry_id, entry in entries if entry_id > mark],
            [ItemPlace(i.id, i.parent_id, i.position) for i in items if i.meeting_id == meeting_id],
        )
        for meeting_id, mark in held.items()
    }


def held_moves(
    session: Session, meeting: models.Meeting, rows: Sequence[models.AgendaItem]
) -> tuple[MovedItem, ...]:
    """The items of the held ``meeting`` (its live agenda items ``rows``, as its minutes
    read them already) taken up in another order than its invitation listed
    (:func:`held_positions`); none where the trail does not hold the entry that marked it
    held."""
    then = held_positions(session, [meeting], rows).get(meeting.id, {})
    return moved_items([item_of(row) for row in rows], then) if then else ()


@dataclass(frozen=True, slots=True)
class UnsentChanges:
    """What of a meeting's agenda changed since the last letter that told the members it
    (:func:`unsent_changes`): the items ``added`` (each with its number now as both
    numbers) and those it listed that are gone, ``dropped``. ``certain`` False: the
    agenda changed on the day the last changed agenda went out, after its entry; a
    changed agenda sent again that day leaves no entry (nothing of the meeting changes),
    so whether one carried these is not known."""

    added: tuple[MovedItem, ...] = ()
    dropped: tuple[DroppedItem, ...] = ()
    certain: bool = True


def unsent_changes(
    session: Session,
    meeting: models.Meeting,
    placed: Sequence[tuple[models.AgendaItem, PlacedItem]],
) -> UnsentChanges:
    """What of the agenda ``placed`` (its live items in order) of ``meeting`` changed after
    the last letter that told the members the agenda (its invitation, or a changed agenda
    recorded as sent after it: :func:`_last_letter`): the items added, urgent ones aside
    (the minutes say so), and those the letter listed that were removed since: the
    members had no notice of them. An item taken up at the start of the meeting, added on
    the day before it was set "durchgeführt", is one (found by a tester); one a changed
    agenda carried is none, though the agenda changed again after it; one removed on the
    meeting's day is named too (found by a tester). Where the trail holds no such letter,
    none: what a letter held is not known, and the minutes do not guess. A change after
    the meeting's day marks no changed agenda (no letter goes out then) and is read all
    the same: an item added the day after, before the meeting was set "durchgeführt",
    left the agenda said to be adopted "ohne Änderungen" (found by review)."""
    changed_on = meeting.invitation_agenda_changed_on
    trail = _trails(session, [meeting])[meeting]
    letter = _last_letter(trail)
    if letter is None:
        return UnsentChanges()
    rows = [row for row, _ in placed]
    since = _replayed_since(session, [meeting], rows, {meeting.id: trail[letter].id})[meeting.id]
    return UnsentChanges(
        added=tuple(
            MovedItem(where.number, where.number, row.title, where.public)
            for row, where in placed
            if row.id in since.new and not row.urgent
        ),
        dropped=tuple(item for item in since.dropped if item.gone),
        certain=changed_on is None or changed_on != meeting.invitation_agenda_sent_on,
    )


def _last_letter(trail: list[_Entry]) -> int | None:
    """Where in ``trail`` the last letter is that told the members the whole agenda: the
    last invitation, or the last changed agenda recorded as sent after it (the entry that
    set the day it went out, ``invitation_agenda_sent_on``, or the day the agenda changed
    to it, ``invitation_agenda_changed_on``: only recording a letter writes either to the
    trail); ``None`` without an invitation."""
    invitation = _last_into(trail, MeetingState.INVITED)
    if invitation is None:
        return None
    letters = [
        index
        for index, entry in enumerate(trail[invitation + 1 :], invitation + 1)
        if entry.after.get("invitation_agenda_sent_on")
        or entry.after.get("invitation_agenda_changed_on")
    ]
    return letters[-1] if letters else invitation


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


def _last_into(trail: list[_Entry], state: MeetingState) -> int | None:
    """Where in ``trail`` the last entry is that put the meeting into ``state``
    ("eingeladen", "durchgeführt"); ``None`` where there is none."""
    marks = [
        i
        for i, e in enumerate(trail)
        if e.after.get("state") == state.value and e.before.get("state") != state.value
    ]
    return marks[-1] if marks else None


def _entry(entry_id: int, at: datetime, before: str | None, after: str | None) -> _Entry:
    return _Entry(
        entry_id, at, json.loads(before) if before else {}, json.loads(after) if after else {}
    )
