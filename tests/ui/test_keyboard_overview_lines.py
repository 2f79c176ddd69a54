"""Keyboard use of the Übersicht: Enter on a line opens what it talks about, and the focus
goes there, so that the keyboard goes on at the record or tab opened and a screen reader
says it. Before, the pressed line left with the Übersicht and Qt passed the focus on to
the first control of the page shown: "Neue Sitzung" (which Enter would then press) or the
search field, some Tab presses away from the meeting's Protokoll or the record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shown_windows import active_window

from expertenrat.ui.overview_lists import LinkLine


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def window(make_window, qtbot):
    window = active_window(make_window, qtbot)
    window.show_area(window.overview_page)
    return window


def press_line(window, qtbot, start: str) -> None:
    line = next(
        line
        for line in window.overview_page.findChildren(LinkLine)
        if line.isVisible() and line.text().startswith(start)
    )
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_line_about_minutes_puts_the_focus_on_the_opened_tab(window, qtbot) -> None:
    meetings = window.pages.meetings

    press_line(window, qtbot, "Protokoll der 5. Sitzung")

    assert window.stack.currentWidget() is meetings
    assert meetings.tabs.tabText(meetings.tabs.currentIndex()) in ("Protokoll", "Genehmigung")
    assert QApplication.focusWidget() is meetings.tabs.tabBar()


def test_a_line_about_a_recommendation_puts_the_focus_on_its_row(window, qtbot) -> None:
    recommendations = window.pages.recommendations

    press_line(window, qtbot, "E-2025-02")

    assert QApplication.focusWidget() is recommendations.view
    assert recommendations.selected().code == "E-2025-02"


def test_a_line_about_a_member_puts_the_focus_on_the_member(window, qtbot) -> None:
    members = window.pages.members

    press_line(window, qtbot, "Die Amtszeit von")

    assert QApplication.focusWidget() is members.view
    assert members.selected() is not None
