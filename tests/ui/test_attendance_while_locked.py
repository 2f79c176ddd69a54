"""The Anwesenheit tab while another PC holds the meeting on the PostgreSQL server: approving
the minutes locks the meeting's row for as long as the PDFs take to render. A line's save
waits for that lock in the worker; the window goes on meanwhile and says what happens."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from attendance_of_three import attendance_of_three, choose
from attendance_waits import WAIT, saved
from held_elsewhere import HOLD_AT_MOST_S, held_elsewhere, lock_wait_of
from held_meeting import council_of_three, held_meeting
from meeting_rows import add_meeting
from sqlalchemy.engine import URL

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.services.context import Services
from expertenrat.services.unit_of_work import SERVER_BUSY
from expertenrat.store.database_opening import open_database
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.meetings_page import MeetingsPage


@pytest.fixture
def patient_saves(monkeypatch, pc) -> None:
    """The window's saves wait for the other PC's lock as long as the test holds it: with
    the usual ``LOCK_WAIT_MS`` (15 s) a busy machine could let the save give up between its
    start of waiting and the test's release, and the test would fail by chance."""
    lock_wait_of(monkeypatch, pc.database, 2 * HOLD_AT_MOST_S * 1000)


@pytest.fixture
def pc(server_database_url) -> Iterator[Services]:
    database = open_database(server_database_url)
    yield Services.create(database, "Frau Schulz")
    database.close()


def meeting_held(url: URL, meeting_id: int):
    """Another PC's transaction that holds the meeting's row, as the minutes' approval does
    (``SELECT … FOR UPDATE``) while it renders the PDFs, until the block ends."""
    return held_elsewhere(
        url, "SELECT id FROM meetings WHERE id = :id FOR UPDATE", {"id": meeting_id}
    )


def test_a_line_saved_while_another_pc_approves_the_minutes_waits_without_freezing(
    qtbot, pc, server_database_url, dialogs, today, patient_saves
) -> None:
    panel, held, members = attendance_of_three(qtbot, pc, dialogs, today)
    first, second, _third = members

    with meeting_held(server_database_url, held.meeting_id) as other_pc:
        choose(panel.rows[first].status_combo, AttendanceStatus.ABSENT.value)
        # The click came back while the other PC still holds the meeting: before, the
        # window froze here until the lock went.
        assert not other_pc.released.is_set()
        assert panel.save_label.text() == "Anwesenheit wird gespeichert …"
        # The window's events go on while the save waits for the lock in the worker.
        qtbot.waitUntil(lambda: other_pc.waiting() == 1, timeout=WAIT)
        assert panel.saving() is not None and panel.has_unsaved_changes()
        assert panel.rows[first].entry().status is AttendanceStatus.ABSENT  # as chosen
        choose(panel.rows[second].status_combo, AttendanceStatus.PRESENT.value)  # meanwhile
        went_on = []
        assert not panel.flush(lambda: went_on.append(True))  # a switch waits for the saves
        assert panel.save_label.text() == "Anwesenheit wird gespeichert …"
        assert panel.rows[second].entry().status is AttendanceStatus.PRESENT

    saved(qtbot, panel)
    assert went_on == [True]
    assert panel.save_label.text().startswith("Anwesenheit gespeichert · ")
    assert not panel.has_unsaved_changes() and dialogs.warnings() == []
    stored = {e.membership_id: e.status for e in pc.attendance.sheet(held.meeting_id).entries}
    assert stored[first] is AttendanceStatus.ABSENT
    assert stored[second] is AttendanceStatus.PRESENT
    assert "1 von 3 stimmberechtigten Mitgliedern anwesend" in panel.quorum_label.text()


def test_the_rest_marked_present_while_the_meeting_is_held_waits_in_the_worker(
    qtbot, pc, server_database_url, dialogs, today, patient_saves
) -> None:
    meeting = add_meeting(pc.database, council_of_three(pc, today))  # nobody recorded yet
    panel = AttendancePanel(pc, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)

    with meeting_held(server_database_url, meeting.meeting_id) as other_pc:
        panel.rest_present_button.click()
        assert not other_pc.released.is_set()
        qtbot.waitUntil(lambda: other_pc.waiting() == 1, timeout=WAIT)
        assert panel.save_label.text() == "Anwesenheit wird gespeichert …"

    saved(qtbot, panel)
    stored = [e.status for e in pc.attendance.sheet(meeting.meeting_id).entries]
    assert stored == [AttendanceStatus.PRESENT] * 3
    assert [r.status_combo.currentText() for r in panel.rows.values()] == ["anwesend"] * 3


def test_a_save_held_up_longer_than_the_window_waits_says_so_and_keeps_the_choice(
    qtbot, pc, server_database_url, dialogs, today, monkeypatch
) -> None:
    """The other PC's work holds the meeting for longer than the window waits for a lock
    (``LOCK_WAIT_MS``, here a moment): the save gives up with a German message, the line
    keeps what was chosen and is saved with the next change once the meeting is free."""
    lock_wait_of(monkeypatch, pc.database, 300)
    panel, held, members = attendance_of_three(qtbot, pc, dialogs, today)
    first, second, _third = members

    with meeting_held(server_database_url, held.meeting_id) as other_pc:
        choose(panel.rows[first].status_combo, AttendanceStatus.ABSENT.value)
        saved(qtbot, panel)
        assert not other_pc.released.is_set()  # given up while the meeting was held

    assert dialogs.warnings() == [SERVER_BUSY]
    assert panel.save_label.text() == "Nicht gespeichert: die Datenbank ist gerade gesperrt"
    assert panel.rows[first].entry().status is AttendanceStatus.ABSENT
    assert panel.has_unsaved_changes()

    choose(panel.rows[second].status_combo, AttendanceStatus.PRESENT.value)
    saved(qtbot, panel)
    stored = {e.membership_id: e.status for e in pc.attendance.sheet(held.meeting_id).entries}
    assert stored[first] is AttendanceStatus.ABSENT
    assert stored[second] is AttendanceStatus.PRESENT
    assert not panel.has_unsaved_changes() and len(dialogs.warnings()) == 1


def test_another_meeting_chosen_while_a_line_waits_is_shown_once_the_line_is_saved(
    qtbot, pc, server_database_url, dialogs, today, patient_saves
) -> None:
    council_id = council_of_three(pc, today)
    members = [m.id for m in pc.members.members(council_id)]
    held = held_meeting(pc.database, council_id, members, present=0)
    later = held_meeting(pc.database, council_id, members, starts_at=datetime(2026, 4, 14, 16))
    page = MeetingsPage(pc, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.refresh()
    page.select(held.meeting_id)
    attendance = next(w for w in page.tabs.details if isinstance(w, AttendancePanel))
    page.tabs.setCurrentWidget(attendance)

    with meeting_held(server_database_url, held.meeting_id) as other_pc:
        choose(attendance.rows[members[0]].status_combo, AttendanceStatus.ABSENT.value)
        page.select(later.meeting_id)
        assert not other_pc.released.is_set()
        assert page.form.meeting.id == held.meeting_id  # stays until the line is saved
        assert page.selected().id == held.meeting_id

    qtbot.waitUntil(lambda: page.form.meeting.id == later.meeting_id, timeout=WAIT)
    assert page.selected().id == later.meeting_id
    saved(qtbot, attendance)
    assert pc.attendance.sheet(held.meeting_id).entry(members[0]).status is (
        AttendanceStatus.ABSENT
    )
    assert dialogs.warnings() == []
