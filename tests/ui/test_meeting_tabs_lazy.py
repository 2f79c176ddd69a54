"""Only the meeting tab shown reads its records: choosing a meeting on the "Sitzung" tab
reads none of the detail tabs (on a server 20 ms away all six took 4.8 s; found by a
tester), a tab shown reads once, a hidden one shows the meeting chosen since, and what was
typed into a hidden Protokoll tab is still saved when another meeting is chosen; a jump to
another meeting's tab (Übersicht, Suche, checklist) or a state button reads the tab once."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import datetime

import pytest
from client_statements import recorded_statements
from held_meeting import council_of_three, held_meeting
from meeting_rows import add_meeting

from expertenrat.domain.enums import AttendanceStatus, MeetingState
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: the save runs in the worker on a busy machine; the wait ends when done
# The tables only the detail tabs read (agenda, attendance, conflicts, minutes, annexes …).
DETAIL_TABLES = re.compile(
    r"\b(FROM|JOIN)\s+\"?(agenda_items|attendances|guests|conflicts_of_interest|votes|"
    r"minutes_versions|objections|files|recommendations)\b",
    re.IGNORECASE,
)


@pytest.fixture
def meetings(services):
    """Two held meetings of a council of three: in the first one member came, in the
    second all three."""
    council_id = council_of_three(services)
    members = [m.id for m in services.members.members(council_id)]
    first = held_meeting(services.database, council_id, members, present=1)
    second = held_meeting(
        services.database, council_id, members, starts_at=datetime(2026, 4, 14, 16)
    )
    return council_id, members, first, second


@pytest.fixture
def page(qtbot, services, dialogs, today, meetings) -> MeetingsPage:
    page = MeetingsPage(services, dialogs, lambda: today)
    editor = page.tabs.minutes_editor()

    def settle(_page) -> None:
        editor.autosave.flush()
        qtbot.waitUntil(editor.idle, timeout=WAIT)

    qtbot.addWidget(page, before_close_func=settle)
    page.set_council(meetings[0])
    page.refresh()
    return page


def _attendance(page: MeetingsPage) -> AttendancePanel:
    return next(w for w in page.tabs.details if isinstance(w, AttendancePanel))


def test_a_meeting_chosen_on_the_sitzung_tab_reads_no_detail_and_a_tab_shown_reads_once(
    services, page, meetings
) -> None:
    _council, _members, first, _second = meetings
    engine = services.database.engine
    with recorded_statements(engine) as one_read:
        services.attendance.sheet(first.meeting_id)
    sheet_read = next(s for s in one_read if "FROM attendances" in s)

    with recorded_statements(engine) as choosing:
        page.select(first.meeting_id)
    with recorded_statements(engine) as showing:
        page.tabs.open_tab("attendance")

    assert page.form.meeting.id == first.meeting_id
    assert [s for s in choosing if DETAIL_TABLES.search(s)] == []
    assert showing.count(sheet_read) == one_read.count(sheet_read)  # read once, when shown
    assert len(_attendance(page).rows) == 3


def test_a_hidden_tab_shows_the_meeting_chosen_since(page, meetings) -> None:
    _council, members, first, second = meetings
    attendance = _attendance(page)
    page.tabs.setCurrentWidget(attendance)
    page.select(first.meeting_id)
    assert attendance.rows[members[1]].entry().status is AttendanceStatus.EXCUSED
    page.tabs.setCurrentWidget(page.form)

    page.select(second.meeting_id)
    assert attendance.rows == {}  # hidden: nothing of the first meeting, nothing read yet
    page.tabs.setCurrentWidget(attendance)
    assert attendance.rows[members[1]].entry().status is AttendanceStatus.PRESENT

    page.tabs.setCurrentWidget(page.form)  # a hit of the Suche: the tab read, then the item
    page.tabs.open_tab("minutes", second.item_ids[2])
    editor = page.tabs.minutes_editor()
    assert editor.shown_meeting_id() == second.meeting_id
    assert editor.items.current_key() == item_key(second.item_ids[2])


def test_text_typed_into_the_hidden_protokoll_tab_is_saved_when_another_meeting_is_chosen(
    qtbot, services, page, meetings
) -> None:
    _council, _members, first, second = meetings
    page.select(first.meeting_id)
    page.tabs.open_tab("minutes", first.item_ids[1])
    editor = page.tabs.minutes_editor()
    editor.item_form.discussion_edit.insertPlainText("Bericht")  # the save waits a second
    page.tabs.setCurrentWidget(page.form)
    assert page.has_unsaved_changes()

    page.select(second.meeting_id)

    assert page.form.meeting.id == second.meeting_id
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    saved = services.minutes.minutes(first.meeting_id).item(first.item_ids[1])
    assert saved.discussion == "Bericht"
    page.tabs.setCurrentWidget(editor)
    assert editor.shown_meeting_id() == second.meeting_id
    editor.items.select_key(item_key(second.item_ids[1]))
    assert editor.item_form.discussion_edit.toPlainText() == ""


def test_a_jump_to_another_meetings_tab_reads_that_tab_not_first_the_one_on_screen(
    services, page, meetings
) -> None:
    """From the Übersicht, a Suche hit or a checklist line: the Anwesenheit tab on screen was
    read for the new meeting before the Genehmigung tab was shown."""
    _council, _members, first, second = meetings
    to_approval = Target(Area.MEETINGS, second.meeting_id, MeetingTab.APPROVAL)
    page.select(first.meeting_id)
    with recorded_statements(services.database.engine) as from_the_sitzung_tab:
        page.open_target(to_approval)
    page.select(first.meeting_id)
    page.tabs.setCurrentWidget(_attendance(page))

    with recorded_statements(services.database.engine) as from_the_attendance_tab:
        page.open_target(to_approval)

    assert page.tabs.currentIndex() == 6 and page.form.meeting.id == second.meeting_id
    assert Counter(from_the_attendance_tab) == Counter(from_the_sitzung_tab)


def test_a_state_button_reads_the_tab_on_screen_once(services, page, meetings) -> None:
    council_id, _members, _first, _second = meetings
    planned = [
        add_meeting(services.database, council_id, starts_at=datetime(2026, 12, day, 16))
        for day in (3, 10)
    ]
    page.refresh()
    attendance = _attendance(page)
    engine = services.database.engine
    page.select(planned[0].meeting_id)
    with recorded_statements(engine) as on_the_sitzung_tab:
        page.states.invite_button.click()
    page.select(planned[1].meeting_id)
    page.tabs.setCurrentWidget(attendance)
    with recorded_statements(engine) as one_read:
        attendance.refresh()

    with recorded_statements(engine) as on_the_attendance_tab:
        page.states.invite_button.click()

    assert page.form.meeting.state is MeetingState.INVITED
    assert Counter(on_the_attendance_tab) - Counter(on_the_sitzung_tab) == Counter(one_read)


def test_a_meeting_changed_elsewhere_is_read_once_by_the_tab_on_screen(
    services, other_program, page, meetings
) -> None:
    """(found by a tester) Shown anew as changed on another PC, the meeting was read by
    the tab on screen, then again by the page's reread of that tab."""
    _council, _members, first, _second = meetings
    page.select(first.meeting_id)
    page.tabs.setCurrentWidget(_attendance(page))
    engine = services.database.engine
    with recorded_statements(engine) as one_read:
        services.attendance.sheet(first.meeting_id)
    sheet_read = next(s for s in one_read if "FROM attendances" in s)
    theirs = other_program.meetings.get(first.meeting_id)
    moved = replace(theirs.draft(), place="Rathaus Warnemünde")
    other_program.meetings.update(theirs.id, theirs.version, moved)

    with recorded_statements(engine) as rereading:
        page.refresh()

    assert page.form.meeting.place == "Rathaus Warnemünde"
    assert rereading.count(sheet_read) == one_read.count(sheet_read)
