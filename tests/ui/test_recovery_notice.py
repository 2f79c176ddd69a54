"""At start, minutes text that never reached the database is mentioned (looked for in the
worker, not on the GUI thread) and opens its meeting's Protokoll tab, where the editor
offers it beside the stored text."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import datetime

import pytest
from held_meeting import held_meeting_of_three
from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.store import models
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.database_watches import DatabaseWatches
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import item_key
from expertenrat.ui.recovery_notice import offer_unsaved_minutes
from expertenrat.ui.worker import THREAD_NAME, Job

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

TYPED = 'Getippt & <nicht> gespeichert: "Offene Daten" 🚀'


@pytest.fixture
def meeting(services):
    return held_meeting_of_three(services)


def recover(services, meeting, discussion: str) -> None:
    item = services.minutes.minutes(meeting.meeting_id).items[0]
    store = RecoveryStore.for_database(services.database.digest)
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
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    assert read_by_the_job == [(THREAD_NAME, True)]
    monkeypatch.setattr(services.minutes, "minutes", read)  # undo() would undo the autouse too
    (kind, title, text) = dialogs.messages[-1]
    assert (kind, title) == ("question", "Ungesicherter Protokolltext")
    assert "1. Sitzung am 10.03.2026" in text
    page = window.pages.meetings
    assert window.stack.currentWidget() is page
    assert page.selected().id == meeting.meeting_id
    assert isinstance(page.tabs.currentWidget(), MinutesEditor)
    qtbot.waitUntil(lambda: bool(dialogs.offered), timeout=WAIT)
    (offer_title, recovered, _stored) = dialogs.offered[-1]
    assert offer_title == "Ungesicherten Text gefunden" and TYPED in recovered
    qtbot.waitUntil(page.tabs.currentWidget().idle, timeout=WAIT)  # its checklist read


def test_text_the_database_has_already_is_not_mentioned(
    qtbot, services, dialogs, make_window, meeting
) -> None:
    stored = services.minutes.minutes(meeting.meeting_id).items[0].texts.discussion
    recover(services, meeting, stored)
    window = make_window()

    job = offer_unsaved_minutes(services, dialogs, window, window.open_target)

    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
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
    check = Job(lambda _progress: hung.wait(), session.window, daemon=True)
    session.watches = DatabaseWatches(recovery_check=check)
    check.start()
    with caplog.at_level(logging.WARNING):
        session.close()  # the program ends after this; the daemon thread is left to it
    still_running = check.running
    hung.set()
    qtbot.waitUntil(lambda: not check.running, timeout=WAIT)

    assert still_running
    assert "not waiting for the unsaved-minutes check" in caplog.text


def open_minutes(window, meeting) -> MinutesEditor:
    window.open_target(Target(Area.MEETINGS, record_id=meeting.meeting_id, tab=MeetingTab.MINUTES))
    return window.pages.meetings.tabs.minutes_editor()


def questions(dialogs) -> list[str]:
    return [text for kind, _title, text in dialogs.messages if kind == "question"]


def test_minutes_opened_before_the_look_ends_are_offered_once_by_the_tab(
    qtbot, services, dialogs, make_window, meeting
) -> None:
    """The Protokoll tab shows the minutes already and offers the kept text itself: the
    start's question does not ask about the same text a second time."""
    recover(services, meeting, TYPED)
    window = make_window()
    editor = open_minutes(window, meeting)
    assert len(dialogs.offered) == 1  # the tab's own offer, not answered yet

    job = offer_unsaved_minutes(
        services, dialogs, window, window.open_target, window.pages.meetings.tabs.minutes_editor
    )
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    assert questions(dialogs) == []
    assert len(dialogs.offered) == 1
    qtbot.waitUntil(editor.idle, timeout=WAIT)


@pytest.mark.parametrize("answer", ["ja", "nein"])
def test_minutes_opened_while_the_start_question_is_open_are_offered_once_it_is_answered(
    qtbot, services, dialogs, make_window, meeting, answer
) -> None:
    """While the start's question about the kept text is open, the tab that shows those
    minutes does not offer the same text; once the question is answered it does, once."""
    recover(services, meeting, TYPED)
    window = make_window()
    dialogs.keep_questions_open = True
    job = offer_unsaved_minutes(
        services, dialogs, window, window.open_target, window.pages.meetings.tabs.minutes_editor
    )
    qtbot.waitUntil(lambda: bool(dialogs.open_questions), timeout=WAIT)
    assert len(questions(dialogs)) == 1
    editor = open_minutes(window, meeting)
    assert editor.shown_meeting_id() == meeting.meeting_id
    assert dialogs.offered == []  # not a second dialog about the same text

    on_yes, on_no = dialogs.open_questions.pop()
    (on_yes if answer == "ja" else on_no)()

    assert [title for title, _mine, _stored in dialogs.offered] == ["Ungesicherten Text gefunden"]
    assert TYPED in dialogs.offered[0][1]
    assert window.pages.meetings.tabs.minutes_editor().shown_meeting_id() == meeting.meeting_id
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_minutes_of_a_meeting_chosen_while_the_protokoll_tab_is_hidden_are_asked_about(
    qtbot, services, dialogs, make_window, meeting
) -> None:
    """A hidden Protokoll tab reads its minutes only when shown (and offers the kept text
    then): the start's question names the meeting chosen on the Sitzung tab, and its text
    is still offered, for that meeting, when the tab is shown after a "Nein"."""
    recover(services, meeting, TYPED)
    window = make_window()
    to_the_meeting = Target(Area.MEETINGS, record_id=meeting.meeting_id, tab=MeetingTab.MEETING)
    window.open_target(to_the_meeting)
    tabs = window.pages.meetings.tabs
    dialogs.keep_questions_open = True
    job = offer_unsaved_minutes(services, dialogs, window, window.open_target, tabs.minutes_editor)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    (question,) = questions(dialogs)
    assert "1. Sitzung am 10.03.2026" in question and dialogs.offered == []
    dialogs.open_questions.pop()[1]()  # "Nein"
    assert dialogs.offered == []
    tabs.open_tab("minutes")

    assert tabs.minutes_editor().shown_meeting_id() == meeting.meeting_id
    assert [TYPED in mine for _title, mine, _stored in dialogs.offered] == [True]
    qtbot.waitUntil(tabs.minutes_editor().idle, timeout=WAIT)


def test_the_program_start_holds_the_tabs_offer_while_its_question_is_open(
    qtbot, session, services, dialogs, meeting
) -> None:
    """As the program starts: the question is asked about the Protokoll tab of the window."""
    recover(services, meeting, TYPED)
    dialogs.keep_questions_open = True
    session.dialogs = dialogs
    session.open(services.database.url)
    qtbot.waitUntil(lambda: bool(dialogs.open_questions), timeout=WAIT)

    editor = open_minutes(session.window, meeting)
    assert dialogs.offered == []
    dialogs.open_questions.pop()[1]()  # "Nein"

    assert len(dialogs.offered) == 1
    qtbot.waitUntil(lambda: not session.watches.recovery_check.running, timeout=WAIT)
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def test_kept_text_of_an_item_deleted_meanwhile_is_mentioned_and_shown_to_copy(
    qtbot, services, dialogs, make_window, meeting
) -> None:
    """Its minutes would otherwise have to be opened by chance for the text to be seen."""
    recover(services, meeting, TYPED)
    item_id = services.minutes.minutes(meeting.meeting_id).items[0].item_id
    with services.database.transaction() as session:  # e.g. an older backup restored
        session.delete(session.get(models.AgendaItem, item_id))
    window = make_window()

    job = offer_unsaved_minutes(
        services, dialogs, window, window.open_target, window.pages.meetings.tabs.minutes_editor
    )
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    assert len(questions(dialogs)) == 1  # answered "Ja": the minutes are opened
    (warning,) = dialogs.warnings()
    assert "Der Tagesordnungspunkt wurde inzwischen gelöscht" in warning
    assert TYPED in dialogs.details[-1]
    assert RecoveryStore.for_database(services.database.digest).entries() == []
    qtbot.waitUntil(window.pages.meetings.tabs.minutes_editor().idle, timeout=WAIT)


def test_unsaved_text_of_another_councils_minutes_names_it_and_opens_it_there(
    qtbot, services, dialogs, make_window, meeting
) -> None:
    """The window shows the Digitalbeirat; the text kept is of the Expert*innenrat's
    minutes: "Ja" opened the Sitzungen of the Beirat, without the meeting, and the question
    did not say which council's "1. Sitzung" it meant (found by a tester)."""
    recover(services, meeting, TYPED)
    expert_council = services.minutes.minutes(meeting.meeting_id).council_id
    beirat = services.settings.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Rostock")
    ).id
    window = make_window()
    window.reload_councils(beirat)
    assert window.current_council_id() == beirat

    job = offer_unsaved_minutes(services, dialogs, window, window.open_target)

    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    (kind, _title, text) = dialogs.messages[-1]
    assert kind == "question"
    assert "(1. Sitzung am 10.03.2026 (Smart City Expert*innenrat))" in text
    assert "das Protokoll der 1. Sitzung (Smart City Expert*innenrat) öffnen" in text
    assert window.current_council_id() == expert_council
    page = window.pages.meetings
    assert window.stack.currentWidget() is page
    assert page.selected().id == meeting.meeting_id
    assert isinstance(page.tabs.currentWidget(), MinutesEditor)
    qtbot.waitUntil(lambda: bool(dialogs.offered), timeout=WAIT)
    qtbot.waitUntil(page.tabs.currentWidget().idle, timeout=WAIT)


def _deleted(services, meeting) -> None:
    with services.database.transaction() as session:  # e.g. on another PC
        session.get(models.Meeting, meeting.meeting_id).deleted_at = datetime(2026, 3, 11)


def test_kept_text_of_a_deleted_meeting_is_shown_once_to_copy_then_removed(
    qtbot, services, dialogs, meeting
) -> None:
    """No Protokoll tab can offer it any more: the file stayed on the PC for good (found by
    a tester). A file with nothing typed in it goes without a word."""
    recover(services, meeting, TYPED)
    store = RecoveryStore.for_database(services.database.digest)
    blank = RecoveryEntry(
        "item:999999",
        texts_payload(ItemTexts("", " ", "", "")),
        1,
        {"meeting_id": meeting.meeting_id},
    )
    store.write(blank, 1)
    _deleted(services, meeting)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs.keep_warnings_open = True
    opened: list[Target] = []

    job = offer_unsaved_minutes(services, dialogs, parent, opened.append)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    (warning,) = dialogs.warnings()
    assert "Seine Sitzung wurde inzwischen gelöscht" in warning and "10.03.2026" in warning
    assert "TOP 1:" in dialogs.details[-1] and TYPED in dialogs.details[-1]
    assert [e.key for e in store.entries()] != []  # kept while the message is open
    assert "item:999999" not in [e.key for e in store.entries()]
    dialogs.open_warnings.pop()()
    assert store.entries() == []
    assert questions(dialogs) == [] and opened == []


def test_kept_text_of_a_meeting_no_longer_held_stays(qtbot, services, dialogs, meeting) -> None:
    """It may be held again, and its tab offer the text then."""
    recover(services, meeting, TYPED)
    with services.database.transaction() as session:
        session.get(models.Meeting, meeting.meeting_id).state = "planned"
    parent = QWidget()
    qtbot.addWidget(parent)

    job = offer_unsaved_minutes(services, dialogs, parent, lambda _target: None)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    assert dialogs.messages == []
    assert len(RecoveryStore.for_database(services.database.digest).entries()) == 1


def test_kept_text_the_database_holds_already_is_removed_at_start(
    qtbot, monkeypatch, services, dialogs, meeting
) -> None:
    """It stayed on the PC until that meeting's Protokoll tab was opened (found by a
    tester); a file written anew since it was read (typed in this run) stays."""
    stored = services.minutes.minutes(meeting.meeting_id).items[0].texts.discussion
    recover(services, meeting, stored)
    store = RecoveryStore.for_database(services.database.digest)
    parent = QWidget()
    qtbot.addWidget(parent)

    job = offer_unsaved_minutes(services, dialogs, parent, lambda _target: None)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    assert dialogs.messages == [] and store.entries() == []
    recover(services, meeting, stored)
    (entry,) = store.entries()
    read = services.minutes.minutes

    def typed_meanwhile(meeting_id):  # after the look has read the files
        store.write(replace(entry, payload={**entry.payload, "discussion": TYPED}), 2)
        return read(meeting_id)

    monkeypatch.setattr(services.minutes, "minutes", typed_meanwhile)
    job = offer_unsaved_minutes(services, dialogs, parent, lambda _target: None)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    monkeypatch.setattr(services.minutes, "minutes", read)
    assert dialogs.messages == []
    assert [e.payload["discussion"] for e in store.entries()] == [TYPED]


def test_kept_text_of_the_minutes_the_tab_shows_is_left_to_its_editor(
    qtbot, services, dialogs, meeting
) -> None:
    """(found by a helper) The look at start removes the files whose text the database
    holds, but not those of the minutes the Protokoll tab shows: its autosave writes them
    as one types, and its editor drops them itself (bd1e60f4 had no test of this)."""
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda _: qtbot.waitUntil(editor.idle))
    editor.set_meeting(meeting.meeting_id)
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    stored = services.minutes.minutes(meeting.meeting_id).items[0].texts.discussion
    recover(services, meeting, stored)  # written by the tab's autosave
    store = RecoveryStore.for_database(services.database.digest)

    job = offer_unsaved_minutes(services, dialogs, editor, lambda _target: None, lambda: editor)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)

    assert editor.shown_meeting_id() == meeting.meeting_id
    assert dialogs.messages == []
    assert [e.payload["discussion"] for e in store.entries()] == [stored]
