"""Agenda tree: numbers, moving with Alt+Up/Down, opening items, time plan, public inheritance."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expertenrat.domain.agenda import (
    AgendaItem,
    change_refusal,
    end_time,
    numbers,
    ordered,
    presenter_text,
    split_presenter,
    validate_item,
)
from expertenrat.domain.agenda_moves import (
    PossibleMoves,
    indent,
    move,
    move_to,
    outdent,
    possible_moves,
    remove,
    subtree,
)
from expertenrat.domain.agenda_placement import opening_items
from expertenrat.domain.enums import AgendaItemKind, MeetingState, PresenterKind
from expertenrat.domain.errors import ValidationError

START = datetime(2026, 3, 10, 16, tzinfo=ZoneInfo("Europe/Berlin"))

ITEMS = [
    AgendaItem(10, "Eröffnung", position=0, planned_minutes=5),
    AgendaItem(20, "Projekte", position=1, planned_minutes=10),
    AgendaItem(21, "Radwege & <Ampeln>", parent=20, position=0, planned_minutes=20),
    AgendaItem(22, "مشروع 🚲", parent=20, position=1, planned_minutes=15),
    AgendaItem(30, "Personalien", position=2, public=False, planned_minutes=10),
    AgendaItem(31, "Vertrag", parent=30, position=0, planned_minutes=5),
]


def test_numbers_follow_the_tree():
    assert numbers(ITEMS) == {10: "1", 20: "2", 21: "2.1", 22: "2.2", 30: "3", 31: "3.1"}


def test_numbers_follow_positions_not_list_order():
    assert numbers(list(reversed(ITEMS))) == numbers(ITEMS)


def test_time_plan_starts_each_item_after_the_previous_one():
    plan = [(p.number, p.start.strftime("%H:%M")) for p in ordered(ITEMS, START)]

    assert plan == [
        ("1", "16:00"),
        ("2", "16:05"),
        ("2.1", "16:15"),
        ("2.2", "16:35"),
        ("3", "16:50"),
        ("3.1", "17:00"),
    ]
    assert end_time(ITEMS, START).strftime("%H:%M") == "17:05"


def test_children_of_a_non_public_item_are_non_public():
    closed = [p.number for p in ordered(ITEMS) if not p.public]

    assert closed == ["3", "3.1"]


def test_moving_a_parent_up_takes_its_children_along():
    moved = move(ITEMS, 30, -1)

    assert numbers(moved) == {10: "1", 30: "2", 31: "2.1", 20: "3", 21: "3.1", 22: "3.2"}


def test_moving_stays_among_siblings_and_stops_at_the_ends():
    assert numbers(move(ITEMS, 22, -1))[22] == "2.1"
    assert numbers(move(ITEMS, 21, -1)) == numbers(ITEMS)
    assert numbers(move(ITEMS, 30, +1)) == numbers(ITEMS)


def test_moving_an_unknown_item_is_refused():
    with pytest.raises(ValidationError, match="nicht gefunden"):
        move(ITEMS, 99, 1)


def test_opening_items_of_a_new_meeting():
    items = opening_items()

    assert [(i.title, i.kind) for i in items] == [
        ("Eröffnung", AgendaItemKind.FORMAL),
        ("Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit", AgendaItemKind.FORMAL),
        ("Genehmigung der Tagesordnung", AgendaItemKind.FORMAL),
        ("Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.MINUTES_APPROVAL),
    ]
    assert list(numbers(items).values()) == ["1", "2", "3", "4"]
    assert AgendaItemKind.MINUTES_APPROVAL.label == "Genehmigung des Protokolls"
    assert AgendaItemKind.FORMAL.label == "Eröffnung und Formalien"


def test_a_council_s_first_meeting_opens_without_approving_minutes():
    items = opening_items(after_another=False)

    assert [i.title for i in items] == [
        "Eröffnung",
        "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit",
        "Genehmigung der Tagesordnung",
    ]
    assert list(numbers(items).values()) == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([AgendaItem(1, "a"), AgendaItem(1, "b")], "doppelt"),
        ([AgendaItem(1, "a", parent=7)], "fehlenden"),
        ([AgendaItem(1, "a", parent=2), AgendaItem(2, "b", parent=1)], "Kreis"),
        (
            [AgendaItem(k, "x", parent=k - 1 if k > 1 else None) for k in range(1, 5)],
            "höchstens 3 Ebenen",
        ),
    ],
)
def test_broken_trees_are_refused(items, message):
    with pytest.raises(ValidationError, match=message):
        ordered(items)


def test_item_validation():
    assert validate_item(AgendaItem(1, "x" * 500, presenter="Ana (Gast)")) == []
    assert [p.field for p in validate_item(AgendaItem(1, " ", planned_minutes=-1))] == [
        "title",
        "planned_minutes",
    ]


def test_a_title_longer_than_the_column_is_refused_in_german():
    assert validate_item(AgendaItem(1, "x" * 2000)) == []
    (problem,) = validate_item(AgendaItem(1, "x" * 2001))

    assert problem.field == "title"
    assert "höchstens 2.000 Zeichen" in problem.message


def test_a_title_with_a_line_break_or_a_bidi_override_is_refused():
    assert validate_item(AgendaItem(1, "Zeile\nzwei"))[0].field == "title"
    assert "U+202E" in validate_item(AgendaItem(1, "Berg\u202e"))[0].message


def test_indent_makes_an_item_the_last_sub_item_of_the_one_before():
    assert numbers(indent(ITEMS, 30)) == {
        10: "1",
        20: "2",
        21: "2.1",
        22: "2.2",
        30: "2.3",
        31: "2.3.1",
    }


def test_the_first_item_of_a_level_cannot_be_indented():
    with pytest.raises(ValidationError, match="erste Punkt"):
        indent(ITEMS, 10)


def test_outdent_puts_an_item_right_after_its_parent():
    assert numbers(outdent(ITEMS, 21)) == {10: "1", 20: "2", 22: "2.1", 21: "3", 30: "4", 31: "4.1"}
    with pytest.raises(ValidationError, match="obersten Ebene"):
        outdent(ITEMS, 20)


def test_nesting_deeper_than_allowed_is_refused():
    deep = indent(ITEMS, 30)  # 3.1 becomes 2.3.1
    with pytest.raises(ValidationError, match="höchstens 3 Ebenen"):
        indent(indent(deep, 22), 30)  # 2.3 under 2.2 → 2.2.1 with 2.2.1.1 below


def test_possible_moves_follow_the_place_among_siblings_and_levels():
    assert possible_moves(ITEMS, 10) == PossibleMoves(down=True, sub_item=True)
    assert possible_moves(ITEMS, 20) == PossibleMoves(
        up=True, down=True, indent=True, sub_item=True
    )
    assert possible_moves(ITEMS, 21) == PossibleMoves(down=True, outdent=True, sub_item=True)
    assert possible_moves(ITEMS, 22) == PossibleMoves(
        up=True, indent=True, outdent=True, sub_item=True
    )


def test_possible_moves_respect_the_deepest_level():
    deep = indent(ITEMS, 22)  # 2.1.1
    assert possible_moves(deep, 22) == PossibleMoves(outdent=True)  # no 2.1.1.1
    three_levels = indent(ITEMS, 30)  # 3 becomes 2.3 with 2.3.1
    assert possible_moves(three_levels, 22).indent  # 2.2 → 2.1.1
    assert not possible_moves(three_levels, 30).indent  # 2.3.1 would become 2.2.1.1


def test_move_to_refuses_a_place_below_the_item_itself():
    with pytest.raises(ValidationError, match="unter sich selbst"):
        move_to(ITEMS, 20, 21, 0)


def test_move_to_another_parent_closes_the_gap_and_renumbers_both_levels():
    moved = move_to(ITEMS, 21, 30, 0)

    assert numbers(moved) == {10: "1", 20: "2", 22: "2.1", 30: "3", 21: "3.1", 31: "3.2"}
    assert sorted((i.parent, i.position) for i in moved if i.parent is not None) == [
        (20, 0),
        (30, 0),
        (30, 1),
    ]


def test_remove_takes_the_sub_items_along():
    rest = remove(ITEMS, 20)

    assert numbers(rest) == {10: "1", 30: "2", 31: "2.1"}
    assert subtree(ITEMS, 20) == [20, 21, 22]


@pytest.mark.parametrize("kind", list(PresenterKind))
def test_presenter_text_reads_back(kind):
    text = presenter_text(kind, " Dr. Anna Berg ")

    assert split_presenter(text) == (kind, "Dr. Anna Berg")
    assert presenter_text(PresenterKind.GUEST, "Jan") == "Jan (Gast)"


def test_cancelled_and_held_meetings_refuse_agenda_changes():
    assert change_refusal(MeetingState.PLANNED) is None
    assert change_refusal(MeetingState.INVITED) is None
    assert "abgesagt" in change_refusal(MeetingState.CANCELLED, title_only=True)
    assert "Titel" in change_refusal(MeetingState.HELD)
    assert change_refusal(MeetingState.HELD, title_only=True) is None


@st.composite
def trees(draw):
    count = draw(st.integers(1, 40))
    items = []
    for key in range(count):
        candidates = [i.key for i in items if _depth(items, i) < 2]
        parent = draw(st.one_of(st.none(), st.sampled_from(candidates))) if candidates else None
        items.append(AgendaItem(key, f"P{key}", parent=parent, position=draw(st.integers(0, 5))))
    return items


def _depth(items, item):
    by_key = {i.key: i for i in items}
    depth = 0
    while item.parent is not None:
        item, depth = by_key[item.parent], depth + 1
    return depth


@given(trees())
def test_numbering_is_a_bijection(items):
    assert len(set(numbers(items).values())) == len(items)


@given(trees(), st.data())
def test_moving_down_then_up_restores_the_order(items, data):
    key = data.draw(st.sampled_from([i.key for i in items]))
    before = numbers(items)
    down = move(items, key, +1)
    if numbers(down) != before:
        assert numbers(move(down, key, -1)) == before


@given(trees(), st.data())
def test_a_possible_move_changes_the_numbers_and_an_impossible_one_does_not_happen(items, data):
    key = data.draw(st.sampled_from([i.key for i in items]))
    moves = possible_moves(items, key)
    before = numbers(items)
    for possible, make in (
        (moves.up, lambda: move(items, key, -1)),
        (moves.down, lambda: move(items, key, +1)),
        (moves.indent, lambda: indent(items, key)),
        (moves.outdent, lambda: outdent(items, key)),
    ):
        try:
            changed = numbers(make()) != before
        except ValidationError:
            changed = False
        assert changed == possible


@given(trees(), st.data())
def test_any_move_keeps_sibling_positions_unique(items, data):
    key = data.draw(st.sampled_from([i.key for i in items]))
    parent = data.draw(st.sampled_from([None, *[i.key for i in items]]))
    try:
        moved = move_to(items, key, parent, data.draw(st.integers(-1, 50)))
    except ValidationError:
        return
    touched = {parent, next(i.parent for i in items if i.key == key)}
    places = [(i.parent, i.position) for i in moved if i.parent in touched]
    assert len(set(places)) == len(places)
    assert len(set(numbers(moved).values())) == len(items)
