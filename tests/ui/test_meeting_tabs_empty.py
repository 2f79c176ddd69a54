"""The meeting's detail tabs without a meeting: one wording in every tab, a fitting one for
a council without any meeting, and an agenda tab that does not scroll sideways."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.meetings_page import MeetingsPage
from tests.ui.settling import exposed

NONE_CHOSEN = "Keine Sitzung gewählt. Bitte wählen Sie oben eine Sitzung aus."
NONE_YET = "Das Gremium hat noch keine Sitzung. Legen Sie zuerst im Reiter „Sitzung“ eine an."


@pytest.fixture
def page(qtbot, services, dialogs, council_id, today) -> MeetingsPage:
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.resize(1090, 740)  # the page in a 1280 x 800 window
    page.set_council(council_id)
    page.refresh()
    page.show()
    exposed(page)
    return page


def add_meeting(services, council_id) -> int:
    start = datetime.combine(date(2026, 12, 8), time(16))
    meeting_id = services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    services.agenda.add_opening_items(meeting_id)
    return meeting_id


def hints(page: MeetingsPage) -> set[str]:
    """The hint of every detail tab (the agenda editor calls its label ``hint``)."""
    return {(getattr(tab, "hint_label", None) or tab.hint).text() for tab in page.tabs.details}


def test_a_council_without_meetings_says_in_every_tab_that_one_must_be_created(qtbot, page):
    assert hints(page) == {NONE_YET}

    editor = page.tabs.details[0]
    page.tabs.setCurrentWidget(editor)
    assert editor.view.header().length() <= editor.view.viewport().width()
    qtbot.waitUntil(lambda: not editor.view.horizontalScrollBar().isVisible())


def test_the_minutes_tab_says_it_at_the_top_like_the_others(qtbot, page):
    minutes = page.tabs.details[3]
    page.tabs.setCurrentWidget(minutes)
    qtbot.waitUntil(minutes.hint_label.isVisible)

    assert minutes.hint_label.alignment() & Qt.AlignmentFlag.AlignTop
    line = minutes.hint_label.fontMetrics().height()
    assert minutes.hint_label.contentsRect().height() > 5 * line  # it fills the empty tab


def test_with_meetings_but_none_chosen_every_tab_says_the_same(page, services, council_id):
    add_meeting(services, council_id)
    page.refresh()

    assert page.selected() is None
    assert hints(page) == {NONE_CHOSEN}


def test_leaving_a_meeting_empties_the_agenda_tab_without_sideways_scrolling(
    qtbot, page, services, council_id
):
    meeting_id = add_meeting(services, council_id)
    page.refresh()
    page.select(meeting_id)
    page.tabs.setCurrentWidget(page.tabs.details[0])
    editor = page.tabs.details[0]
    assert editor.end_label.text().startswith("Geplantes Ende")

    page.select(None)

    assert editor.hint.isVisible()
    assert editor.hint.text() == NONE_CHOSEN
    assert editor.end_label.text() == ""  # not the time plan of the meeting left
    assert editor.view.header().length() <= editor.view.viewport().width()
    qtbot.waitUntil(lambda: not editor.view.horizontalScrollBar().isVisible())


def test_the_hint_follows_the_first_meeting_and_the_last_one_deleted(page, services, council_id):
    meeting_id = add_meeting(services, council_id)
    page.refresh()
    assert hints(page) == {NONE_CHOSEN}

    services.meetings.delete(meeting_id, services.meetings.get(meeting_id).version)
    page.refresh()
    assert hints(page) == {NONE_YET}
