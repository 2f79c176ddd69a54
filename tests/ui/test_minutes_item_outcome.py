"""The minutes editor's "Behandlung": choosing "vertagt" saves it at once, marks the item in
the list and its heading as the PDF minutes do and takes away "fehlt noch"; once another
PC approved the minutes, the choice is refused in German and the stored outcome shown."""

from __future__ import annotations

from types import SimpleNamespace

from held_meeting import held_meeting_of_three
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.store import models
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import header_key, item_key
from expertenrat.ui.minutes_outcome_actions import OutcomeActions
from tests.ui.wheeling import (
    fields_the_wheel_changed,
    scroll_into_view,
    turn_wheel_over,
)


def choose(editor: MinutesEditor, outcome: AgendaItemOutcome) -> None:
    """Pick ``outcome`` in the combo as the user does (``activated`` is the user's choice)."""
    combo = editor.item_form.outcome_combo
    combo.activated.emit(combo.findText(outcome.label))


def test_choosing_vertagt_marks_the_item_and_is_refused_once_approved(qtbot, services, dialogs):
    held = held_meeting_of_three(services)
    first, second = held.item_ids[:2]
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda _: qtbot.waitUntil(editor.idle))
    editor.set_meeting(held.meeting_id)
    editor.items.select_key(item_key(first))
    assert "fehlt noch" in editor.items.line(item_key(first)).text()
    assert editor.item_form.outcome_combo.currentText() == "beraten"

    choose(editor, AgendaItemOutcome.POSTPONED)

    minutes = services.minutes.minutes(held.meeting_id)
    assert minutes.item(first).outcome is AgendaItemOutcome.POSTPONED
    line = editor.items.line(item_key(first)).text()
    assert line.endswith("\u2069 – vertagt") and "fehlt noch" not in line
    assert editor.item_form.heading.text().endswith("– vertagt")
    assert editor.item_form.outcome_combo.currentText() == "vertagt"
    editor.items.select_key(item_key(second))
    assert editor.item_form.outcome_combo.currentText() == "beraten"

    with services.database.transaction() as session:  # approved on another PC meanwhile
        session.add(models.MinutesVersion(meeting_id=held.meeting_id, number=1, state="approved"))
    choose(editor, AgendaItemOutcome.WITHDRAWN)

    (kind, title, text) = dialogs.messages[-1]
    assert (kind, title) == ("warning", "Behandlung") and "ist genehmigt" in text
    assert services.minutes.minutes(held.meeting_id).item(second).outcome.label == "beraten"
    assert editor.item_form.outcome_combo.currentText() == "beraten"
    assert not editor.item_form.outcome_combo.isEnabled()


def test_another_pcs_outcome_is_shown_after_a_refusal_and_after_a_save_of_text(
    qtbot, services, dialogs
):
    """A choice refused because another PC set the outcome first says so, not "Bitte laden
    Sie die Daten neu": the form shows what is stored already. Saving typed text finds the
    outcome another PC set since, and the combo shows it (found by a tester)."""
    held = held_meeting_of_three(services)
    first = held.item_ids[0]
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda _: qtbot.waitUntil(editor.idle))
    editor.set_meeting(held.meeting_id)
    editor.items.select_key(item_key(first))
    services.minutes.set_outcome(first, AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED)

    choose(editor, AgendaItemOutcome.WITHDRAWN)

    assert dialogs.messages[-1] == (
        "warning", "Behandlung", "Die Behandlung von TOP 1 wurde inzwischen an einem anderen "
        "PC geändert; angezeigt ist jetzt der gespeicherte Stand.",
    )  # fmt: skip
    assert editor.item_form.outcome_combo.currentText() == "vertagt"

    services.minutes.set_outcome(first, AgendaItemOutcome.DISCUSSED, AgendaItemOutcome.POSTPONED)
    editor.item_form.discussion_edit.setPlainText("Kurz berichtet.")
    editor.autosave.flush()
    qtbot.waitUntil(editor.idle)

    assert services.minutes.minutes(held.meeting_id).item(first).discussion == "Kurz berichtet."
    assert editor.item_form.outcome_combo.currentText() == "beraten"
    assert editor.item_form.discussion_edit.toPlainText() == "Kurz berichtet."


def test_the_wheel_over_behandlung_scrolls_the_form_and_saves_nothing(qtbot, services, dialogs):
    """(found by a tester) The mouse wheel over "Behandlung", passing while the form was
    scrolled, chose the next entry and saved it at once ("vertagt", in the history too).
    Only a combo given the focus (a click, Alt+U, Tab) takes the wheel."""
    held = held_meeting_of_three(services)
    first = held.item_ids[0]
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda _: qtbot.waitUntil(editor.idle))
    editor.set_meeting(held.meeting_id)
    editor.items.select_key(item_key(first))
    editor.show()
    combo = editor.item_form.outcome_combo
    editor.items.setFocus()

    turn_wheel_over(combo)

    assert combo.currentText() == "beraten"
    assert services.minutes.minutes(held.meeting_id).item(first).outcome.label == "beraten"
    editor.items.select_key(header_key(held.meeting_id))  # the chair and times in "Kopfdaten"
    assert fields_the_wheel_changed(editor.header_form) == []
    assert editor.autosave.unsaved_payload(header_key(held.meeting_id)) is None


def test_the_wheel_over_a_vote_count_scrolls_the_form_and_changes_no_count(
    qtbot, services, dialogs
):
    """The wheel passing over Ja, Nein or Enthaltung while the minutes scrolled changed the
    count (and gave it the focus, so the wrong count was saved when the focus left). Only
    a field given the focus (a click, Tab) takes the wheel; the form scrolls instead."""
    held = held_meeting_of_three(services)
    editor = shown_editor(qtbot, services, dialogs, held)
    votes = editor.item_form.votes
    votes.add_vote()
    votes.lines[0].counts["yes"].setValue(2)
    votes.commit()
    qtbot.waitUntil(editor.idle)
    editor.items.setFocus()
    no = votes.lines[0].counts["no"]
    scroll_into_view(no)
    bar = editor.scroll.verticalScrollBar()
    before = bar.value()

    turn_wheel_over(no, down=False)

    assert bar.value() < before  # the form scrolled up
    assert fields_the_wheel_changed(votes) == []
    votes.commit()
    editor.items.setFocus()
    qtbot.waitUntil(editor.idle)
    (vote,) = services.minutes.minutes(held.meeting_id).item(held.item_ids[0]).votes
    assert (vote.yes, vote.no, vote.abstain) == (2, 0, 0)


def shown_editor(qtbot, services, dialogs, held) -> MinutesEditor:
    """The editor on ``held``'s first item, in the active window (focus needs it); no save
    outlives the test."""
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda _: qtbot.waitUntil(editor.idle))
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    editor.set_meeting(held.meeting_id)
    editor.items.select_key(item_key(held.item_ids[0]))
    return editor


def stored(services, held, index: int = 0) -> AgendaItemOutcome:
    return services.minutes.minutes(held.meeting_id).item(held.item_ids[index]).outcome


def outcome_entries(services, held) -> list:
    entries = services.audit.entries("agenda_item_minutes", held.item_ids[0])
    return [entry for entry in entries if "outcome" in (entry.after or {})]


def step(editor: MinutesEditor, key: Qt.Key, times: int = 1) -> None:
    """Arrow keys on the closed, focused "Behandlung"."""
    combo = editor.item_form.outcome_combo
    combo.setFocus()
    for _ in range(times):
        QTest.keyClick(combo, key)


def test_arrow_keys_save_once_when_the_focus_leaves(qtbot, services, dialogs):
    """Down, Down on the closed "Behandlung" (beraten → vertagt → abgesetzt) saved each
    step at once: "vertagt" was stored on the way, with two entries in the history. The
    steps are saved once, when the focus leaves; stepping back to the stored one saves
    nothing."""
    held = held_meeting_of_three(services)
    editor = shown_editor(qtbot, services, dialogs, held)

    step(editor, Qt.Key.Key_Down, times=2)

    assert editor.item_form.outcome_combo.currentText() == "abgesetzt"
    assert stored(services, held) is AgendaItemOutcome.DISCUSSED  # nothing saved on the way
    editor.item_form.discussion_edit.setFocus()
    assert stored(services, held) is AgendaItemOutcome.WITHDRAWN
    (entry,) = outcome_entries(services, held)
    assert (entry.before, entry.after) == ({"outcome": "discussed"}, {"outcome": "withdrawn"})
    assert editor.items.line(item_key(held.item_ids[0])).text().endswith("– abgesetzt")

    step(editor, Qt.Key.Key_Up)
    step(editor, Qt.Key.Key_Down)
    editor.item_form.discussion_edit.setFocus()
    assert len(outcome_entries(services, held)) == 1


def test_an_arrow_key_step_is_saved_when_another_item_is_shown(qtbot, services, dialogs):
    held = held_meeting_of_three(services)
    editor = shown_editor(qtbot, services, dialogs, held)

    step(editor, Qt.Key.Key_Down)
    assert stored(services, held) is AgendaItemOutcome.DISCUSSED
    editor.items.select_key(item_key(held.item_ids[1]))  # Ctrl+Enter: the combo keeps the focus

    assert stored(services, held) is AgendaItemOutcome.POSTPONED
    assert stored(services, held, 1) is AgendaItemOutcome.DISCUSSED
    assert editor.item_form.outcome_combo.currentText() == "beraten"


def test_an_arrow_key_step_is_saved_on_flush_and_after_a_pause(qtbot, services, dialogs):
    held = held_meeting_of_three(services)
    editor = shown_editor(qtbot, services, dialogs, held)

    step(editor, Qt.Key.Key_Down)
    assert editor.has_unsaved_changes() and stored(services, held).label == "beraten"
    assert editor.flush(lambda: None)  # another council, closing
    assert stored(services, held) is AgendaItemOutcome.POSTPONED

    step(editor, Qt.Key.Key_Down)  # the combo keeps the focus: saved after the pause
    qtbot.waitUntil(lambda: stored(services, held) is AgendaItemOutcome.WITHDRAWN)
    assert len(outcome_entries(services, held)) == 2


def test_a_choice_in_the_open_list_is_saved_at_once(qtbot, services, dialogs):
    held = held_meeting_of_three(services)
    editor = shown_editor(qtbot, services, dialogs, held)
    combo = editor.item_form.outcome_combo
    combo.setFocus()

    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    QTest.keyClick(combo.view(), Qt.Key.Key_Down)
    QTest.keyClick(combo.view(), Qt.Key.Key_Return)

    assert combo.currentText() == "vertagt"
    assert stored(services, held) is AgendaItemOutcome.POSTPONED
    assert editor.outcome_actions.idle()
    assert dialogs.messages == []  # nothing put on another agenda: nothing to say


def test_the_note_of_an_approval_put_on_a_later_agenda_is_shown(qtbot, dialogs):
    """(found by a tester) The service's note where a postponed approval went on the next
    agenda is said after the save; the form shows the stored outcome."""
    parent = QWidget()
    qtbot.addWidget(parent)
    item = SimpleNamespace(item_id=7, number="4", outcome=AgendaItemOutcome.DISCUSSED)
    note = "„Genehmigung des Protokolls der 5. Sitzung“ wurde als TOP 4 in die Tagesordnung …"
    saved, refreshed, told = [], [], []
    actions = OutcomeActions(
        parent,
        dialogs,
        lambda *change: saved.append(change) or note,
        lambda: SimpleNamespace(items=(item,)),
        lambda: refreshed.append(True),
        told.append,
    )

    actions.choose(7, AgendaItemOutcome.POSTPONED)

    assert saved == [(7, AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED)]
    assert refreshed and told == [7]
    assert dialogs.messages == [("information", "Behandlung", note)]
