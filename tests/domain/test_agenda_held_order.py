"""The order a held meeting's invitation listed, read back from the trail's entries since
it was marked held, and the items taken up in another order, named by the minutes'
check until "Änderungen der Tagesordnung" mentions them."""

from __future__ import annotations

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.agenda_held_order import (
    ItemPlace,
    MovedItem,
    moved_items,
    positions_then,
)
from expertenrat.domain.agenda_since import ItemEntry
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.minutes_checklist_order import order_lines

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


def _item(key: int, position: int, title: str, urgent: bool = False) -> AgendaItem:
    return AgendaItem(key, title, position=position, urgent=urgent)


def test_of_two_swapped_the_one_moved_up_is_named_by_both_numbers() -> None:
    now = [_item(1, 0, "A"), _item(9, 1, "Eilantrag", True), _item(3, 2, "C"), _item(2, 3, "B")]

    found = moved_items(now, {1: 0, 2: 1, 3: 2})

    assert found == (MovedItem("3", "3", "C"),)  # now behind the urgent item, as then
    assert moved_items(now, {1: 0, 3: 1, 2: 2}) == ()


def test_the_check_is_quiet_once_the_text_mentions_each_item() -> None:
    item = MovedItem("2", "3", "Radwege")
    assert order_lines([item], "TOP 31 vertagt; TOP 2.1 entfällt.")
    for text in ("TOP 3 wurde vorgezogen.", "TOP2 vor TOP 1", "Die Radwege zuerst."):
        assert order_lines([item], text) == []


def test_an_item_with_its_invited_number_again_is_named_by_it_once() -> None:
    # "TOP 3 „C“ (in der Einladung TOP 3)": an urgent item before it gave it its number again.
    (line,) = order_lines([MovedItem("3", "3", "C"), MovedItem("2", "4", "B")], "")

    assert line.text == (
        "Die Punkte wurden in anderer Reihenfolge behandelt als eingeladen: TOP 3 „C“ und "
        "TOP 2 „B“ (in der Einladung TOP 4). Unter „Änderungen der Tagesordnung“ steht dazu "
        "nichts."
    )
