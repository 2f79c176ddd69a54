"""The Anwesenheit tab in a small laptop's window when members left early: the meeting's
quorum over several spans of items takes more than one line above the member lines."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

import sized_demo_window
from PySide6.QtCore import QPoint
from pytestqt.exceptions import TimeoutError as NotSettled

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.ui.attendance_panel import AttendancePanel
from tests.ui.settling import settle

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

services = sized_demo_window.services
window = sized_demo_window.window


def test_a_quorum_of_three_lines_leaves_the_guests_below_the_member_lines(
    window, services, qtbot
) -> None:
    """(found by a tester) At 1024 x 640, after departures ("bis TOP 2"), the quorum line
    wrapped to three lines the tab's minimum did not count: the guests box lay over the
    fifth member line."""
    shown = window((1024, 640))
    page = shown.pages.meetings
    shown.show_area(page)
    held = page.meeting_list.model.rows()[5].id  # held, its minutes a draft
    sheet = services.attendance.sheet(held)
    leave_after = sheet.items[1].id
    for entry in sheet.entries:  # all but two leave after TOP 2: no quorum from TOP 3
        left = leave_after if entry.membership_id not in _two(sheet) else None
        present = replace(entry, status=AttendanceStatus.PRESENT, arrived_item_id=None)
        services.attendance.save_entry(
            held, replace(present, arrived_at=None, left_item_id=left, left_at=None)
        )
    page.refresh()
    page.select(held)
    page.tabs.open_tab("attendance")
    panel = page.tabs.findChild(AttendancePanel)
    qtbot.waitUntil(lambda: panel.scroll.isVisible() and bool(panel.rows), timeout=WAIT)
    label = panel.quorum_label
    assert "ab TOP 3 nicht beschlussfähig" in label.text()

    def apart() -> bool:
        bottom = panel.scroll.mapTo(panel, QPoint(0, panel.scroll.height())).y()
        return bottom <= panel.guests.mapTo(panel, QPoint(0, 0)).y()

    with suppress(NotSettled):  # the layouts settle
        qtbot.waitUntil(apart, timeout=WAIT)
    settle(qtbot)
    assert label.height() >= label.heightForWidth(label.width()) > label.fontMetrics().height()
    assert apart()


def _two(sheet) -> set[int]:
    return {entry.membership_id for entry in sheet.entries[:2]}
