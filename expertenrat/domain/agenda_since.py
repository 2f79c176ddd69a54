"""What of an invited meeting's agenda changed since the invitation, replayed from the audit
trail's entries of agenda items after it (in the trail's order, not by the PCs' clocks):
the items added since ("(neu)"), those the invitation listed that are gone ("entfallen"),
those renamed (the title then) and those moved to the other part (the part then).

The agenda as the invitation listed it is not stored; it is what the entries after it
undo: an item is new where an entry created it since; every other item of the meeting was
there, with the values the first entry since that changed them held then (the first
entry's ``before``). The standard items created at once (one entry without an item,
naming the meeting) are added to an agenda without items only: after such an entry every
item of the meeting is new, none listed before it is left.

Sub-items deleted with their item have no entries of their own: the letter names the item
(they were part of it); so too those moved out of the public part with it. An item whose
place then is not known counts as non-public: the public letter never names what it cannot
tell was public.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from expertenrat.domain.enums import AuditAction
from expertenrat.domain.meeting_documents import DroppedItem


@dataclass(frozen=True, slots=True)
class ItemEntry:
    """An audit entry of an agenda item after the invitation: ``item_id`` ``None`` for the
    standard items created at once (``after["meeting_id"]`` names their meeting)."""

    action: AuditAction
    item_id: int | None
    before: Mapping[str, Any]
    after: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ItemNow:
    """An item on the agenda as it is now."""

    id: int
    title: str
    public: bool  # its own mark; below a non-public item it is non-public all the same
    parent_id: int | None
    presenter: str = ""


@dataclass(frozen=True, slots=True)
class AgendaSince:
    """The items added since the invitation (by id), those it listed that are gone (in the
    order they were removed; ``gone=False``: still there, in the non-public part now, for
    the public letter), the titles then of those renamed and the part then (public or
    not) of those that changed part, by id, and those with a new presenter."""

    new: frozenset[int] = frozenset()
    dropped: tuple[DroppedItem, ...] = ()
    earlier_titles: Mapping[int, str] = field(default_factory=dict)
    earlier_public: Mapping[int, bool] = field(default_factory=dict)
    new_presenter: frozenset[int] = frozenset()  # listed then, presented by another now


def agenda_since(
    meeting_id: int, entries: Sequence[ItemEntry], items: Sequence[ItemNow]
) -> AgendaSince:
    """What changed of the agenda of ``meeting_id`` (now ``items``) since the invitation,
    from the ``entries`` of its council's agenda items after it, oldest first."""
    born: set[int] = set()  # created since (an id SQLite gave again counts as new)
    ended: set[int] = set()  # items there at the invitation, deleted since
    then: dict[int, dict[str, Any]] = {}  # the values at the invitation, where changed
    removed: list[int] = []
    restarted = False  # the standard items created anew: nothing listed then is left
    for entry in entries:
        key = entry.item_id
        if entry.action is AuditAction.CREATE:
            if key is None:
                restarted = restarted or entry.after.get("meeting_id") == meeting_id
            else:
                born.add(key)
        elif key is None or key in born or key in ended:
            if entry.action is AuditAction.DELETE and key in born:
                born.discard(key)  # added and dropped since: never listed
        elif entry.action is AuditAction.UPDATE:
            then.setdefault(key, {}).update(
                {k: v for k, v in entry.before.items() if k not in then.get(key, {})}
            )
        elif entry.action is AuditAction.DELETE:
            ended.add(key)
            if entry.before.get("meeting_id") == meeting_id and not restarted:
                then[key] = {**entry.before, **then.get(key, {})}
                removed.append(key)
    now = {i.id: i for i in items}
    listed = {i.id for i in items if i.id not in born} if not restarted else set()
    was = {
        **{key: {**_values(now[key]), **then.get(key, {})} for key in listed},
        **{key: then[key] for key in removed},
    }
    was_public = _effective(
        {key: (bool(v.get("public")), v.get("parent_id")) for key, v in was.items()}
    )
    is_public = _effective({i.id: (i.public, i.parent_id) for i in items})
    dropped = [
        DroppedItem(
            str(was[key].get("title", "")), was_public[key], number=str(was[key].get("number", ""))
        )
        for key in removed
    ]
    moved = {key: was_public[key] for key in listed if was_public[key] != is_public[key]}
    parents = {i.id: i.parent_id for i in items}
    dropped += [  # its sub-items moved along: named by it, as when it is deleted
        DroppedItem(str(was[key].get("title", "")), True, gone=False)
        for key in sorted(moved)
        if moved[key] and not moved.get(parents[key] or 0, False)
    ]
    return AgendaSince(
        new=frozenset(now) - listed,
        dropped=tuple(dropped),
        earlier_titles={
            key: title
            for key in listed
            if (title := str(was[key].get("title", now[key].title))) != now[key].title
        },
        earlier_public=moved,
        new_presenter=frozenset(
            key
            for key in listed
            if was[key].get("presenter", now[key].presenter) != now[key].presenter
        ),
    )


def _values(item: ItemNow) -> dict[str, Any]:
    return {"title": item.title, "public": item.public, "parent_id": item.parent_id}


def _effective(marks: Mapping[int, tuple[bool, int | None]]) -> dict[int, bool]:
    """Whether each item is public where it stands: its own mark and every item above it
    public; an item under one not in ``marks`` (not known) is not."""
    found: dict[int, bool] = {}

    def public(key: int, seen: frozenset[int]) -> bool:
        if key not in found:
            own, parent = marks[key]
            if parent is not None and (parent not in marks or parent in seen):
                found[key] = False
            else:
                found[key] = own and (parent is None or public(parent, seen | {key}))
        return found[key]

    for key in marks:
        public(key, frozenset())
    return found
