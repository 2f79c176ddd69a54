"""Replaying an invited meeting's agenda since the invitation from the trail's entries."""

from __future__ import annotations

from expertenrat.domain.agenda_since import ItemEntry, ItemNow, agenda_since
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.meeting_documents import DroppedItem

MEETING = 7
CREATE, UPDATE, DELETE = AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE


def _deleted(key: int, title: str, public: bool = True, parent: int | None = None) -> ItemEntry:
    before = {"id": key, "meeting_id": MEETING, "title": title, "public": public}
    return ItemEntry(DELETE, key, {**before, "parent_id": parent}, {})


def test_sub_items_deleted_with_their_item_are_named_by_the_item_they_were_part_of() -> None:
    """The deletion of "Vergabe" took its sub-items along, in one entry: the letter names
    "Vergabe" (its sub-items were part of it), not each of them."""
    since = agenda_since(MEETING, [_deleted(3, "Vergabe")], [ItemNow(1, "Eröffnung", True, None)])

    assert since.dropped == (DroppedItem("Vergabe", True),)
    assert since.new == frozenset()


def test_an_id_given_again_is_dropped_as_the_old_item_and_new_as_the_new_one() -> None:
    """SQLite gives the highest id again once its item is deleted."""
    entries = [_deleted(5, "Bericht"), ItemEntry(CREATE, 5, {}, {"meeting_id": MEETING})]

    since = agenda_since(MEETING, entries, [ItemNow(5, "Radverkehr", True, None)])

    assert since.dropped == (DroppedItem("Bericht", True),)
    assert since.new == frozenset({5})


def test_an_item_put_under_a_non_public_one_leaves_the_public_part() -> None:
    entries = [ItemEntry(UPDATE, 2, {"parent_id": None, "position": 1}, {"parent_id": 1})]
    items = [ItemNow(1, "Personal", False, None), ItemNow(2, "Bericht", True, 1)]

    since = agenda_since(MEETING, entries, items)

    assert since.dropped == (DroppedItem("Bericht", True, gone=False),)
    assert since.earlier_public == {2: True}


def test_an_item_whose_place_then_is_not_known_counts_as_non_public() -> None:
    """Its item above was deleted before the trail began: the public letter never names
    what it cannot tell was public."""
    since = agenda_since(MEETING, [_deleted(4, "Anhörung", parent=9)], [])

    assert since.dropped == (DroppedItem("Anhörung", False),)


def test_the_title_then_is_the_first_changes_before() -> None:
    entries = [
        ItemEntry(UPDATE, 2, {"title": "Bericht"}, {"title": "Bericht 2026"}),
        ItemEntry(UPDATE, 2, {"title": "Bericht 2026"}, {"title": "Jahresbericht"}),
        ItemEntry(UPDATE, 3, {"title": "Verschiedenes"}, {"title": "Sonstiges"}),
        ItemEntry(UPDATE, 3, {"title": "Sonstiges"}, {"title": "Verschiedenes"}),
    ]
    items = [ItemNow(2, "Jahresbericht", True, None), ItemNow(3, "Verschiedenes", True, None)]

    assert agenda_since(MEETING, entries, items).earlier_titles == {2: "Bericht"}


def test_sub_items_moved_out_of_the_public_part_with_their_item_are_named_by_it() -> None:
    entries = [ItemEntry(UPDATE, 1, {"public": True}, {"public": False})]
    items = [ItemNow(1, "Zwilling", False, None), ItemNow(2, "Empfehlung", True, 1)]

    since = agenda_since(MEETING, entries, items)

    assert since.dropped == (DroppedItem("Zwilling", True, gone=False),)
    assert since.earlier_public == {1: True, 2: True}  # each marked "(bisher öffentlich)"
