"""The check's warnings about "Änderungen der Tagesordnung", which the public minutes print
as typed: items taken up in another order that it does not mention, and the title of a
non-public item in it."""

from __future__ import annotations

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.domain.minutes_checklist_order import non_public_title_lines, order_lines

PERSONNEL = MovedItem("2", "3", "Personalie Meier", public=False)
CYCLING = MovedItem("4", "2", "Radwege")


def item(item_id: int, number: str, title: str, *, public: bool = True, parent: int | None = None):
    return ItemMinutes(
        item_id, number, title, public, "", "", "", "", (), (), 1, False, parent_id=parent
    )


def test_a_moved_non_public_item_is_suggested_by_its_number_alone() -> None:
    (line,) = order_lines([PERSONNEL, CYCLING], "")

    assert line.text == (
        "Die Punkte wurden in anderer Reihenfolge behandelt als eingeladen: "
        "TOP 2 (nichtöffentlich; in der Einladung TOP 3) und "
        "TOP 4 „Radwege“ (in der Einladung TOP 2). "
        "Unter „Änderungen der Tagesordnung“ steht dazu nichts."
    )
    assert line.ok and line.warning and line.target == ChecklistTarget("agenda_changes")


def test_a_non_public_item_s_title_is_no_mention_its_number_is() -> None:
    (line,) = order_lines([PERSONNEL], "Die Personalie Meier wurde vorgezogen.")
    assert "TOP 2 (nichtöffentlich; in der Einladung TOP 3)" in line.text
    assert order_lines([PERSONNEL], "TOP 3 (nichtöffentlich) wurde vorgezogen.") == []
    assert order_lines([CYCLING], "Die Radwege wurden zurückgestellt.") == []


def test_the_title_of_a_non_public_item_in_the_changes_is_a_warning() -> None:
    items = (
        item(1, "1", "Bericht"),
        item(2, "2", "Personalie Meier", public=False),
        item(3, "2.1", "Vergabe Leitstelle", parent=2),  # non-public by its parent
        item(4, "3", "Verschiedenes"),
        item(5, "4", "Verschiedenes", public=False),  # a public item's title gives nothing away
    )
    assert non_public_title_lines(items, "TOP 2 wurde vorgezogen; Verschiedenes am Ende.") == []
    assert non_public_title_lines(items, "Personalien Meiers zuerst") == []  # not the phrase

    (line,) = non_public_title_lines(items, "Die personalie  meier wurde vorgezogen.")
    assert line.text == (
        "Unter „Änderungen der Tagesordnung“ steht der Titel des nichtöffentlichen TOP 2; "
        "der Text wird auch im öffentlichen Protokoll gedruckt. Bitte nur die Nummer nennen."
    )
    assert line.ok and line.warning and line.target == ChecklistTarget("agenda_changes")

    (line,) = non_public_title_lines(items, "Personalie Meier und Vergabe Leitstelle zuerst")
    assert "Titel der nichtöffentlichen TOP 2 und TOP 2.1;" in line.text
