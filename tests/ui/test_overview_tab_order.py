"""Tab goes through the Übersicht's lists as they are shown, column by column and each
column from the top (found by a tester: in the right column "Empfehlungen zu übermitteln"
came before "Überfällig" above it, as the lines were made in another order)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from expertenrat.ui.overview_lists import LinkLine
from expertenrat.ui.overview_page import OverviewPage


def tab_stops(start: QWidget, count: int) -> list[QWidget]:
    """The ``count`` widgets Tab reaches from ``start`` on, ``start`` first."""
    stops, widget = [start], start
    while len(stops) < count:
        widget = widget.nextInFocusChain()
        policy = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if widget.isVisible() and policy == Qt.FocusPolicy.TabFocus:
            stops.append(widget)
    return stops


def test_tab_goes_down_the_left_list_column_then_down_the_right_one(
    qtbot, demo_services, today
) -> None:
    page = OverviewPage(demo_services.overview, lambda: today)
    qtbot.addWidget(page)
    page.set_council(demo_services.settings.councils()[0].id)
    page.resize(1280, 2000)
    page.show()
    page.refresh()
    left = (
        page.next_meetings,
        page.quorum_warnings,
        page.invitations_due,
        page.meetings_unrecorded,
        page.minutes_waiting,
        page.postponed_waiting,
        page.written_waiting,
    )
    right = (
        page.responses_overdue,
        page.to_send,
        page.responses_due_soon,
        page.awaiting_final,
        page.closable,
        page.composition_warnings,
    )
    assert page.responses_overdue.lines and page.to_send.lines  # above one another
    shown = [
        line
        for line_list in (*left, *right)
        for line in (*line_list.lines, line_list.more_line, line_list.action_line)
        if line is not None
    ]
    qtbot.waitUntil(lambda: all(line.isVisible() for line in shown))  # laid out
    top_right = page.responses_overdue.lines[0].mapTo(page, page.rect().topLeft()).y()
    assert page.to_send.lines[0].mapTo(page, page.rect().topLeft()).y() > top_right

    reached = [w for w in tab_stops(shown[0], 3 * len(shown)) if isinstance(w, LinkLine)]

    assert reached[: len(shown)] == shown
