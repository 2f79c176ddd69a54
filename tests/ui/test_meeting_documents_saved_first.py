"""(found by a tester) A document of the Sitzungen page made within a second of typing in
the Protokoll tab missed the last words: the minutes' autosave waits for a pause, the
document is rendered from the database. The documents, and the minutes' circulation and
approval, now save the typed input first; a save that fails is named, nothing outdated is
made and the text stays."""

from __future__ import annotations

import io

import pytest
from held_meeting import council_of_three, held_meeting
from minutes_tab import minutes_tab_of
from pypdf import PdfReader
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from expertenrat.domain.errors import ConnectionLostError
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: saves and renders run in the worker; waits end as soon as they are done


@pytest.fixture
def held(services, today):
    council_id = council_of_three(services, today)
    members = [m.id for m in services.members.members(council_id)]
    return council_id, held_meeting(services.database, council_id, members)


@pytest.fixture
def page(qtbot, services, dialogs, today, held) -> MeetingsPage:
    """The meetings page on the held meeting's Protokoll tab; no save outlives the test."""
    council_id, meeting = held
    return minutes_tab_of(qtbot, services, dialogs, council_id, meeting.meeting_id, today)[0]


def type_at_end_of_top_2(editor: MinutesEditor, item_id: int, text: str) -> None:
    editor.items.select_key(item_key(item_id))
    edit = editor.item_form.discussion_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, text)


def test_the_minutes_saved_at_once_after_typing_hold_the_last_words(
    qtbot, page, held, dialogs, finish_job, tmp_path
) -> None:
    _council, meeting = held
    editor = page.tabs.minutes_editor()
    type_at_end_of_top_2(editor, meeting.item_ids[1], " Schlusswortzeile")
    target = tmp_path / "Protokoll.pdf"
    dialogs.paths.append(str(target))

    page.documents.minutes_button.save_action.trigger()  # within the autosave's pause
    finish_job(page.documents)

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Schlusswortzeile" in text
    assert dialogs.warnings() == []


@pytest.fixture
def lost(services, monkeypatch) -> list[bool]:
    """While it holds True, the minutes' saves find the server lost."""
    save, lost = services.minutes.save_item, [True]

    def lost_server(*args):
        if lost:
            raise ConnectionLostError("Die Verbindung zum Datenbankserver ist unterbrochen.")
        return save(*args)

    monkeypatch.setattr(services.minutes, "save_item", lost_server)
    return lost


def test_a_document_whose_typed_text_cannot_be_saved_is_not_made_and_the_text_stays(
    qtbot, page, held, services, dialogs, lost, tmp_path
) -> None:
    _council, meeting = held
    editor = page.tabs.minutes_editor()
    editor.autosave.saves.retry_timer.setInterval(50)  # not every 5 s
    type_at_end_of_top_2(editor, meeting.item_ids[1], " Nachtrag")
    target = tmp_path / "Protokoll.pdf"
    dialogs.paths.append(str(target))

    page.documents.minutes_button.save_action.trigger()

    qtbot.waitUntil(lambda: len(dialogs.warnings()) == 1, timeout=WAIT)
    (warning,) = dialogs.warnings()
    assert warning.startswith(
        "Nicht gespeichert, aber lokal gesichert: Die Verbindung zum Datenbankserver ist "
    )
    assert warning.endswith("Das Dokument wurde nicht erstellt. Es enthielte die letzte "
                            "Eingabe noch nicht; sie bleibt erhalten.")  # fmt: skip
    assert page.documents.job is None and not target.exists()
    assert editor.item_form.discussion_edit.toPlainText().endswith(" Nachtrag")
    lost.clear()  # the server is back: the retry saves the text
    qtbot.waitUntil(editor.idle, timeout=WAIT)
    stored = services.minutes.minutes(meeting.meeting_id).items[1].texts.discussion
    assert stored.endswith(" Nachtrag")


def test_minutes_whose_typed_text_cannot_be_saved_are_not_circulated(
    qtbot, page, held, services, dialogs, lost, today
) -> None:
    _council, meeting = held
    editor = page.tabs.minutes_editor()
    editor.autosave.saves.retry_timer.setInterval(50)
    type_at_end_of_top_2(editor, meeting.item_ids[1], " Nachtrag")
    approval = next(w for w in page.tabs.details if isinstance(w, MinutesApprovalPanel))
    page.tabs.setCurrentWidget(approval)
    dialogs.dates = [today]

    approval.circulate()

    qtbot.waitUntil(lambda: len(dialogs.warnings()) == 1, timeout=WAIT)
    (warning,) = dialogs.warnings()
    assert warning.startswith(
        "Nicht gespeichert, aber lokal gesichert: Die Verbindung zum Datenbankserver ist "
    )
    assert "Das Protokoll wurde nicht versandt. Es enthielte die letzte Eingabe" in warning
    assert dialogs.asked_dates == []  # no day asked, nothing circulated
    lost.clear()
    qtbot.waitUntil(editor.idle, timeout=WAIT)
