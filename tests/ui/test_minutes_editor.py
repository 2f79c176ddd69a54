"""The Protokoll tab: typing is autosaved, items without content are marked, the checklist
jumps, conflicts and recovered text are offered, never decided silently."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime, time

import pytest
from held_meeting import council_of_three, held_meeting
from meeting_rows import add_meeting, cancel
from minutes_tab import minutes_tab_of
from PySide6.QtCore import QEvent, QPoint, Qt, QTime
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from verwerfen import escape_asks_before_dropping, escape_closes_at_once

from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import AttendanceStatus, VoteMode
from expertenrat.domain.errors import ConnectionLostError
from expertenrat.domain.minutes import ItemTexts, RecommendationDraft
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.domain.projects import Project
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.minutes_votes import SavedVotes
from expertenrat.store import models
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.autosave_recovery import RecoveryEntry
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import header_key, item_key
from tests.ui.settling import exposed

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""
WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
TODAY = date(2026, 11, 27)  # the page's day in the tests that show the whole page
# "Entwurf abschließen" says where the draft is sent next (found by a tester)
FINISHED_MESSAGE = (
    "Der Protokollentwurf ist abgeschlossen und kann versandt werden: Reiter „Genehmigung“ → "
    "„Protokoll versenden …“."
)


@pytest.fixture
def council_id(services, today) -> int:
    return council_of_three(services, today)


@pytest.fixture
def held(services, council_id):
    members = [m.id for m in services.members.members(council_id)]
    return held_meeting(services.database, council_id, members)


@pytest.fixture
def make_editor(qtbot, services, dialogs):
    def settle(editor: MinutesEditor) -> None:
        """Before pytest-qt closes the editor: no save may outlive the test."""
        editor.autosave.flush()
        qtbot.waitUntil(lambda: editor.idle(), timeout=WAIT)

    def make(meeting_id: int | None) -> MinutesEditor:
        editor = MinutesEditor(services, dialogs)
        qtbot.addWidget(editor, before_close_func=settle)
        editor.resize(1000, 700)
        with qtbot.waitActive(editor, timeout=WAIT):  # focus and shortcuts need the active window
            editor.show()
            editor.activateWindow()
        editor.set_meeting(meeting_id)
        return editor

    return make


def show_item(editor: MinutesEditor, item_id: int) -> None:
    editor.items.select_key(item_key(item_id))


def stored_texts(services, held, index: int) -> ItemTexts:
    return services.minutes.minutes(held.meeting_id).items[index].texts


def test_typing_is_saved_after_a_pause_and_the_indicator_says_so(
    qtbot, make_editor, services, held
) -> None:
    editor = make_editor(held.meeting_id)
    editor.autosave._timer.setInterval(300)
    show_item(editor, held.item_ids[1])
    editor.item_form.discussion_edit.setFocus()

    QTest.keyClicks(editor.item_form.discussion_edit, "Bericht & <Zahlen>")
    assert editor.indicator.text() == "wird gespeichert …"
    assert stored_texts(services, held, 1).discussion == ""  # a keystroke never saves

    qtbot.waitUntil(
        lambda: stored_texts(services, held, 1).discussion == "Bericht & <Zahlen>", timeout=WAIT
    )
    qtbot.waitUntil(lambda: editor.indicator.text().startswith("gespeichert · "), timeout=WAIT)


def test_hostile_text_is_saved_as_typed(qtbot, make_editor, services, held) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[0])
    editor.item_form.resolution_edit.setPlainText(HOSTILE)
    editor.autosave.save_now()
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 0).resolution_text == HOSTILE, timeout=WAIT
    )


def test_another_item_saves_the_previous_one_at_once(qtbot, make_editor, services, held) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[0])
    QTest.keyClicks(editor.item_form.motion_edit, "Antrag")

    show_item(editor, held.item_ids[1])  # the pause has not passed: the change saves it

    qtbot.waitUntil(lambda: stored_texts(services, held, 0).motion_text == "Antrag", timeout=WAIT)


def test_an_item_shown_again_after_its_save_shows_the_saved_text_and_typing_goes_on(
    qtbot, make_editor, services, held
) -> None:
    """Back to an item once its text is saved (the minutes not read again since): it showed
    the text as read when the minutes opened, so what was typed seemed lost, and typing
    on saved over it. (Whether the save had ended by then was the worker's timing.)"""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[0])
    QTest.keyClicks(editor.item_form.discussion_edit, "Bericht")
    show_item(editor, held.item_ids[1])  # saves the first item
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    show_item(editor, held.item_ids[0])

    field = editor.item_form.discussion_edit
    assert field.toPlainText() == "Bericht"
    field.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(field, " und Zahlen")
    editor.autosave.save_now()
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 0).discussion == "Bericht und Zahlen", timeout=WAIT
    )


def test_the_header_shown_again_after_its_save_shows_the_saved_text(
    qtbot, make_editor, services, held
) -> None:
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))
    QTest.keyClicks(editor.header_form.minute_taker_edit, "Frau Schulz")
    show_item(editor, held.item_ids[1])  # saves the Kopfdaten
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert services.minutes.minutes(held.meeting_id).header.minute_taker == "Frau Schulz"

    editor.items.select_key(header_key(held.meeting_id))

    assert editor.header_form.minute_taker_edit.text() == "Frau Schulz"


def test_focus_leaving_a_field_saves_at_once(qtbot, make_editor, services, held) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[0])
    editor.item_form.result_edit.setFocus()
    QTest.keyClicks(editor.item_form.result_edit, "zur Kenntnis genommen")
    assert editor.autosave._timer.isActive()

    editor.item_form.discussion_edit.setFocus()

    qtbot.waitUntil(
        lambda: stored_texts(services, held, 0).result == "zur Kenntnis genommen", timeout=WAIT
    )


def test_flush_writes_the_recovery_file_and_saves(qtbot, make_editor, services, held) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    QTest.keyClicks(editor.item_form.discussion_edit, "vor dem Wechsel")

    assert editor.flush(lambda: None)

    recovered = {e.key: e.payload for e in editor.autosave.recovery.entries()}
    assert recovered[item_key(held.item_ids[2])]["discussion"] == "vor dem Wechsel"
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 2).discussion == "vor dem Wechsel", timeout=WAIT
    )
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() == [], timeout=WAIT)


def test_ctrl_s_saves_at_once(qtbot, make_editor, services, held) -> None:
    """Strg+S, "Speichern" on every page, does not wait for the pause in typing (found by
    a tester)."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    editor.item_form.discussion_edit.setFocus()
    QTest.keyClicks(editor.item_form.discussion_edit, "sofort")

    QTest.keyClick(
        editor.item_form.discussion_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )

    recovered = {e.key: e.payload for e in editor.autosave.recovery.entries()}
    assert recovered[item_key(held.item_ids[2])]["discussion"] == "sofort"
    qtbot.waitUntil(lambda: stored_texts(services, held, 2).discussion == "sofort", timeout=WAIT)
    assert editor.item_form.discussion_edit.toPlainText() == "sofort"  # no "s" typed


def test_items_without_content_are_marked_and_the_mark_follows_typing(
    qtbot, make_editor, held
) -> None:
    editor = make_editor(held.meeting_id)
    key = item_key(held.item_ids[0])
    assert editor.items.is_marked(key)
    assert editor.items.line(key).text().endswith("– fehlt noch")
    assert not editor.items.is_marked(header_key(held.meeting_id))

    show_item(editor, held.item_ids[0])
    QTest.keyClicks(editor.item_form.discussion_edit, "x")
    assert not editor.items.is_marked(key)
    QTest.keyClick(editor.item_form.discussion_edit, Qt.Key.Key_Backspace)
    assert editor.items.is_marked(key)


def test_an_item_with_only_an_invisible_mark_still_lacks_content(
    qtbot, make_editor, services, held
) -> None:
    """(found by a tester) A right-to-left mark alone (pasted from an empty cell of an
    Arabic page; the text rule allows the mark) showed nothing, yet the item counted as
    written: no "fehlt noch", and the checklist let the draft be finished."""
    editor = make_editor(held.meeting_id)
    key = item_key(held.item_ids[0])
    show_item(editor, held.item_ids[0])

    editor.item_form.discussion_edit.setPlainText("\u200f\n \u200d")
    editor.autosave.save_now()
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 0).discussion == "\u200f\n \u200d", timeout=WAIT
    )

    assert editor.items.is_marked(key)
    assert services.minutes.minutes(held.meeting_id).items[0].lacks_content


def test_ctrl_enter_steps_through_the_items(qtbot, make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[0])
    editor.item_form.discussion_edit.setFocus()

    QTest.keyClick(
        editor.item_form.discussion_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert editor.items.current_key() == item_key(held.item_ids[1])
    assert editor.item_form.discussion_edit.toPlainText() == ""  # no line break was typed
    assert QApplication.focusWidget() is editor.item_form.discussion_edit

    QTest.keyClick(
        editor.item_form.discussion_edit,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.items.current_key() == item_key(held.item_ids[0])


def test_a_screen_reader_names_the_step_buttons_without_their_arrows(make_editor) -> None:
    """Orca read "Weiter ▶" as "Weiter schwarzes nach rechts zeigendes Dreieck" (found by a
    tester)."""
    editor = make_editor(None)
    spoken = [
        QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
        for button in (editor.previous_button, editor.next_button)
    ]
    assert spoken == ["Zurück", "Weiter"]


def test_the_header_is_autosaved_and_the_checklist_follows(qtbot, make_editor, services, held):
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))
    qtbot.waitUntil(lambda: editor.checklist.lines.count() > 0, timeout=WAIT)
    lines = [editor.checklist.lines.item(i).text() for i in range(editor.checklist.lines.count())]
    assert "✗ Die Protokollführung ist nicht angegeben." in lines
    assert not editor.checklist.finish_button.isEnabled()

    editor.header_form.minute_taker_edit.setFocus()
    editor.header_form.minute_taker_edit.insert("Zoë Brontë")  # keyClicks knows only ASCII
    editor.autosave.save_now()

    qtbot.waitUntil(
        lambda: services.minutes.minutes(held.meeting_id).header.minute_taker == "Zoë Brontë",
        timeout=WAIT,
    )
    qtbot.waitUntil(
        lambda: any(
            editor.checklist.lines.item(i).text() == "✓ Protokoll: Zoë Brontë"
            for i in range(editor.checklist.lines.count())
        ),
        timeout=WAIT,
    )


def test_the_checklist_is_read_in_a_thread_the_ending_program_does_not_wait_for(
    qtbot, make_editor, services, held, monkeypatch
):
    # It only reads: on a hung server the program must still end when the window closes.
    read = services.minutes.checklist
    threads: list[threading.Thread] = []

    def checklist(meeting_id):
        threads.append(threading.current_thread())
        return read(meeting_id)

    monkeypatch.setattr(services.minutes, "checklist", checklist)
    editor = make_editor(held.meeting_id)
    qtbot.waitUntil(lambda: editor.checklist.lines.count() > 0, timeout=WAIT)

    assert threads and all(t.daemon and t is not threading.main_thread() for t in threads)


def test_a_checklist_line_jumps_to_its_field_or_tab(qtbot, make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    tabs: list[str] = []
    editor.open_tab.connect(tabs.append)

    editor.navigation.jump_to(ChecklistTarget("discussion", held.item_ids[2]))
    assert editor.items.current_key() == item_key(held.item_ids[2])
    assert QApplication.focusWidget() is editor.item_form.discussion_edit

    editor.navigation.jump_to(ChecklistTarget("votes", held.item_ids[1]))
    assert editor.items.current_key() == item_key(held.item_ids[1])
    assert QApplication.focusWidget() is editor.item_form.votes.add_button

    editor.navigation.jump_to(ChecklistTarget("minute_taker"))
    assert editor.items.current_key() == header_key(held.meeting_id)
    assert QApplication.focusWidget() is editor.header_form.minute_taker_edit

    editor.navigation.jump_to(ChecklistTarget("attendance"))
    editor.navigation.jump_to(ChecklistTarget("meeting.place"))
    editor.navigation.jump_to(ChecklistTarget("conflicts", held.item_ids[1]))
    assert tabs == ["attendance", "meeting.place", "conflicts"]


def test_clicking_a_missing_line_jumps(qtbot, make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    lines = editor.checklist.lines
    # The list is reread in the worker: click once no reread is due, so the lines stay put.
    qtbot.waitUntil(lambda: lines.count() > 0 and editor.idle(), timeout=WAIT)
    row = next(i for i in range(lines.count()) if "Protokollführung" in lines.item(i).text())
    # Wrapped lines are laid out later: their rectangles until then are one line high.
    lines.doItemsLayout()
    lines.scrollToItem(lines.item(row))
    rect = lines.visualItemRect(lines.item(row))
    QTest.mouseClick(lines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() is editor.header_form.minute_taker_edit


def test_a_conflict_shows_both_texts_and_keeps_mine_when_chosen(
    qtbot, make_editor, services, held, dialogs
) -> None:
    editor = make_editor(held.meeting_id)
    item_id = held.item_ids[1]
    show_item(editor, item_id)
    # Another PC saves the item meanwhile.
    version = services.minutes.minutes(held.meeting_id).items[1].version
    services.minutes.save_item(item_id, ItemTexts(discussion="vom anderen PC"), version, "pc2")
    dialogs.choices = ["left"]

    QTest.keyClicks(editor.item_form.discussion_edit, "meiner")
    editor.autosave.save_now()

    qtbot.waitUntil(lambda: stored_texts(services, held, 1).discussion == "meiner", timeout=WAIT)
    title, mine, theirs = dialogs.offered[0]
    assert title == "Gleichzeitig geändert"
    assert "meiner" in mine and "vom anderen PC" in theirs
    # Captioned as the form says, not "Beratung:" beside "Wesentlicher Inhalt".
    assert mine.startswith("Wesentlicher Inhalt:\nmeiner")
    assert "\n\nBeschluss (wörtlich):\n" in theirs


def test_a_conflict_takes_their_text_when_chosen(qtbot, make_editor, services, held, dialogs):
    editor = make_editor(held.meeting_id)
    item_id = held.item_ids[1]
    show_item(editor, item_id)
    version = services.minutes.minutes(held.meeting_id).items[1].version
    services.minutes.save_item(item_id, ItemTexts(discussion="vom anderen PC"), version, "pc2")

    QTest.keyClicks(editor.item_form.discussion_edit, "meiner")
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: bool(dialogs.offered), timeout=WAIT)
    assert stored_texts(services, held, 1).discussion == "vom anderen PC"  # nothing overwritten
    assert editor.indicator.text().startswith("Nicht gespeichert")

    editor.autosave.resolve(item_key(item_id), keep_mine=False)  # the user's answer

    assert editor.item_form.discussion_edit.toPlainText() == "vom anderen PC"
    assert not editor.autosave.is_busy()


def test_an_item_only_renamed_elsewhere_is_saved_without_the_conflict_question(
    qtbot, make_editor, services, held, dialogs
) -> None:
    """Another PC corrects the item's title (its version moves, its texts do not): the text
    typed here is saved, nobody is asked to choose."""
    editor = make_editor(held.meeting_id)
    item_id = held.item_ids[1]
    show_item(editor, item_id)
    item = next(i for i in services.agenda.agenda(held.meeting_id).items if i.key == item_id)
    services.agenda.update(replace(item, title="Bericht der Geschäftsstelle"))

    QTest.keyClicks(editor.item_form.discussion_edit, "meiner")
    editor.autosave.save_now()

    qtbot.waitUntil(lambda: stored_texts(services, held, 1).discussion == "meiner", timeout=WAIT)
    assert dialogs.offered == []


def test_recovered_text_is_offered_and_taken(qtbot, make_editor, services, held, dialogs):
    first = make_editor(None)
    key = item_key(held.item_ids[3])
    first.autosave.recovery.write(
        RecoveryEntry(key, {"discussion": "gerettet", "motion_text": "", "resolution_text": "",
                            "result": ""}, 1, {"meeting_id": held.meeting_id, "label": "TOP 4"}),
        1,
    )  # fmt: skip
    dialogs.choices = ["left"]

    editor = make_editor(held.meeting_id)

    assert dialogs.offered[0][0] == "Ungesicherten Text gefunden"
    assert "gerettet" in dialogs.offered[0][1]
    qtbot.waitUntil(lambda: stored_texts(services, held, 3).discussion == "gerettet", timeout=WAIT)
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() == [], timeout=WAIT)


def test_recovered_text_can_be_discarded(qtbot, make_editor, services, held, dialogs):
    first = make_editor(None)
    key = item_key(held.item_ids[3])
    texts = {"discussion": "weg damit", "motion_text": "", "resolution_text": "", "result": ""}
    first.autosave.recovery.write(RecoveryEntry(key, texts, 1, {}), 1)
    dialogs.choices = ["right"]

    editor = make_editor(held.meeting_id)

    assert editor.autosave.recovery.entries() == []
    assert stored_texts(services, held, 3).discussion == ""


def test_votes_are_saved_and_refused_counts_explained(qtbot, make_editor, services, held):
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    line = box.lines[0]
    line.counts["yes"].setValue(9)
    line.counts["yes"].editingFinished.emit()
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert box.message_label.text() == (
        "Es sind 9 Stimmen erfasst, aber bei TOP 3 waren nur 3 stimmberechtigte Mitglieder "
        "anwesend."
    )
    assert box.message_label.objectName() == "errorLabel"

    line.counts["yes"].setValue(2)
    line.counts["yes"].editingFinished.emit()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    votes = services.minutes.minutes(held.meeting_id).items[2].votes
    assert [(v.mode, v.yes) for v in votes] == [(VoteMode.COUNTED, 2)]
    assert not editor.items.is_marked(item_key(held.item_ids[2]))

    line.mode_combo.setCurrentIndex(line.mode_combo.findData(VoteMode.UNANIMOUS.value))
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    votes = services.minutes.minutes(held.meeting_id).items[2].votes
    assert [(v.mode, v.yes) for v in votes] == [(VoteMode.UNANIMOUS, 3)]


def test_a_refused_vote_stays_typed_when_another_item_is_shown_and_back(
    qtbot, make_editor, services, held, dialogs
):
    """(found by a tester) Votes refused for too many counts were dropped without a word as
    soon as another item was shown: subject and counts were gone when coming back."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    line = box.lines[0]
    QTest.keyClicks(line.subject_edit, "Beschlussvorschlag")
    line.counts["yes"].setValue(9)
    line.counts["yes"].editingFinished.emit()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    refusal = box.message_label.text()
    assert refusal.startswith("Es sind 9 Stimmen erfasst")

    show_item(editor, held.item_ids[1])
    assert box.lines == []
    show_item(editor, held.item_ids[2])

    assert [(v.subject, v.yes) for v in box.drafts()] == [("Beschlussvorschlag", 9)]
    assert box.message_label.text() == refusal
    assert services.minutes.minutes(held.meeting_id).items[2].votes == ()
    dialogs.answer_yes = False  # "Nein": stay
    assert not editor.flush(lambda: None)  # leaving the minutes asks first
    assert "Beschlussvorschlag" in dialogs.messages[-1][2]

    box.lines[0].counts["yes"].setValue(2)
    box.lines[0].counts["yes"].editingFinished.emit()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    votes = services.minutes.minutes(held.meeting_id).items[2].votes
    assert [(v.subject, v.yes) for v in votes] == [("Beschlussvorschlag", 2)]
    assert editor.flush(lambda: None)


def test_votes_are_saved_off_the_gui_thread_and_a_change_meanwhile_follows(
    qtbot, make_editor, services, held, monkeypatch
):
    save = services.minutes.save_votes
    threads: list[threading.Thread] = []
    saved: list[SavedVotes] = []
    release = threading.Event()

    def slow_save(*args):
        threads.append(threading.current_thread())
        release.wait(WAIT / 1000)  # the first save is still running while the user goes on
        saved.append(save(*args))
        return saved[-1]

    monkeypatch.setattr(services.minutes, "save_votes", slow_save)
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()  # nothing entered yet: nothing to save
    assert editor.vote_actions.idle()
    line = box.lines[0]
    line.mode_combo.setCurrentIndex(line.mode_combo.findData(VoteMode.UNANIMOUS.value))
    assert not editor.idle()  # returned while the new vote is being saved
    line.subject_edit.setText("Beschlussvorschlag")
    line.subject_edit.editingFinished.emit()  # waits for that save, then updates its vote
    release.set()
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert len(threads) == 2 and threading.main_thread() not in threads
    assert [v.id for v in saved[1].votes] == [v.id for v in saved[0].votes]  # not a second vote
    votes = services.minutes.minutes(held.meeting_id).items[2].votes
    assert [(v.mode, v.subject) for v in votes] == [(VoteMode.UNANIMOUS, "Beschlussvorschlag")]
    assert box.message_label.text() == ""


def test_votes_changed_on_another_pc_are_not_overwritten(qtbot, make_editor, services, held):
    editor = make_editor(held.meeting_id)
    item_id = held.item_ids[2]
    show_item(editor, item_id)
    services.minutes.save_votes(item_id, [VoteDraft(mode=VoteMode.UNANIMOUS)], ())
    box = editor.item_form.votes
    box.add_vote()
    line = box.lines[0]
    line.mode_combo.setCurrentIndex(line.mode_combo.findData(VoteMode.NOTED.value))
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert box.message_label.objectName() == "errorLabel"
    assert box.message_label.text() == (  # no "reload" (done), and what was typed, to copy
        "Die Abstimmungen zu TOP 3 wurden inzwischen von jemand anderem geändert. Sie sehen "
        "jetzt die gespeicherten. Ihre Eingabe „ohne Abstimmung zur Kenntnis genommen“ ist "
        "nicht gespeichert; bitte tragen Sie sie erneut ein, wenn sie gilt."
    )
    votes = services.minutes.minutes(held.meeting_id).items[2].votes
    assert [v.mode for v in votes] == [VoteMode.UNANIMOUS]  # theirs stays
    assert [line.mode() for line in editor.item_form.votes.lines] == [VoteMode.UNANIMOUS]


def test_a_departure_recorded_meanwhile_takes_the_member_out_of_the_votes_recused(
    qtbot, make_editor, services, council_id, held
):
    """(found by a tester) Back from the Anwesenheit tab, where a recused member was
    recorded as gone before the item, the item said 5 of 9 present and no recusal, but the
    votes still said "Befangen und nicht mitgestimmt: Anna Berg (…)"."""
    berg = next(m.id for m in services.members.members(council_id) if m.family_name == "Berg")
    item_id = held.item_ids[2]
    services.conflicts.declare(item_id, berg, "Partner im Projekt")
    services.minutes.save_votes(item_id, [VoteDraft(yes=2)])
    editor = make_editor(held.meeting_id)
    show_item(editor, item_id)
    box = editor.item_form.votes
    assert (
        box.recused_label.text() == "Befangen und nicht mitgestimmt: Anna Berg (Partner im Projekt)"
    )

    entry = services.attendance.sheet(held.meeting_id).entry(berg)
    services.attendance.save_entry(held.meeting_id, replace(entry, left_item_id=held.item_ids[0]))
    editor.refresh()

    assert "Befangen" not in editor.item_form.presence_label.text()
    assert box.recused_label.text() == "" and box.recused_label.isHidden()
    assert [line.draft().yes for line in box.lines] == [2]


def test_the_recused_are_named_as_the_minutes_name_them(
    qtbot, make_editor, services, council_id, held
):
    """(found by a tester) The editor said "Befangen: A (Grund.), B (…)": the reason's full
    stop inside the bracket and a comma between the members, where the minutes print
    "A (Grund); B (…)"."""
    members = {m.family_name: m.id for m in services.members.members(council_id)}
    item_id = held.item_ids[2]
    services.conflicts.declare(item_id, members["Berg"], "Partner im Projekt, Teilprojekt 2.")
    services.conflicts.declare(item_id, members["Dahl"], "Bieterin.")
    editor = make_editor(held.meeting_id)
    show_item(editor, item_id)

    named = "Anna Berg (Partner im Projekt, Teilprojekt 2); Anna Dahl (Bieterin)"
    assert f"Befangen: {named}" in editor.item_form.presence_label.text()
    assert editor.item_form.votes.recused_label.text() == (
        f"Befangen und nicht mitgestimmt: {named}"
    )


def test_a_non_public_item_is_called_nichtoeffentlich_as_in_the_minutes(
    make_editor, services, held
) -> None:
    """(found by a tester) The item's line said "nicht öffentlich", where the minutes, the
    agenda and the invitation say "nichtöffentlich"."""
    with services.database.transaction() as session:
        session.get(models.AgendaItem, held.item_ids[2]).public = False
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    assert editor.item_form.details_label.text().split(" · ")[0] == "nichtöffentlich"
    show_item(editor, held.item_ids[1])
    assert editor.item_form.details_label.text().split(" · ")[0] == "öffentlich"


def test_a_meeting_not_held_or_cancelled_shows_a_hint(make_editor, services, council_id):
    planned = add_meeting(services.database, council_id)
    editor = make_editor(planned.meeting_id)
    assert editor.hint_label.text().startswith("Ein Protokoll gibt es nur für durchgeführte")
    assert not editor.body.isVisible()
    cancel(services.database, planned.meeting_id)
    editor.refresh()
    assert "abgesagt" in editor.hint_label.text()
    editor.set_meeting(None)
    assert editor.hint_label.text().startswith("Keine Sitzung gewählt.")


def test_every_text_field_is_german_and_accepts_long_input(make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    for edit in editor.header_form.findChildren(QLineEdit):
        assert edit.maxLength() <= 200 or edit.maxLength() == 32767


def test_a_phrase_is_inserted_at_the_cursor(qtbot, make_editor, services, held, council_id):
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    editor.item_form.resolution_edit.setFocus()
    QTest.keyClicks(editor.item_form.resolution_edit, "Beschluss: ")

    editor.phrase_menu.fill()
    actions = editor.phrase_menu.actions()
    templates = services.text_templates.templates(council_id)
    assert [a.text().replace("&&", "&") for a in actions] == [t.label for t in templates]
    actions[0].trigger()

    assert editor.item_form.resolution_edit.toPlainText() == "Beschluss: " + templates[0].text
    qtbot.waitUntil(
        lambda: (
            stored_texts(services, held, 1).resolution_text == "Beschluss: " + templates[0].text
        ),
        timeout=WAIT,
    )


def test_a_recommendation_is_adopted_and_removed(qtbot, make_editor, services, held, dialogs):
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.recommendations
    box.add_button.click()
    dialog = editor.recommendation_actions.dialog
    dialog.submit()  # no title: refused in the dialog
    assert dialog.isVisible() and "Titel" in dialog.error_label.text()
    dialog.title_edit.setText(f"Offene Daten {HOSTILE}")
    dialog.submit()

    assert not dialog.isVisible()
    (line,) = [box.list.item(i).text() for i in range(box.list.count())]
    assert line.startswith("E-2026-01 · Empfehlung: ") and HOSTILE in line
    stored = services.minutes.minutes(held.meeting_id).items[2].recommendations
    assert [r.code for r in stored] == ["E-2026-01"]
    assert not editor.items.is_marked(item_key(held.item_ids[2]))

    box.list.setCurrentRow(0)
    box.remove_button.click()  # the scripted dialog answers yes
    assert services.minutes.minutes(held.meeting_id).items[2].recommendations == ()
    assert box.list.count() == 0
    assert editor.items.is_marked(item_key(held.item_ids[2]))


def test_a_recommendation_sent_meanwhile_says_so_and_is_not_offered_for_removal(
    qtbot, make_editor, held, services
):
    """Once sent it belongs to the register: the line names its state and "Entfernen" is
    off (its tooltip says why), rather than asking and then refusing."""
    services.minutes.adopt_recommendation(held.item_ids[2], RecommendationDraft("Bleibt"))
    sent = services.minutes.adopt_recommendation(held.item_ids[2], RecommendationDraft("Versandt"))
    services.recommendations.send(sent.id, sent.version, date(2026, 3, 20))
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.recommendations

    lines = [box.list.item(i).text() for i in range(box.list.count())]
    assert lines[0].endswith("Bleibt\u2069") and lines[1].endswith("Versandt\u2069 (übermittelt)")
    box.list.setCurrentRow(1)
    assert not box.remove_button.isEnabled()
    assert "bereits „übermittelt“" in box.remove_button.toolTip()
    box.list.setCurrentRow(0)
    assert box.remove_button.isEnabled() and box.remove_button.toolTip() == ""


def test_the_recommendation_dialog_shows_the_action_field_of_its_project(
    qtbot, make_editor, held, services, council_id
):
    """The minutes service takes the project's field where none is chosen: the dialog says
    so instead of "– kein Handlungsfeld –"; it follows the project until a field is picked."""
    field, other = (f.id for f in services.settings.action_fields(council_id)[:2])
    project_id = services.projects.create(council_id, Project(None, "Klimaportal", "", field))
    with services.database.transaction() as session:
        session.get(models.AgendaItem, held.item_ids[1]).project_id = project_id
    project = services.projects.project(project_id)
    ended = services.projects.create(council_id, Project(None, "Altportal", "", field))
    services.projects.close(services.projects.project(ended))
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    editor.item_form.recommendations.add_button.click()
    dialog = editor.recommendation_actions.dialog

    # (found by a helper) marked as in the Empfehlungen page's dialog, after the running ones
    assert dialog.project_combo.itemText(2) == "Altportal (abgeschlossen)"
    assert dialog.field_combo.currentData() == project.action_field_id
    dialog.project_combo.setCurrentIndex(0)  # "– kein Projekt –"
    assert dialog.field_combo.currentData() is None
    dialog.project_combo.setCurrentIndex(dialog.project_combo.findData(project.id))
    assert dialog.field_combo.currentData() == project.action_field_id
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData(other))
    dialog.field_combo.activated.emit(dialog.field_combo.currentIndex())  # the user's choice
    dialog.project_combo.setCurrentIndex(0)
    assert dialog.field_combo.currentData() == other  # kept

    dialog.title_edit.setText("Ohne Projekt")
    dialog.submit()  # "– kein Projekt –" as chosen, not the item's project
    (stored,) = services.minutes.minutes(held.meeting_id).item(held.item_ids[1]).recommendations
    assert (stored.project_id, stored.action_field_id) == (None, other)


def test_the_recommendation_dialog_starts_in_its_title_and_tab_ends_on_its_buttons(
    qtbot, make_editor, held
):
    """The cursor starts in Titel, the field typed first; it started in Art (found by a
    tester)."""
    dialog = _new_recommendation_dialog(qtbot, make_editor(held.meeting_id), held)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)

    assert QApplication.focusWidget() is dialog.title_edit
    dialog.field_combo.setFocus()  # the last field
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    # The buttons as shown, then round to the first field ("Abbrechen" came first before).
    box = dialog.findChild(QDialogButtonBox)
    shown = sorted(box.buttons(), key=lambda button: button.x())
    assert reached == [*shown, dialog.kind_combo]


def test_escape_asks_before_a_typed_recommendation_is_thrown_away(
    qtbot, make_editor, held, dialogs
):
    dialog = _new_recommendation_dialog(qtbot, make_editor(held.meeting_id), held)
    escape_asks_before_dropping(qtbot, dialogs, dialog, dialog.title_edit, "Offene Daten zuerst")


def test_escape_closes_an_untouched_recommendation_dialog_without_asking(
    qtbot, make_editor, held, dialogs
):
    dialog = _new_recommendation_dialog(qtbot, make_editor(held.meeting_id), held)
    escape_closes_at_once(qtbot, dialogs, dialog, dialog.kind_combo)


def _new_recommendation_dialog(qtbot, editor, held):
    """The dialog of a new recommendation, opened in the consultation's item."""
    show_item(editor, held.item_ids[2])
    editor.item_form.recommendations.add_button.click()
    dialog = editor.recommendation_actions.dialog
    exposed(dialog)
    return dialog


def test_the_meetings_page_shows_the_tab_a_checklist_line_points_at(qtbot, services, dialogs):
    page = MeetingsPage(services, dialogs, lambda: date(2026, 11, 27))
    qtbot.addWidget(page)
    editor = page.findChild(MinutesEditor)
    page.tabs.setCurrentWidget(editor)

    editor.open_tab.emit("attendance")
    assert isinstance(page.tabs.currentWidget(), AttendancePanel)
    editor.open_tab.emit("meeting")
    assert isinstance(page.tabs.currentWidget(), MeetingForm)


def test_a_checklist_line_about_the_meeting_puts_the_cursor_in_its_field(
    qtbot, services, dialogs, council_id, held
):
    """(found by a tester) "✓ Ort: Rathaus" and "✓ Datum: …" showed the Sitzung tab with the
    cursor on its tab bar (or in "Art"), not in the place or the date."""
    page, editor = minutes_tab_of(qtbot, services, dialogs, council_id, held.meeting_id, TODAY)
    with qtbot.waitActive(page, timeout=WAIT):  # the cursor needs the active window
        page.activateWindow()
    form = page.findChild(MeetingForm)

    editor.navigation.jump_to(ChecklistTarget("meeting.place"))
    assert page.tabs.currentWidget() is form
    assert QApplication.focusWidget() is form.place_edit

    page.tabs.setCurrentWidget(editor)
    editor.navigation.jump_to(ChecklistTarget("meeting.date"))
    assert page.tabs.currentWidget() is form
    assert QApplication.focusWidget() is form.date_edit


def test_finishing_an_incomplete_draft_is_refused_with_what_is_missing(
    qtbot, make_editor, held, dialogs
) -> None:
    editor = make_editor(held.meeting_id)
    qtbot.waitUntil(lambda: editor.checklist.lines.count() > 0, timeout=WAIT)
    assert not editor.checklist.finish_button.isEnabled()
    assert editor.checklist.summary.text().startswith("Es fehlen noch ")

    editor.draft_finishing.finish()  # as if the button were pressed anyway

    (warning,) = dialogs.warnings()
    assert "Die Protokollführung ist nicht angegeben." in warning


def test_the_meetings_page_still_saves_the_minutes_after_a_typed_meeting_is_dropped(
    qtbot, services, dialogs, council_id, held
) -> None:
    page, editor = minutes_tab_of(qtbot, services, dialogs, council_id, held.meeting_id, TODAY)
    show_item(editor, held.item_ids[2])
    QTest.keyClicks(editor.item_form.discussion_edit, "vor dem Wechsel")
    page.form.place_edit.setText("Anderer Ort")
    gone = []

    assert not page.flush(lambda: gone.append(1))  # asked; the scripted "Ja" goes on

    assert [title for kind, title, _ in dialogs.messages if kind == "question"] == [
        "Sitzung nicht gespeichert"
    ]
    assert gone == [1]
    recovered = {e.key: e.payload for e in editor.autosave.recovery.entries()}
    assert recovered[item_key(held.item_ids[2])]["discussion"] == "vor dem Wechsel"
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 2).discussion == "vor dem Wechsel", timeout=WAIT
    )
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_a_count_typed_just_before_ctrl_enter_is_saved_with_its_item(
    qtbot, make_editor, services, held
) -> None:
    """The spin box still has the focus when the next item is shown: its count belongs to
    the item it was typed in, not lost and not saved with the next item's votes."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    yes = box.lines[0].counts["yes"]
    yes.setFocus()
    yes.selectAll()
    QTest.keyClicks(yes, "2")

    QTest.keyClick(yes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert editor.items.current_key() == item_key(held.item_ids[3])
    minutes = services.minutes.minutes(held.meeting_id)
    assert [(v.mode, v.yes) for v in minutes.items[2].votes] == [(VoteMode.COUNTED, 2)]
    assert minutes.items[3].votes == ()


def test_a_count_typed_before_the_minutes_are_left_is_saved(
    qtbot, make_editor, services, held
) -> None:
    """Ctrl+Q or Ctrl+N leave the minutes while the focus is still in a count."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    box.lines[0].subject_edit.setFocus()
    QTest.keyClicks(box.lines[0].subject_edit, "Beschlussvorschlag")
    box.lines[0].mode_combo.setCurrentIndex(
        box.lines[0].mode_combo.findData(VoteMode.UNANIMOUS.value)
    )  # saved at once, with the subject typed so far
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    QTest.keyClicks(box.lines[0].subject_edit, " der Verwaltung")

    assert editor.flush(lambda: None)
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    (vote,) = services.minutes.minutes(held.meeting_id).items[2].votes
    assert vote.subject == "Beschlussvorschlag der Verwaltung"


def _tab_from(widget, presses: int) -> list:
    """The widgets the Tab key reaches from ``widget``, in turn."""
    reached = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def test_a_new_vote_takes_the_focus_and_tab_follows_the_votes_in_order(
    qtbot, make_editor, services, held
) -> None:
    """Keyboard only: "Abstimmung hinzufügen" puts the cursor into the new vote, with no
    refusal before anything is typed, and Tab goes through the votes where they stand
    (before, their fields came after "Weiter ▶", at the end of the window)."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_button.setFocus()

    QTest.keyClick(box.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.lines and box.lines[-1].isVisible(), timeout=WAIT)

    (first,) = box.lines
    assert QApplication.focusWidget() is first.subject_edit
    assert box.message_label.text() == ""  # nothing typed, nothing refused yet
    QTest.keyClick(box.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.lines[-1].isVisible(), timeout=WAIT)
    second = box.lines[1]
    assert QApplication.focusWidget() is second.subject_edit

    editor.item_form.result_edit.setFocus()
    stops = [first.subject_edit, first.mode_combo, *first.counts.values(), first.remove_button]
    stops += [second.subject_edit, second.mode_combo, *second.counts.values()]
    stops += [second.remove_button, box.add_button]
    assert _tab_from(editor.item_form.result_edit, len(stops)) == stops


def test_tab_follows_the_stored_votes_of_an_item_shown_again(
    qtbot, make_editor, services, held
) -> None:
    item_id = held.item_ids[2]
    services.minutes.save_votes(item_id, [VoteDraft(mode=VoteMode.UNANIMOUS)], ())
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    show_item(editor, item_id)
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    box = editor.item_form.votes

    editor.item_form.result_edit.setFocus()
    (line,) = box.lines
    stops = [line.subject_edit, line.mode_combo, line.remove_button, box.add_button]
    assert _tab_from(editor.item_form.result_edit, len(stops)) == stops  # counts are off


def test_removing_a_vote_with_the_keyboard_leaves_the_focus_in_the_votes(
    qtbot, make_editor, held
) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    line = box.lines[0]
    line.remove_button.setFocus()

    QTest.keyClick(line.remove_button, Qt.Key.Key_Space)

    assert box.lines == []
    assert QApplication.focusWidget() is box.add_button
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_an_end_before_the_start_says_what_to_correct(qtbot, make_editor, services, held):
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))
    form = editor.header_form
    form.opened_edit.setTime(QTime(19, 0))
    form.closed_edit.setTime(QTime(18, 20))
    editor.autosave.save_now()

    qtbot.waitUntil(lambda: "18:20" in editor.indicator.text(), timeout=WAIT)
    assert "sobald die Eingabe korrigiert ist" in editor.indicator.text()
    assert "wiederholt" not in editor.indicator.text()

    form.opened_edit.setTime(QTime(16, 5))
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: editor.indicator.text().startswith("gespeichert · "), timeout=WAIT)
    assert services.minutes.minutes(held.meeting_id).header.opened_at == time(16, 5)


def test_a_missing_approval_of_the_previous_minutes_opens_that_meeting_s_approval_tab(
    qtbot, services, dialogs, council_id, held
) -> None:
    """They are approved in the Genehmigung tab of the previous meeting, not in this one."""
    members = [m.id for m in services.members.members(council_id)]
    second = held_meeting(
        services.database, council_id, members, starts_at=datetime(2026, 6, 9, 16, 0)
    )
    page, editor = minutes_tab_of(qtbot, services, dialogs, council_id, second.meeting_id, TODAY)
    qtbot.waitUntil(lambda: editor.checklist.lines.count() > 0, timeout=WAIT)
    lines = editor.checklist.lines
    (line,) = [
        lines.item(i)
        for i in range(lines.count())
        if lines.item(i).text().startswith("✗ Das Protokoll der 1. Sitzung")
    ]

    lines.itemClicked.emit(line)

    assert page.selected().id == held.meeting_id
    assert isinstance(page.tabs.currentWidget(), MinutesApprovalPanel)
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_text_pasted_from_a_pdf_is_saved_without_its_invisible_hyphens(
    qtbot, make_editor, services, held
) -> None:
    """A soft hyphen, zero-width space or bidi isolate copied along is invisible in the box;
    kept, the whole text could not be saved ("enthält ein unsichtbares Steuerzeichen")."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    edit = editor.item_form.discussion_edit
    edit.setFocus()
    QApplication.clipboard().setText("Digitali\u00adsierung der Stadt\u200bverwaltung \u2068")

    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    editor.autosave.save_now()

    assert edit.toPlainText() == "Digitalisierung der Stadtverwaltung "
    qtbot.waitUntil(
        lambda: (
            stored_texts(services, held, 1).discussion == "Digitalisierung der Stadtverwaltung "
        ),
        timeout=WAIT,
    )


def _in_view(editor: MinutesEditor, widget) -> bool:
    viewport = editor.scroll.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= viewport.height()


def test_a_jump_to_the_votes_scrolls_them_into_view(qtbot, make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    editor.resize(1000, 450)  # the votes lie below the visible part of the form

    editor.navigation.jump_to(ChecklistTarget("votes", held.item_ids[2]))

    assert QApplication.focusWidget() is editor.item_form.votes.add_button
    assert _in_view(editor, editor.item_form.votes.add_button)


def test_the_next_item_shows_from_its_start(qtbot, make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    editor.resize(1000, 450)
    show_item(editor, held.item_ids[0])
    bar = editor.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # down at the votes of TOP 1
    editor.item_form.result_edit.setFocus()

    QTest.keyClick(
        editor.item_form.result_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )

    assert editor.items.current_key() == item_key(held.item_ids[1])
    assert bar.value() == 0
    assert _in_view(editor, editor.item_form.heading)
    assert _in_view(editor, editor.item_form.discussion_edit)


def test_a_phrase_chosen_in_the_ergebnis_goes_into_the_ergebnis(
    qtbot, make_editor, services, held, council_id
) -> None:
    """ "Kenntnisnahme" is what the Ergebnis often says; it went into the Beschluss."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    editor.item_form.result_edit.setFocus()
    QTest.keyClicks(editor.item_form.result_edit, "Ergebnis: ")
    editor.phrase_button.setFocus()  # Tab to "Textbaustein", Space opens the menu

    editor.phrase_menu.fill()
    (action,) = [a for a in editor.phrase_menu.actions() if a.text() == "Kenntnisnahme"]
    action.trigger()

    text = next(
        t.text for t in services.text_templates.templates(council_id) if t.label == "Kenntnisnahme"
    )
    assert editor.item_form.result_edit.text() == "Ergebnis: " + text
    assert editor.item_form.resolution_edit.toPlainText() == ""
    assert QApplication.focusWidget() is editor.item_form.result_edit
    editor.autosave.save_now()
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 1).result == "Ergebnis: " + text, timeout=WAIT
    )


def test_a_phrase_of_emoji_too_long_for_the_ergebnis_as_qt_counts_is_left_out_whole(
    qtbot, make_editor, held
) -> None:
    """(found by a tester) The check before inserting counted characters, Qt's limit counts
    an emoji twice: "🎉🎉🎉" after 95 characters seemed to fit and Qt put in two of them
    without a word."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    result = editor.item_form.result_edit
    result.setText("x" * 95)
    result.setFocus()

    assert not editor.item_form.insert_phrase("🎉🎉🎉")
    assert result.text() == "x" * 95
    assert editor.item_form.insert_phrase("🎉🎉")
    assert result.text() == "x" * 95 + "🎉🎉"


ALT = Qt.KeyboardModifier.AltModifier


def test_every_field_of_the_minutes_has_its_alt_key_and_a_spoken_name(
    qtbot, make_editor, held
) -> None:
    """Keyboard only, during the meeting: Alt and the underlined letter reach each field."""
    editor = make_editor(held.meeting_id)
    header = editor.header_form
    header.opened_edit.setFocus()
    for key, field in (
        (Qt.Key.Key_E, header.closed_edit),
        (Qt.Key.Key_S, header.chair_combo),
        (Qt.Key.Key_P, header.minute_taker_edit),
        (Qt.Key.Key_O, header.agenda_changes_edit),
        (Qt.Key.Key_B, header.opened_edit),
        (Qt.Key.Key_V, editor.checklist.lines),
    ):
        QTest.keyClick(QApplication.focusWidget(), key, ALT)
        assert QApplication.focusWidget() is field

    show_item(editor, held.item_ids[2])
    form = editor.item_form
    form.result_edit.setFocus()
    for key, field in (
        (Qt.Key.Key_I, form.discussion_edit),
        (Qt.Key.Key_A, form.motion_edit),
        (Qt.Key.Key_B, form.resolution_edit),
        (Qt.Key.Key_E, form.result_edit),
    ):
        QTest.keyClick(QApplication.focusWidget(), key, ALT)
        assert QApplication.focusWidget() is field

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ALT)  # Abstimmung hinzufügen
    qtbot.waitUntil(lambda: len(form.votes.lines) == 1, timeout=WAIT)  # an animated click
    assert QApplication.focusWidget() is form.votes.lines[0].subject_edit
    assert form.votes.lines[0].subject_edit.accessibleName() == "Gegenstand der Abstimmung"
    assert form.discussion_edit.accessibleName() == "" and form.discussion_label.buddy() is (
        form.discussion_edit
    )  # a screen reader names it after its label
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_a_start_and_end_are_typed_into_the_empty_time_fields(
    qtbot, make_editor, services, held
) -> None:
    """The fields show "––:––" while there is no time; typed digits replaced nothing but
    were appended to the dashes ("––:––605"), and the time stayed empty."""
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))
    form = editor.header_form
    assert form.opened_edit.text() == "––:––"
    form.opened_edit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(form.opened_edit, "1605")
    QTest.mouseClick(form.closed_edit, Qt.MouseButton.LeftButton)
    QTest.keyClicks(form.closed_edit, "1820")
    form.minute_taker_edit.setFocus()

    assert (form.opened_edit.text(), form.closed_edit.text()) == ("16:05", "18:20")
    qtbot.waitUntil(
        lambda: services.minutes.minutes(held.meeting_id).header.closed_at == time(18, 20),
        timeout=WAIT,
    )
    assert services.minutes.minutes(held.meeting_id).header.opened_at == time(16, 5)


def test_an_item_says_who_was_there_once(make_editor, held) -> None:
    """Not "Anwesend: 3 von 3 stimmberechtigten Mitgliedern anwesend"."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[0])

    presence = editor.item_form.presence_label.text()
    assert presence.startswith("Laut Anwesenheit: 3 von 3 stimmberechtigten Mitgliedern anwesend")


def test_minutes_of_a_meeting_without_recorded_attendance_say_so_not_no_quorum(
    make_editor, services, council_id
) -> None:
    """As Anwesenheit says it: not "Laut Anwesenheit: 0 von 3 … nicht beschlussfähig"."""
    held = held_meeting(services.database, council_id, [])  # nobody recorded
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))

    assert editor.header_form.quorum_label.text() == (
        "Anwesenheit noch nicht erfasst (3 Mitglieder)"
    )
    show_item(editor, held.item_ids[0])
    assert editor.item_form.presence_label.text() == "Anwesenheit noch nicht erfasst"


def test_a_stored_vote_is_removed_only_after_asking(
    qtbot, make_editor, services, held, dialogs
) -> None:
    item_id = held.item_ids[2]
    services.minutes.save_votes(
        item_id, [VoteDraft(yes=2, abstain=1, subject="Beschlussvorschlag")], ()
    )
    editor = make_editor(held.meeting_id)
    show_item(editor, item_id)
    box = editor.item_form.votes
    dialogs.answer_yes = False

    box.lines[0].remove_button.click()

    assert dialogs.messages[-1] == (
        "question",
        "Abstimmung entfernen",
        "Die Abstimmung „Beschlussvorschlag“ (Ja 2 · Nein 0 · Enthaltung 1) aus dem "
        "Protokoll entfernen?",
    )
    assert len(box.lines) == 1
    dialogs.answer_yes = True
    box.lines[0].remove_button.click()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert box.lines == []
    assert services.minutes.minutes(held.meeting_id).items[2].votes == ()


def test_finishing_with_refused_input_names_it_instead_of_asking_to_wait(
    qtbot, make_editor, services, held, dialogs
) -> None:
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))
    editor.header_form.opened_edit.setTime(QTime(19, 0))
    editor.header_form.closed_edit.setTime(QTime(18, 20))
    editor.autosave.save_now()
    qtbot.waitUntil(lambda: "18:20" in editor.indicator.text(), timeout=WAIT)

    editor.draft_finishing.finish()

    (warning,) = dialogs.warnings()
    assert warning.startswith("Nicht gespeichert: Das Ende (18:20) liegt vor dem Beginn (19:00).")
    assert not any("gleich noch einmal" in text for _kind, _title, text in dialogs.messages)
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_a_count_being_typed_survives_a_reread_for_another_pc_s_change(
    qtbot, make_editor, services, held
) -> None:
    """The window rereads the tabs that hold nothing unsaved when another PC changed the
    council; a count typed into a field that still has the focus is unsaved input."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    yes = box.lines[0].counts["yes"]
    yes.setFocus()
    yes.selectAll()
    QTest.keyClicks(yes, "2")

    assert editor.has_unsaved_changes()  # so the reread waits (MeetingTabs.refresh_details)
    QTest.keyClick(yes, Qt.Key.Key_Tab)
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert not editor.has_unsaved_changes()
    assert [v.yes for v in services.minutes.minutes(held.meeting_id).items[2].votes] == [2]


def test_lines_pasted_into_the_ergebnis_are_joined_and_saved(
    qtbot, make_editor, services, held
) -> None:
    """Copied from a table cell or a PDF: a line break or a soft hyphen in a one-line field
    is invisible there, and the text could not be saved ("muss in einer Zeile stehen")."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    edit = editor.item_form.result_edit
    edit.setFocus()
    QApplication.clipboard().setText("zur Kennt\u00adnis\r\ngenommen")

    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit, ".")

    assert edit.text() == "zur Kenntnis genommen."
    editor.autosave.save_now()
    qtbot.waitUntil(
        lambda: stored_texts(services, held, 1).result == "zur Kenntnis genommen.", timeout=WAIT
    )


def test_the_step_buttons_are_off_where_they_would_do_nothing(qtbot, make_editor, held) -> None:
    editor = make_editor(held.meeting_id)
    assert editor.items.current_key() == header_key(held.meeting_id)
    assert not editor.previous_button.isEnabled() and editor.next_button.isEnabled()

    show_item(editor, held.item_ids[-1])
    assert editor.previous_button.isEnabled() and not editor.next_button.isEnabled()
    editor.previous_button.click()
    assert editor.items.current_key() == item_key(held.item_ids[-2])
    assert editor.previous_button.isEnabled() and editor.next_button.isEnabled()


def test_a_vote_made_unanimous_shows_the_counts_it_stands_for(
    qtbot, make_editor, services, held
) -> None:
    item_id = held.item_ids[2]
    services.minutes.save_votes(item_id, [VoteDraft(yes=2, abstain=1)], ())
    editor = make_editor(held.meeting_id)
    show_item(editor, item_id)
    line = editor.item_form.votes.lines[0]

    line.mode_combo.setCurrentIndex(line.mode_combo.findData(VoteMode.UNANIMOUS.value))
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert [spin.value() for spin in line.counts.values()] == [3, 0, 0]  # not 2, 0, 1
    assert not any(spin.isEnabled() for spin in line.counts.values())
    (vote,) = services.minutes.minutes(held.meeting_id).items[2].votes
    assert (vote.mode, vote.yes, vote.abstain) == (VoteMode.UNANIMOUS, 3, 0)


def test_the_checklist_keeps_its_place_when_it_is_read_again(qtbot, make_editor, held) -> None:
    """It is read again after every save: someone reading its lower lines stays there."""
    editor = make_editor(held.meeting_id)
    editor.resize(1000, 450)
    lines = editor.checklist.lines
    qtbot.waitUntil(lambda: lines.count() > 0, timeout=WAIT)
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    bar = lines.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    lines.setCurrentRow(lines.count() - 1)
    shown = lines.currentItem().text()

    editor.checklist_refresh.refresh()
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert bar.value() == bar.maximum() > 0
    assert lines.currentItem().text() == shown


def test_minutes_already_sent_offer_no_entwurf_abschliessen(qtbot, make_editor, services, held):
    from expertenrat.domain.enums import MinutesState
    from expertenrat.store import models

    with services.database.transaction() as session:
        session.add(
            models.MinutesVersion(
                meeting_id=held.meeting_id, number=1, state=MinutesState.CIRCULATED.value
            )
        )
    editor = make_editor(held.meeting_id)
    qtbot.waitUntil(lambda: editor.checklist.lines.count() > 0, timeout=WAIT)

    button = editor.checklist.finish_button
    assert not button.isEnabled()
    assert button.toolTip() == "Das Protokoll ist bereits versandt, kein Entwurf mehr."


def test_a_phrase_too_long_for_the_ergebnis_is_not_cut_off(
    qtbot, make_editor, services, held, council_id, dialogs
) -> None:
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    result = editor.item_form.result_edit
    result.setFocus()
    QTest.keyClicks(result, "x" * 60)

    editor.phrase_menu.chosen.emit("Der Expert*innenrat nimmt den Bericht zur Kenntnis.")

    assert result.text() == "x" * 60  # before, the first 40 letters of the phrase came in
    assert dialogs.messages[-1][2] == (
        "Der Textbaustein passt nicht mehr in das Ergebnis (höchstens 100 Zeichen) und ist "
        "nicht eingefügt."
    )
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_the_refusal_of_a_phrase_names_the_ergebnis_limit_beside_a_text_of_emoji(
    qtbot, make_editor, held, dialogs
) -> None:
    """An Ergebnis of 60 emoji (120 UTF-16 code units: the field holds it whole) refuses
    a phrase naming the field's limit of 100 characters, not Qt's grown count."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[1])
    result = editor.item_form.result_edit
    result.setText("🎉" * 60)
    result.setFocus()

    editor.phrase_menu.chosen.emit("Der Expert*innenrat nimmt den Bericht zur Kenntnis.")

    assert result.text() == "🎉" * 60
    assert "(höchstens 100 Zeichen)" in dialogs.messages[-1][2]
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_the_chair_list_marks_members_recorded_as_not_present_and_lists_them_last(
    qtbot, make_editor, services, council_id
) -> None:
    """The checklist reports a chair recorded as entschuldigt or abwesend as missing: the
    chooser says who they are before one is chosen, and still shows one stored so."""
    members = {m.family_name: m.id for m in services.members.members(council_id)}
    held = held_meeting(
        services.database,
        council_id,
        [members["Engel"], members["Berg"], members["Dahl"]],
        present=1,
    )  # Engel present, Berg and Dahl excused
    sheet = services.attendance.sheet(held.meeting_id)
    services.attendance.save_entry(
        held.meeting_id, replace(sheet.entry(members["Dahl"]), status=AttendanceStatus.ABSENT)
    )
    minutes = services.minutes.minutes(held.meeting_id)
    services.minutes.save_header(
        held.meeting_id, replace(minutes.header, chair_membership_id=members["Berg"])
    )
    editor = make_editor(held.meeting_id)
    editor.items.select_key(header_key(held.meeting_id))

    combo = editor.header_form.chair_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "– noch offen –",
        "Anna Engel",
        "Anna Berg – entschuldigt",
        "Anna Dahl – abwesend",
    ]
    assert combo.currentText() == "Anna Berg – entschuldigt"  # the stored chair stays shown
    assert combo.currentData() == members["Berg"]


@pytest.mark.parametrize("due", ["checklist", "save"])
def test_an_editor_deleted_while_work_is_due_is_idle_instead_of_raising(
    qtbot, services, dialogs, held, due
) -> None:
    """A test's wait (``waitUntil(editor.idle)``, as every settle here does) runs Qt's
    deferred deletes: an editor deleted meanwhile took its timers along, and idle() raised
    "Internal C++ object (QTimer) already deleted" from inside the autosave (or, with text
    still unsaved, stayed False for ever)."""
    editor = MinutesEditor(services, dialogs)  # not handed to qtbot: deleted here
    editor.set_meeting(held.meeting_id)
    qtbot.waitUntil(editor.idle, timeout=WAIT)  # the checklist read at opening
    if due == "checklist":
        editor.checklist_refresh.schedule()  # as after a save: a read a moment later
    else:
        show_item(editor, held.item_ids[1])
        editor.item_form.discussion_edit.setPlainText("getippt, noch nicht gespeichert")
    assert not editor.idle()

    editor.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()

    assert editor.idle()  # nothing of it can run or be due any more
    assert not editor.has_unsaved_changes()
    qtbot.waitUntil(editor.idle, timeout=WAIT)


LONG_STATUS = (
    "Nicht gespeichert: Die Verbindung zur Datenbank ist unterbrochen (Server nicht "
    "erreichbar: db.rostock.de:5432). Der Text ist lokal gesichert; das Speichern wird "
    "wiederholt."
)


def test_the_save_status_keeps_its_place_beside_the_buttons_and_shows_a_long_one_on_click(
    qtbot, make_editor, held, dialogs
) -> None:
    """The tab as in a 1024 px window: the status line stays beside the buttons, two lines
    high, whatever it says (before, a long message moved it to a row of its own under the
    buttons, and the form above shrank); a long one ends in "…", the whole on a click."""
    editor = make_editor(held.meeting_id)
    editor.resize(840, 560)
    show_item(editor, held.item_ids[1])
    indicator, button, form = editor.indicator, editor.next_button, editor.scroll
    two_lines = 2 * indicator.fontMetrics().lineSpacing()
    editor.autosave.status_changed.emit("gespeichert · 16:42:05")
    qtbot.waitUntil(lambda: indicator.shown_lines() == ["gespeichert · 16:42:05"], timeout=WAIT)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    place, form_height = indicator.geometry(), form.height()
    # beside the buttons (which stand in a row of their own that may wrap)
    assert place.right() < button.mapTo(indicator.parentWidget(), QPoint(0, 0)).x()
    assert place.height() >= two_lines
    assert indicator.focusPolicy() == Qt.FocusPolicy.NoFocus  # no Tab stop for nothing more

    editor.autosave.status_changed.emit(LONG_STATUS)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    assert (indicator.geometry(), form.height()) == (place, form_height)
    assert indicator.text() == LONG_STATUS  # the whole, for tests and screen readers
    shown = indicator.shown_lines()
    assert len(shown) == 2 and shown[-1].endswith("…")
    QTest.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert dialogs.messages[-1] == ("information", "Speichern", LONG_STATUS)
    assert indicator.focusPolicy() == Qt.FocusPolicy.TabFocus  # from the keyboard too
    dialogs.messages.clear()
    QTest.keyClick(indicator, Qt.Key.Key_Return)
    assert dialogs.messages == [("information", "Speichern", LONG_STATUS)]

    editor.autosave.status_changed.emit("")
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert (indicator.geometry(), form.height()) == (place, form_height)


def _complete_minutes(services, held) -> None:
    """The header and every item filled in: the draft may be finished."""
    minutes = services.minutes.minutes(held.meeting_id)
    chair = next(e.membership_id for e in services.attendance.sheet(held.meeting_id).entries)
    services.minutes.save_header(
        held.meeting_id,
        replace(
            minutes.header, opened_at=time(16, 0), closed_at=time(18, 0),
            chair_membership_id=chair, minute_taker="Frau Schulz", agenda_approved=True,
            quorum_noted=True,
        ),
    )  # fmt: skip
    for item in minutes.items:
        services.minutes.save_item(item.item_id, ItemTexts(f"Zu {item.title}"), item.version, "s")


def test_entwurf_abschliessen_is_a_state_with_its_reverse(
    qtbot, make_editor, services, held, dialogs
) -> None:
    _complete_minutes(services, held)
    editor = make_editor(held.meeting_id)
    button = editor.checklist.finish_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    assert button.text() == "Entwurf abschließen"
    assert editor.checklist.finish_label.isHidden()

    button.click()
    qtbot.waitUntil(lambda: button.text() == "Abschluss aufheben", timeout=WAIT)
    assert dialogs.messages[-1][2] == FINISHED_MESSAGE
    day = services.minutes.checklist(held.meeting_id).finish.finished_on
    assert editor.checklist.finish_label.text() == (
        f"Entwurf abgeschlossen am {day:%d.%m.%Y}; er kann versandt werden: Reiter "
        "„Genehmigung“ → „Protokoll versenden …“."
    )
    assert button.isEnabled()

    button.click()  # "Abschluss aufheben"
    qtbot.waitUntil(lambda: button.text() == "Entwurf abschließen", timeout=WAIT)
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is None
    assert editor.checklist.finish_label.isHidden()
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_removing_the_last_vote_does_not_read_the_minutes_again(
    qtbot, make_editor, services, held, dialogs, monkeypatch
) -> None:
    """Found by review: a save of no votes (the last one removed) counted as one whose box
    had been read again meanwhile (none of its lines shown), and read the whole minutes
    again after every such removal."""
    item_id = held.item_ids[2]
    services.minutes.save_votes(item_id, [VoteDraft(yes=2, subject="Beschlussvorschlag")], ())
    editor = make_editor(held.meeting_id)
    show_item(editor, item_id)
    box = editor.item_form.votes
    read = services.minutes.minutes
    reads: list[int] = []
    monkeypatch.setattr(
        services.minutes, "minutes", lambda meeting_id: reads.append(meeting_id) or read(meeting_id)
    )

    box.lines[0].remove_button.click()  # the scripted dialog answers yes
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert read(held.meeting_id).items[2].votes == ()
    assert reads == []
    assert box.lines == []


def _typed_and_finished_at_once(qtbot, make_editor, held):
    """The complete draft's TOP 2 gets " Nachtrag" typed and "Entwurf abschließen" is
    clicked at once (the save of the text still running)."""
    editor = make_editor(held.meeting_id)
    button = editor.checklist.finish_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    show_item(editor, held.item_ids[1])
    edit = editor.item_form.discussion_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, " Nachtrag")
    button.click()
    return editor, button


def test_entwurf_abschliessen_right_after_typing_saves_and_finishes_in_one_click(
    qtbot, make_editor, services, held, dialogs
) -> None:
    """(found by a tester) The click right after typing said "Es wird noch gespeichert.
    Bitte versuchen Sie es gleich noch einmal." and left the draft open: it waits for the
    save (the window free meanwhile) and finishes."""
    _complete_minutes(services, held)
    editor, button = _typed_and_finished_at_once(qtbot, make_editor, held)

    qtbot.waitUntil(lambda: button.text() == "Abschluss aufheben", timeout=WAIT)
    assert stored_texts(services, held, 1).discussion.endswith(" Nachtrag")
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is not None
    assert [text for _kind, _title, text in dialogs.messages] == [FINISHED_MESSAGE]
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_entwurf_abschliessen_waiting_for_a_save_that_fails_names_why_and_finishes_nothing(
    qtbot, make_editor, services, held, dialogs, monkeypatch
) -> None:
    _complete_minutes(services, held)
    save = services.minutes.save_item
    calls: list[int] = []

    def lost_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionLostError("Die Verbindung zum Datenbankserver ist unterbrochen.")
        return save(*args)

    monkeypatch.setattr(services.minutes, "save_item", lost_once)
    editor, _button = _typed_and_finished_at_once(qtbot, make_editor, held)

    qtbot.waitUntil(lambda: len(dialogs.warnings()) == 1, timeout=WAIT)
    (warning,) = dialogs.warnings()
    assert warning.startswith(
        "Nicht gespeichert, aber lokal gesichert: Die Verbindung zum Datenbankserver ist "
    )
    assert warning.endswith("Der Entwurf ist noch nicht abgeschlossen.")
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is None
    editor.autosave.save_now()  # the retry, not after RETRY_MS
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert stored_texts(services, held, 1).discussion.endswith(" Nachtrag")
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is None  # not later


def test_entwurf_abschliessen_waiting_too_long_for_a_save_asks_to_try_again(
    qtbot, make_editor, services, held, dialogs, monkeypatch
) -> None:
    """A save that does not end (a server that answers nothing) does not hold the finishing
    for ever, nor finishes the draft behind the user's back once it ends."""
    _complete_minutes(services, held)
    save = services.minutes.save_item
    release = threading.Event()

    def hanging(*args):
        release.wait(WAIT / 1000)
        return save(*args)

    monkeypatch.setattr(services.minutes, "save_item", hanging)
    editor = make_editor(held.meeting_id)
    editor.draft_finishing.saved_first.wait_timer.setInterval(50)
    button = editor.checklist.finish_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    show_item(editor, held.item_ids[1])
    editor.item_form.discussion_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.item_form.discussion_edit, " Nachtrag")
    button.click()

    qtbot.waitUntil(lambda: len(dialogs.messages) == 1, timeout=WAIT)
    assert dialogs.messages[0][2] == (
        "Es wird noch gespeichert. Bitte versuchen Sie es gleich noch einmal."
    )
    release.set()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert stored_texts(services, held, 1).discussion.endswith(" Nachtrag")
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is None
    assert len(dialogs.messages) == 1


def test_entwurf_abschliessen_right_after_a_vote_count_waits_for_its_save(
    qtbot, make_editor, services, held, dialogs, monkeypatch
) -> None:
    """(found by a helper) The finishing waited for the typed text only: a vote count still
    being saved was not in the draft finished (nor in its fingerprint)."""
    _complete_minutes(services, held)
    item_id = held.item_ids[2]
    services.minutes.save_votes(item_id, [VoteDraft(yes=2)], ())
    save = services.minutes.save_votes
    release = threading.Event()

    def slow(*args):  # still running when the button is clicked
        release.wait(WAIT / 1000)
        return save(*args)

    monkeypatch.setattr(services.minutes, "save_votes", slow)
    editor = make_editor(held.meeting_id)
    button = editor.checklist.finish_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    show_item(editor, item_id)
    spin = editor.item_form.votes.lines[0].counts["yes"]
    spin.setFocus()
    spin.setValue(3)  # the field still focused: not handed on to be saved yet
    button.click()
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is None  # waits
    release.set()

    qtbot.waitUntil(lambda: button.text() == "Abschluss aufheben", timeout=WAIT)
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    (vote,) = services.minutes.minutes(held.meeting_id).items[2].votes
    assert vote.yes == 3
    finish = services.minutes.checklist(held.meeting_id).finish
    assert finish.finished_on is not None and not finish.changed
    assert [text for _kind, _title, text in dialogs.messages] == [FINISHED_MESSAGE]


def test_entwurf_abschliessen_with_a_refused_vote_names_it_and_finishes_nothing(
    qtbot, make_editor, services, held, dialogs
) -> None:
    _complete_minutes(services, held)
    editor = make_editor(held.meeting_id)
    button = editor.checklist.finish_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    show_item(editor, held.item_ids[2])
    editor.item_form.votes.add_vote()
    spin = editor.item_form.votes.lines[0].counts["yes"]
    spin.setFocus()
    spin.setValue(9)  # more than were there: refused in the save waited for
    button.click()

    qtbot.waitUntil(lambda: len(dialogs.warnings()) == 1, timeout=WAIT)
    (warning,) = dialogs.warnings()
    assert warning == (
        "Diese Abstimmungen sind nicht gespeichert, weil ihre Angaben nicht stimmen "
        "(TOP 3 Beratung: ausgezählt).\n\nDer Entwurf ist noch nicht abgeschlossen."
    )
    assert services.minutes.checklist(held.meeting_id).finish.finished_on is None
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_an_election_is_entered_with_the_keyboard_and_saved(qtbot, make_editor, services, held):
    """(found by a tester) The constituent meeting elects its chair: "Wahl" gives a line
    per person (a member offered as typed, or any name) with the votes, then abstentions,
    invalid ballots, secret ballot, who is elected and the acceptance; each field left is
    saved, a count beyond those present refused as for a vote."""
    editor = make_editor(held.meeting_id)
    show_item(editor, held.item_ids[2])
    box = editor.item_form.votes
    box.add_vote()
    line = box.lines[0]
    qtbot.waitUntil(line.isVisible, timeout=WAIT)
    line.mode_combo.setCurrentIndex(line.mode_combo.findData(VoteMode.ELECTION.value))
    fields = line.election_fields
    first, second = fields.rows
    qtbot.waitUntil(second.isVisible, timeout=WAIT)
    assert QApplication.focusWidget() is first.name_edit  # waiting for the persons
    assert not line.counts_row.isVisible() and fields.isVisible()
    stops = [first.votes_spin, first.remove_button, second.name_edit, second.votes_spin]
    assert _tab_from(first.name_edit, len(stops)) == stops
    assert box.message_label.text() == ""  # nothing typed, nothing refused yet

    for row, name, votes in ((first, "Anna Berg", 2), (second, "Dr. Kim O'Neil", 2)):
        row.name_edit.setText(name)
        row.name_edit.editingFinished.emit()
        row.votes_spin.setValue(votes)
        row.votes_spin.editingFinished.emit()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert box.message_label.text() == (
        "Es sind 4 Stimmen erfasst, aber bei TOP 3 waren nur 3 stimmberechtigte Mitglieder "
        "anwesend."
    )
    second.votes_spin.setValue(1)
    second.votes_spin.editingFinished.emit()
    fields.secret_check.setChecked(True)
    fields.elected_combo.setCurrentIndex(fields.elected_combo.findData("Anna Berg"))
    fields.elected_combo.activated.emit(fields.elected_combo.currentIndex())
    fields.accepted_combo.setCurrentIndex(1)
    fields.accepted_combo.activated.emit(1)
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    (vote,) = services.minutes.minutes(held.meeting_id).items[2].votes
    berg = next(m.id for m in services.members.members(services.settings.councils()[0].id)
                if m.family_name == "Berg")  # fmt: skip
    assert vote.mode is VoteMode.ELECTION and vote.adopted
    assert vote.election.candidates == (
        Candidate("Anna Berg", 2, berg), Candidate("Dr. Kim O'Neil", 1)
    )  # fmt: skip
    assert (vote.election.secret, vote.election.elected, vote.election.accepted) == (
        True, "Anna Berg", True
    )  # fmt: skip
    assert box.message_label.text() == ""

    show_item(editor, held.item_ids[1])  # shown again: as stored
    show_item(editor, held.item_ids[2])
    (line,) = box.lines
    qtbot.waitUntil(line.isVisible, timeout=WAIT)
    assert line.draft().election == vote.election and line.election_fields.isVisible()


def test_removing_a_stored_election_names_its_line(qtbot, make_editor, services, held, dialogs):
    item_id = held.item_ids[2]
    chosen = Election((Candidate("Dr. A", 2), Candidate("Dr. B", 1)), elected="Dr. A")
    services.minutes.save_votes(item_id, [VoteDraft(VoteMode.ELECTION, election=chosen)], ())
    editor = make_editor(held.meeting_id)
    show_item(editor, item_id)
    dialogs.answer_yes = False

    editor.item_form.votes.lines[0].remove_button.click()

    assert dialogs.messages[-1][2] == (
        "Die Abstimmung (Dr. A 2 Stimmen · Dr. B 1 Stimme · 0 Enthaltungen · 0 ungültig · "
        "offene Wahl – gewählt: Dr. A) aus dem Protokoll entfernen?"
    )
