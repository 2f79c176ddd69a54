"""The tabs of the demo's held meeting (the 6th) in a small laptop's window (1024 x 640) and
at 1280 x 800: what they show, and without scrolling inside a scrolling tab (found by a tester)."""

from __future__ import annotations

import pytest
import sized_demo_window
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.main_window import MainWindow
from tests.ui.settling import settle

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
SMALL = (1024, 640)
LARGE = (1280, 800)
NARROW = (900, 600)  # the member lines are wider than the tab

services = sized_demo_window.services
window = sized_demo_window.window


def _held_meeting_tab(shown: MainWindow, tab: str):
    page = shown.pages.meetings
    shown.show_area(page)
    page.select(page.meeting_list.model.rows()[5].id)  # held, its minutes a draft
    page.tabs.open_tab(tab)
    return page


@pytest.mark.parametrize("size", [SMALL, NARROW])
def test_the_member_lines_do_not_scroll_inside_the_scrolling_tab(window, size, qtbot) -> None:
    """(found by a tester) At 1024 x 640 the member lines scrolled in a box of their own
    inside the scrolling tab, two scroll bars side by side, five of nine members in
    sight: the lines are as high as all of them, the tab scrolls (also sideways, where
    the lines' own sideways scroll bar hid the last of them)."""
    page = _held_meeting_tab(window(size), "attendance")
    panel = page.tabs.findChild(AttendancePanel)
    qtbot.waitUntil(lambda: panel.scroll.isVisible() and len(panel.rows) == 9, timeout=WAIT)
    settle(qtbot)
    assert panel.scroll.verticalScrollBar().maximum() == 0
    assert panel.scroll.height() >= panel.scroll.widget().minimumSizeHint().height()


def _agenda_editor(shown: MainWindow, qtbot) -> AgendaEditor:
    page = _held_meeting_tab(shown, "agenda")
    editor = page.tabs.findChild(AgendaEditor)
    qtbot.waitUntil(lambda: editor.view.isVisible() and editor.model.rowCount() > 0, timeout=WAIT)
    settle(qtbot)
    return editor


def test_the_item_form_has_a_good_share_of_the_agenda_tab(window, qtbot) -> None:
    """(found by a tester) At 1280 x 800 the item's form beside the tree had fields ~210
    px wide, too narrow to read a long title while editing it."""
    editor = _agenda_editor(window(LARGE), qtbot)
    beside = editor.tree.width() + editor.form.width()
    assert editor.form.width() >= 0.4 * beside
    assert editor.form.title_edit.width() >= 350


def test_the_agenda_rows_are_as_high_as_the_tables_rows(window, qtbot) -> None:
    """(found by a tester) The agenda's rows were as high as their text (~14 px) among
    tables whose rows have ~30 px."""
    editor = _agenda_editor(window(LARGE), qtbot)
    table = QTableView()
    first = editor.model.index(0, 0)
    assert editor.view.visualRect(first).height() == table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_a_held_meetings_agenda_hint_takes_two_lines_at_most(window, size, qtbot) -> None:
    """(found by a tester) At 1024 x 640 the hint of a held meeting took four lines and,
    with two rows of buttons, pushed the item's form below the fold: two lines. Cut
    there, it lost what an urgent item is added with: the hint says what may still change,
    whole on its two lines; the urgent item's button says what it is for."""
    editor = _agenda_editor(window(size), qtbot)
    hint = editor.hint
    assert hint.text().startswith("Die Sitzung ist als durchgeführt erfasst: Nur Titel")
    assert not hint.is_shortened()
    two_lines = 2 * hint.fontMetrics().lineSpacing() + hint.contentsMargins().top() * 2
    assert hint.height() <= two_lines
    assert "Protokoll ein offener Entwurf" in editor.structure.urgent_button.toolTip()


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_the_agenda_buttons_take_one_row(window, size, qtbot) -> None:
    """(found by a tester) At 1024 x 640 the buttons above the agenda needed ~810 px of the
    tab's ~780 and went on two rows."""
    editor = _agenda_editor(window(size), qtbot)
    bar = editor.structure
    assert bar.urgent_button.isVisible()
    assert len(bar.row.rows()) == 1
    assert all(b.width() >= b.sizeHint().width() for b in bar.row.rows()[0])  # none cut


def test_the_minutes_checklist_shows_more_than_four_lines(window, qtbot) -> None:
    """(found by a tester) At 1024 x 640 the completeness check showed four lines in a
    small scrolling box under the list of items."""
    page = _held_meeting_tab(window(SMALL), "minutes")
    editor = page.tabs.minutes_editor()
    lines = editor.checklist.lines
    qtbot.waitUntil(lambda: lines.isVisible() and lines.count() > 6, timeout=WAIT)
    settle(qtbot)
    assert lines.viewport().height() >= 7 * lines.fontMetrics().lineSpacing()


def test_a_refusal_of_the_counts_typed_scrolls_into_view(window, qtbot) -> None:
    """(found by a tester) At 1280 x 800 the red sentence about too many votes at TOP 6.1
    appeared under the votes, below the visible part of the form: the user who had just
    typed the count did not see it."""
    shown = window(LARGE)
    editor = _held_meeting_tab(shown, "minutes").tabs.minutes_editor()
    qtbot.waitUntil(lambda: editor.items.count() > 0, timeout=WAIT)
    lines = [editor.items.item(row) for row in range(editor.items.count())]
    editor.items.setCurrentItem(next(line for line in lines if "TOP 6.1 " in line.text()))
    box = editor.item_form.votes
    settle(qtbot)
    yes = box.lines[0].counts["yes"]
    yes.setFocus()
    yes.selectAll()
    QTest.keyClicks(yes, "9")
    QTest.keyClick(yes, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: box.message_label.text() != "" and editor.idle(), timeout=WAIT)
    settle(qtbot)

    assert box.message_label.text().startswith("Es sind ")
    assert "bei TOP 6.1 durften nur 6 Mitglieder abstimmen" in box.message_label.text()
    viewport = editor.scroll.viewport()
    label = box.message_label
    top_left = label.mapTo(viewport, label.rect().topLeft())
    assert viewport.rect().contains(QRect(top_left, label.size()))
