"""A detail tab with unsaved input is not reread; the Protokoll tab, whose saves tell the page
nothing, is reread once its text is saved: a departure recorded within the second after a
keystroke reaches its "Laut Anwesenheit" (found by a tester)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from held_meeting import council_of_three, held_meeting

from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: the save runs in the worker on a busy machine; the wait ends when done
ALL = "Laut Anwesenheit: 3 von 3 stimmberechtigten Mitgliedern anwesend – beschlussfähig"
TWO = "Laut Anwesenheit: 2 von 3 stimmberechtigten Mitgliedern anwesend – beschlussfähig"


@pytest.fixture
def held(services):
    council_id = council_of_three(services)
    members = [m.id for m in services.members.members(council_id)]
    return council_id, members, held_meeting(services.database, council_id, members)


@pytest.fixture
def page(qtbot, services, dialogs, today, held) -> MeetingsPage:
    council_id, _members, meeting = held
    page = MeetingsPage(services, dialogs, lambda: today)
    editor = page.tabs.minutes_editor()

    def settle(_page) -> None:
        editor.autosave.flush()
        qtbot.waitUntil(editor.idle, timeout=WAIT)

    qtbot.addWidget(page, before_close_func=settle)
    page.set_council(council_id)
    page.refresh()
    page.select(meeting.meeting_id)
    return page


def test_a_departure_recorded_while_the_minutes_wait_to_be_saved_reaches_them(
    qtbot, services, page, held
) -> None:
    _council, members, meeting = held
    editor = page.tabs.minutes_editor()
    page.tabs.open_tab("minutes")
    editor.items.select_key(item_key(meeting.item_ids[2]))
    assert editor.item_form.presence_label.text() == ALL
    editor.item_form.discussion_edit.insertPlainText("Bericht")  # the save waits a second
    assert editor.has_unsaved_changes()

    # Within that second, Anwesenheit records that Berg left after TOP 1 and says so; the
    # Protokoll tab is shown again before the save has run.
    page.tabs.open_tab("attendance")
    entry = services.attendance.sheet(meeting.meeting_id).entry(members[0])
    services.attendance.save_entry(
        meeting.meeting_id, replace(entry, left_item_id=meeting.item_ids[0])
    )
    page.tabs.details[1].changed.emit()
    page.tabs.open_tab("minutes")
    assert editor.item_form.presence_label.text() == ALL  # not reread over unsaved text

    qtbot.waitUntil(editor.idle, timeout=WAIT)
    assert editor.item_form.presence_label.text() == TWO
    assert editor.item_form.discussion_edit.toPlainText() == "Bericht"
    assert services.minutes.minutes(meeting.meeting_id).item(meeting.item_ids[2]).discussion == (
        "Bericht"
    )
