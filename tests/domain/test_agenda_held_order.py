"""The order a held meeting's invitation listed, read back from the trail's entries since
it was marked held."""

from __future__ import annotations

from expertenrat.domain.agenda_held_order import ItemPlace, positions_then
from expertenrat.domain.agenda_since import ItemEntry
from expertenrat.domain.enums import AuditAction

CREATE, UPDATE, DELETE = AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE


def moved(key: int, before: int, after: int) -> ItemEntry:
    return ItemEntry(UPDATE, key, {"position": before}, {"position": after})


def test_moves_additions_and_deletions_are_undone_newest_first() -> None:
    """Held with 1, 2, 3: urgent 9 added before 3, 3 moved before it, 9 deleted, 3 moved
    before 2; meanwhile another meeting's item 8 (an id once ours) is added and moved."""
    entries = [
        ItemEntry(CREATE, 9, {}, {"meeting_id": 1, "parent_id": None, "position": 2}),
        moved(3, 3, 2),
        ItemEntry(DELETE, 9, {"meeting_id": 1, "parent_id": None, "position": 3}, {}),
        ItemEntry(CREATE, 8, {}, {"meeting_id": 2, "parent_id": None, "position": 0}),
        moved(8, 0, 1),
        moved(3, 2, 1),
        ItemEntry(
            UPDATE, 2, {"title": "Bericht", "position": 2}, {"title": "Berichte", "position": 2}
        ),
    ]
    now = [ItemPlace(1, None, 0), ItemPlace(3, None, 1), ItemPlace(2, None, 2)]

    assert positions_then(1, entries, now) == {1: 0, 2: 1, 3: 2}
