"""The minutes' sentence about items taken up in another order than the invitation listed,
and the adoption of the agenda beside it ("ohne Änderungen" no more)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.minutes_agenda_order import order_line, unmentioned
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
    assert order_line([DEBATE, RENUMBERED], "TOP 4 blieb an seiner Stelle.") == (
        "In anderer Reihenfolge als eingeladen wurde TOP 2 (in der Einladung TOP 3) behandelt."
    )
    assert order_line([DEBATE, RENUMBERED], "Die Radwege und die Beratung zuerst.") == ""


def test_a_moved_item_named_by_a_number_alone_is_still_told_by_both_numbers() -> None:
    """ "TOP 6 wird vor TOP 4 beraten" (the invitation's numbers) beside minutes whose TOP 6
    is another item: only the sentence says that TOP 4 is the one moved (found by a
    tester)."""
    moved = MovedItem("4", "6", "Radwege")
    sentence = (
        "In anderer Reihenfolge als eingeladen wurde TOP 4 (in der Einladung TOP 6) behandelt."
    )
    for typed in ("TOP 6 wird vor TOP 4 beraten.", "TOP 4 war in der Einladung TOP 6."):
        assert unmentioned([moved], typed) == ()  # the check list asks no more
        assert order_line([moved], typed) == sentence, typed
    assert order_line([moved], "Die Radwege werden vor dem Haushalt beraten.") == ""
    hidden = replace(moved, public=False)
    assert order_line([hidden], "Die Radwege werden vorgezogen.") == sentence


def test_a_reordered_agenda_is_not_adopted_without_changes() -> None:
    doc = MinutesDocument(Letterhead("Rat", "Rostock"), 7, date(2026, 12, 11), agenda_approved=True)
    assert doc.agenda_line == "Die Tagesordnung wurde ohne Änderungen festgestellt."
    assert doc.order_line == ""

    moved = replace(doc, moved_items=(DEBATE,))
    assert moved.agenda_line == "Die Tagesordnung wurde festgestellt."
    assert moved.order_line == order_line([DEBATE], "")


def test_each_moved_item_a_list_of_numbers_names_is_mentioned() -> None:
    seven, ten = MovedItem("2", "7", "Radwege"), MovedItem("3", "10", "Stadtdaten")
    for typed in (
        "Die TOP 7 und 10 wurden vorgezogen.",
        "TOP 7, 10 vorgezogen",
        "TOPs 7 und 10",
        "Tagesordnungspunkte 7 und 10",
        "TOP 7 bis 10 zu Beginn",
        "TOP 2-3 waren in der Einladung TOP 7 und 10",
    ):
        assert unmentioned([seven, ten], typed) == (), typed
    for typed in ("TOP-7 vorgezogen", "Tagesordnungspunkt 7 vorgezogen", "TOP 7 vorgezogen"):
        assert unmentioned([seven, ten], typed) == (ten,), typed


def test_a_title_inside_a_longer_word_or_a_number_with_a_letter_mentions_nothing() -> None:
    report = MovedItem("3", "4", "Bericht")
    sentence = (
        "In anderer Reihenfolge als eingeladen wurde TOP 3 (in der Einladung TOP 4) behandelt."
    )
    assert order_line([report], "Die Berichte der Projekte kamen zuerst.") == sentence
    assert order_line([report], "TOP 3a wurde vorgezogen.") == sentence
    assert order_line([report], "Der Bericht kam zuerst.") == ""
