"""The agenda's structure buttons follow the selected item's place: a move the agenda's
rules would not make is disabled (and its Alt+arrow key does nothing) instead of doing
nothing silently or answering with a warning box."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shown_agenda_editor import shown_agenda_editor

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.agenda_editor import AgendaEditor

BERLIN = ZoneInfo("Europe/Berlin")
WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def meeting(services, council_id) -> int:
    """A planned meeting with the four standard opening items (TOP 1 to 4): the council
    met before, on 10 Nov, so it approves those minutes."""
    first = datetime(2026, 11, 10, 16, tzinfo=BERLIN)
    services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, first, first + timedelta(hours=2), place="Rathaus"),
    )
    start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
    meeting_id = services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    services.agenda.add_opening_items(meeting_id)
    return meeting_id


@pytest.fixture
def editor(qtbot, services, dialogs, meeting) -> AgendaEditor:
    return shown_agenda_editor(qtbot, services, dialogs, meeting)


def select_number(editor: AgendaEditor, number: str) -> None:
    editor.select(next(p.item.key for p in editor.model.placed() if p.number == number))


def enabled(editor: AgendaEditor) -> set[str]:
    bar = editor.structure
    buttons = {
        "sub": bar.add_sub_button,
        "up": bar.up_button,
        "down": bar.down_button,
        "indent": bar.indent_button,
        "outdent": bar.outdent_button,
    }
    return {name for name, button in buttons.items() if button.isEnabled()}


def numbers(editor: AgendaEditor) -> list[str]:
    return [p.number for p in editor.model.placed()]


def test_the_first_top_level_item_can_only_go_down_and_take_a_sub_item(editor):
    select_number(editor, "1")

    assert enabled(editor) == {"sub", "down"}
    assert editor.structure.delete_button.isEnabled()


def test_an_item_in_the_middle_moves_both_ways_and_indents(editor):
    select_number(editor, "2")

    assert enabled(editor) == {"sub", "up", "down", "indent"}


def test_the_last_item_cannot_go_down(editor):
    select_number(editor, "4")

    assert enabled(editor) == {"sub", "up", "indent"}


def test_a_single_sub_item_can_only_be_outdented(qtbot, editor):
    select_number(editor, "3")
    qtbot.mouseClick(editor.structure.indent_button, Qt.MouseButton.LeftButton)

    assert numbers(editor) == ["1", "2", "2.1", "3"]
    assert editor.model.placed()[2].number == "2.1"  # still selected: the indented item
    assert enabled(editor) == {"sub", "outdent"}


def test_the_deepest_level_takes_no_sub_item_and_nothing_indents_below_it(qtbot, editor):
    select_number(editor, "2")
    qtbot.mouseClick(editor.structure.add_sub_button, Qt.MouseButton.LeftButton)  # 2.1
    qtbot.mouseClick(editor.structure.add_sub_button, Qt.MouseButton.LeftButton)  # 2.1.1
    select_number(editor, "2.1.1")
    assert enabled(editor) == {"outdent"}  # a fourth level is not allowed

    select_number(editor, "3")
    qtbot.mouseClick(editor.structure.indent_button, Qt.MouseButton.LeftButton)  # 2.2
    qtbot.mouseClick(editor.structure.add_sub_button, Qt.MouseButton.LeftButton)  # 2.2.1
    select_number(editor, "2.2")
    assert numbers(editor) == ["1", "2", "2.1", "2.1.1", "2.2", "2.2.1", "3"]
    assert "indent" not in enabled(editor)  # 2.2.1 would become 2.1.1.1


def test_alt_keys_for_a_move_the_place_does_not_allow_do_nothing_and_ask_nothing(
    qtbot, editor, dialogs
):
    select_number(editor, "1")
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Left):
        qtbot.keyClick(editor.view, key, Qt.KeyboardModifier.AltModifier)

    assert numbers(editor) == ["1", "2", "3", "4"]
    assert editor.selected_item().title == "Eröffnung"
    assert dialogs.messages == []


def test_no_selection_leaves_only_the_new_item_button(editor):
    editor.select(None)  # selects the first item if there is one
    editor.view.selectionModel().clearCurrentIndex()

    assert enabled(editor) == set()
    assert not editor.structure.delete_button.isEnabled()
    assert editor.structure.add_button.isEnabled()


def test_a_button_disabled_by_its_own_move_hands_the_focus_to_the_agenda(qtbot, editor):
    """Found by a tester: "Nach oben" pressed with the space bar until the item was TOP 1
    passed the focus on to "Nach unten", and the next press moved the item back down."""
    editor.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor.window(), timeout=WAIT)
    select_number(editor, "2")
    title = editor.selected_item().title
    up = editor.structure.up_button
    up.setFocus()

    qtbot.keyClick(up, Qt.Key.Key_Space)

    assert editor.model.placed()[0].item.title == title
    assert not up.isEnabled()
    assert QApplication.focusWidget() is editor.view
    qtbot.keyClick(editor.view, Qt.Key.Key_Space)  # on the agenda: moves nothing
    assert editor.model.placed()[0].item.title == title
