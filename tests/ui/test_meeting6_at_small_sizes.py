"""The tabs of the demo's held meeting (the 6th) in a small laptop's window (1024 x 640):
what they show without scrolling inside a scrolling tab (found by a tester)."""

from __future__ import annotations

import pytest
import sized_demo_window

from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.main_window import MainWindow
from tests.ui.settling import settle

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
SMALL = (1024, 640)
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
