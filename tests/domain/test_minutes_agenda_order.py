"""The minutes' sentence about items taken up in another order than the invitation listed,
and the adoption of the agenda beside it ("ohne Änderungen" no more)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.minutes_agenda_order import order_line
from expertenrat.domain.minutes_document import MinutesDocument

DEBATE = MovedItem("2", "3", "Beratung")
RENUMBERED = MovedItem("4", "4", "Radwege")  # an urgent item before it gave it TOP 4 again


def test_the_sentence_names_each_moved_item_by_its_number_and_the_invitations() -> None:
    assert order_line([DEBATE], "") == (
        "In anderer Reihenfolge als eingeladen wurde TOP 2 (in der Einladung TOP 3) behandelt."
    )
    assert order_line([DEBATE, RENUMBERED], "") == (
        "In anderer Reihenfolge als eingeladen wurden TOP 2 (in der Einladung TOP 3) und "
        "TOP 4 behandelt."
    )
    assert order_line([], "") == ""


def test_the_sentence_leaves_out_what_the_changes_typed_mention() -> None:
    assert order_line([DEBATE, RENUMBERED], "TOP 3 wurde vorgezogen.") == (
        "In anderer Reihenfolge als eingeladen wurde TOP 4 behandelt."
    )
    assert order_line([DEBATE, RENUMBERED], "Die Radwege und die Beratung zuerst.") == ""


def test_a_reordered_agenda_is_not_adopted_without_changes() -> None:
    doc = MinutesDocument(Letterhead("Rat", "Rostock"), 7, date(2026, 12, 11), agenda_approved=True)
    assert doc.agenda_line == "Die Tagesordnung wurde ohne Änderungen festgestellt."
    assert doc.order_line == ""

    moved = replace(doc, moved_items=(DEBATE,))
    assert moved.agenda_line == "Die Tagesordnung wurde festgestellt."
    assert moved.order_line == order_line([DEBATE], "")
