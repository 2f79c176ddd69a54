"""At start, minutes text that never reached the database is mentioned (looked for in the
worker, not on the GUI thread) and opens its meeting's Protokoll tab, where the editor
offers it beside the stored text."""

from __future__ import annotations

import logging
import threading

import pytest
from held_meeting import held_meeting_of_three

from expertenrat.domain.minutes import ItemTexts
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import item_key
from expertenrat.ui.recovery_notice import offer_unsaved_minutes
from expertenrat.ui.worker import THREAD_NAME, Job

TYPED = 'Getippt & <nicht> gespeichert: "Offene Daten" 🚀'


@pytest.fixture
def meeting(services):
    return held_meeting_of_three(services)


def recover(services, meeting, discussion: str) -> None:
    item = services.minutes.minutes(meeting.meeting_id).items[0]
    store = RecoveryStore.for_database(services.database.key)
    entry = RecoveryEntry(
        key=item_key(item.item_id),
        payload=texts_payload(ItemTexts(discussion, "", "", "")),
        version=item.version,
        meta={"meeting_id": meeting.meeting_id, "label": "TOP 1"},
        written_at="2026-03-10T17:42:05",
    )
    store.write(entry, 1)


def test_unsaved_text_is_mentioned_at_start_and_offered_in_its_meeting(
    qtbot, monkeypatch, services, dialogs, make_window, meeting
) -> None:
    recover(services, meeting, TYPED)
    window = make_window()
    read_in: list[tuple[str, bool]] = []
    read = services.minutes.minutes

    def minutes(meeting_id):
        thread = threading.current_thread()
        read_in.append((thread.name, thread.daemon))  # a daemon: see the next test
        return read(meeting_id)

    monkeypatch.setattr(services.minutes, "minutes", minutes)

    job = offer_unsaved_minutes(services, dialogs, window, window.open_target)
    read_by_the_job: list[tuple[str, bool]] = []
    job.ended.connect(lambda: read_by_the_job.extend(read_in))

    assert dialogs.messages == []  # not yet: the minutes are read in the worker
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert read_by_the_job == [(THREAD_NAME, True)]
    monkeypatch.undo()
    (kind, title, text) = dialogs.messages[-1]
    assert (kind, title) == ("question", "Ungesicherter Protokolltext")
    assert "1. Sitzung am 10.03.2026" in text
    page = window.pages.meetings
    assert window.stack.currentWidget() is page
    assert page.selected().id == meeting.meeting_id
    assert isinstance(page.tabs.currentWidget(), MinutesEditor)
    qtbot.waitUntil(lambda: bool(dialogs.offered), timeout=10_000)
    (offer_title, recovered, _stored) = dialogs.offered[-1]
    assert offer_title == "Ungesicherten Text gefunden" and TYPED in recovered
    qtbot.waitUntil(page.tabs.currentWidget().idle, timeout=10_000)  # its checklist read


def test_text_the_database_has_already_is_not_mentioned(
    qtbot, services, dialogs, make_window, meeting
) -> None:
    stored = services.minutes.minutes(meeting.meeting_id).items[0].texts.discussion
    recover(services, meeting, stored)
    window = make_window()

    job = offer_unsaved_minutes(services, dialogs, window, window.open_target)

    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert dialogs.messages == []
    assert window.stack.currentWidget() is not window.pages.meetings


def test_without_kept_text_nothing_is_read(services, dialogs, make_window) -> None:
    window = make_window()
    assert offer_unsaved_minutes(services, dialogs, window, window.open_target) is None
    assert dialogs.messages == []


def test_closing_waits_only_a_moment_for_a_look_stuck_on_a_hung_server(
    qtbot, session, caplog
) -> None:
    hung = threading.Event()
    session.recovery_check = Job(lambda _progress: hung.wait(), session.window, daemon=True)
    session.recovery_check.start()
    with caplog.at_level(logging.WARNING):
        session.close()  # the program ends after this; the daemon thread is left to it
    still_running = session.recovery_check.running
    hung.set()
    qtbot.waitUntil(lambda: not session.recovery_check.running, timeout=10_000)

    assert still_running
    assert "not waiting for the unsaved-minutes check" in caplog.text
