"""A whole report pasted into the minutes is too long for two of an item's fields: nothing
is saved, and the status line says so in its two lines, a line for each field's limit
(found by a tester: the message's line feed made Qt paint four lines in the room of two,
the first and the last cut in half, and what was wrong could not be read)."""

from __future__ import annotations

from held_meeting import council_of_three, held_meeting
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
PAGE = "Die Digitalisierung der Verwaltung ist ein großer Schritt für die Stadt. " * 30 + "\n"


def _paste(edit, text: str) -> None:
    edit.setFocus()
    QApplication.clipboard().setText(text)
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _settle(qtbot, editor: MinutesEditor) -> None:
    """Before pytest-qt closes the editor: no save may outlive the test."""
    editor.autosave.flush()
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_a_report_too_long_for_two_fields_is_said_in_the_two_lines_of_the_status(
    qtbot, services, dialogs, today
) -> None:
    council_id = council_of_three(services, today)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(services.database, council_id, members)
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda _editor: _settle(qtbot, editor))
    editor.resize(1280, 800)
    editor.show()
    editor.set_meeting(held.meeting_id)
    editor.items.select_key(item_key(held.item_ids[1]))

    report = PAGE * 60  # about 60 pages: more than 100.000 characters
    _paste(editor.item_form.discussion_edit, report)
    _paste(editor.item_form.motion_edit, report[:25_000])
    editor.autosave.save_now()

    indicator = editor.indicator
    qtbot.waitUntil(lambda: "Der Antragstext darf" in indicator.text(), timeout=WAIT)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    shown = indicator.shown_lines()
    assert shown[0] == (
        "Nicht gespeichert: Der Verlauf der Beratung darf höchstens 100.000 Zeichen haben."
    )
    assert shown[1].startswith("Der Antragstext darf höchstens 20.000 Zeichen haben.")
    assert len(shown) == 2 and shown[1].endswith("…")  # the whole on a click
    assert indicator.is_shortened()
    saved = services.minutes.minutes(held.meeting_id).items[1].texts
    assert (saved.discussion, saved.motion_text) == ("", "")  # nothing half-saved

    # shortened to the limits, both are saved (and closing the editor has nothing to save)
    editor.item_form.discussion_edit.setPlainText(PAGE)
    editor.item_form.motion_edit.setPlainText(PAGE)
    editor.autosave.save_now()
    qtbot.waitUntil(
        lambda: services.minutes.minutes(held.meeting_id).items[1].texts.motion_text == PAGE,
        timeout=WAIT,
    )
    qtbot.waitUntil(editor.idle, timeout=WAIT)
