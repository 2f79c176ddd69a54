"""The Anwesenheit tab's "Kommt zu" / "Geht nach" combos: the chosen item reads
"TOP 3 Genehmigung der Tagesordnung" where the line has room, and ends in "…" (never cut
mid-word) where it has not, the whole title then in the tooltip."""

from __future__ import annotations

import pytest
from attendance_waits import saved
from held_meeting import council_of_three
from meeting_rows import add_meeting
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from expertenrat.ui.attendance_panel import AttendancePanel
from tests.ui.settling import exposed

TITLES = (
    "Eröffnung",
    "Bericht",
    "Genehmigung der Tagesordnung",
    "Intelligente Parkraumsteuerung Warnemünde: Datenschutzkonzept und Betreibermodell",
)


@pytest.fixture
def meeting(services, today):
    return add_meeting(services.database, council_of_three(services, today), titles=TITLES)


@pytest.fixture
def arrives(qtbot, services, dialogs, meeting):
    """The first member present, arriving at TOP 3, leaving after TOP 4; its line's combos."""
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)
    row = next(iter(panel.rows.values()))
    row.status_combo.setCurrentIndex(row.status_combo.findData("present"))
    row.arrives_combo.setCurrentIndex(row.arrives_combo.findData(meeting.item_ids[2]))
    row.leaves_combo.setCurrentIndex(row.leaves_combo.findData(meeting.item_ids[3]))
    saved(qtbot, panel)
    assert row.stored().left_item_id == meeting.item_ids[3]  # saved, the line still shown
    panel.show()
    exposed(panel)
    return panel, row


def test_a_wide_tab_shows_the_item_with_its_whole_title(qtbot, arrives):
    panel, row = arrives
    panel.resize(1090, 500)  # the tab in a 1280 x 800 window
    qtbot.waitUntil(lambda: row.arrives_combo.shown_text() == "TOP 3 Genehmigung der Tagesordnung")


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the offscreen tooltip
def test_a_narrow_tab_ends_the_title_in_an_ellipsis_with_the_whole_one_as_tooltip(qtbot, arrives):
    panel, row = arrives
    panel.resize(600, 500)
    qtbot.waitUntil(lambda: row.leaves_combo.width() < 300)
    full = "TOP 4 " + TITLES[3]

    shown = row.leaves_combo.shown_text()
    assert shown.startswith("TOP 4 ") and shown.endswith("…")
    assert full.startswith(shown[:-1])
    assert row.leaves_combo.currentText() == full

    middle = row.leaves_combo.rect().center()
    tip = QHelpEvent(QEvent.Type.ToolTip, middle, row.leaves_combo.mapToGlobal(middle))
    QApplication.sendEvent(row.leaves_combo, tip)
    assert QToolTip.text() == full
    QToolTip.hideText()


def test_a_title_that_fits_needs_no_tooltip(qtbot, arrives):
    panel, row = arrives
    panel.resize(1090, 500)
    qtbot.waitUntil(lambda: row.arrives_combo.shown_text() == row.arrives_combo.currentText())

    QToolTip.hideText()
    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), row.arrives_combo.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(row.arrives_combo, tip)
    assert not QToolTip.isVisible()
