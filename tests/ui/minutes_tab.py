"""The meetings page shown on a meeting's Protokoll tab, for UI tests of the minutes."""

from __future__ import annotations

from datetime import date

from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_editor import MinutesEditor

WAIT = 30_000  # ms: saves run in the worker on a busy machine; the wait ends when done


def minutes_tab_of(
    qtbot, services, dialogs, council_id: int, meeting_id: int, today: date
) -> tuple[MeetingsPage, MinutesEditor]:
    """A shown meetings page (on ``today``) on ``meeting_id`` in its "Protokoll" tab; no
    save outlives the test."""
    page = MeetingsPage(services, dialogs, lambda: today)
    editor = page.tabs.minutes_editor()
    qtbot.addWidget(
        page, before_close_func=lambda _page: qtbot.waitUntil(editor.idle, timeout=WAIT)
    )
    page.set_council(council_id)
    page.refresh()
    page.show()
    page.select(meeting_id)
    page.tabs.setCurrentWidget(editor)
    return page, editor
