"""Nothing typed is lost: not when the program is killed, not when the server goes away.

1. The editor runs in a process of its own (``minutes_typing_process.py``), types, and gets
   SIGKILL as soon as the text has left the process (saved, or in the recovery file: a
   moment after the last keystroke); a new editor on the same database finds the text
   (saved, or offered from the recovery file).
2. A PostgreSQL server of this test's own is stopped at once while the user types: typing
   goes on without waiting (the GUI thread asks nothing of the database meanwhile), the
   indicator names the problem, the text stays in the editor and the recovery file, and
   it is saved once the server is back.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

from held_meeting import held_meeting_of_three
from PySide6.QtTest import QTest
from sqlalchemy import event

from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.ui.autosave_recovery import RecoveryStore
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

TYPING_PROCESS = Path(__file__).with_name("minutes_typing_process.py")
WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def _editor(qtbot, services, dialogs, meeting_id: int) -> MinutesEditor:
    def settle(editor: MinutesEditor) -> None:
        editor.autosave.flush()
        qtbot.waitUntil(lambda: editor.idle(), timeout=WAIT)

    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=settle)
    editor.resize(1000, 700)
    editor.show()
    editor.set_meeting(meeting_id)
    return editor


def test_text_typed_before_a_kill_is_found_on_reopening(qtbot, services, dialogs, tmp_path):
    held = held_meeting_of_three(services)
    item_id = held.item_ids[1]
    text = "Der Rat begruesst den Bericht und bittet um Zahlen bis Maerz."
    process = subprocess.Popen(
        [sys.executable, str(TYPING_PROCESS), str(services.database.url.database),
         str(held.meeting_id), str(item_id), text],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip
    try:
        # A typing process that hangs fails the test instead of hanging the whole run.
        ready, _, _ = select.select([process.stdout], [], [], WAIT / 1000)
        assert ready, "the typing process never said it typed"
        line = process.stdout.readline()
        assert line.strip() == "typed", process.stderr.read()
        # The user stops typing; the PC dies once the text has left the program (a moment
        # later: waited for, not timed, as a busy machine may take longer).
        recovery = RecoveryStore.for_database(services.database.digest)
        deadline = time.monotonic() + WAIT / 1000
        while not _kept(services, recovery, held.meeting_id, item_id, text):
            assert time.monotonic() < deadline, "the typed text never left the program"
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    dialogs.choices = ["left"]  # if the text is only in the recovery file: take it

    editor = _editor(qtbot, services, dialogs, held.meeting_id)

    stored = services.minutes.minutes(held.meeting_id).item(item_id).discussion
    offered = [left for _title, left, _right in dialogs.offered]
    assert stored == text or any(text in o for o in offered)
    qtbot.waitUntil(
        lambda: services.minutes.minutes(held.meeting_id).item(item_id).discussion == text,
        timeout=WAIT,
    )
    editor.items.select_key(item_key(item_id))
    assert editor.item_form.discussion_edit.toPlainText() == text


def _kept(services, recovery: RecoveryStore, meeting_id: int, item_id: int, text: str) -> bool:
    """Whether ``text`` is in the database or the recovery file."""
    if services.minutes.minutes(meeting_id).item(item_id).discussion == text:
        return True
    return any(text in entry.payload.get("discussion", "") for entry in recovery.entries())


def test_a_lost_server_never_stops_typing_and_the_text_is_saved_when_it_is_back(
    qtbot, dialogs, own_server
):
    cluster, url = own_server
    database = open_database(url)
    editor = None
    try:
        services = Services.create(database, "tester")
        held = held_meeting_of_three(services)
        item_id = held.item_ids[0]
        editor = _editor(qtbot, services, dialogs, held.meeting_id)
        editor.autosave.saves.retry_timer.setInterval(300)
        editor.items.select_key(item_key(item_id))
        field = editor.item_form.discussion_edit
        field.setFocus()
        QTest.keyClicks(field, "Vor dem Ausfall. ")
        editor.autosave.save_now()
        qtbot.waitUntil(lambda: editor.indicator.text().startswith("gespeichert"), timeout=WAIT)

        cluster.halt()
        QTest.keyClicks(field, "Waehrend")
        editor.autosave.save_now()
        qtbot.waitUntil(lambda: "Datenbankserver" in editor.indicator.text(), timeout=WAIT)
        asked_on_gui_thread: list[str] = []  # each a wait for the lost server

        def checked_out(*_args) -> None:
            if threading.current_thread() is threading.main_thread():
                asked_on_gui_thread.append("".join(traceback.format_stack(limit=12)))

        event.listen(database.engine, "checkout", checked_out)
        try:
            for letter in " des Ausfalls weitergetippt.":  # while saves keep failing
                QTest.keyClicks(field, letter)
                qtbot.wait(20)  # the retries run meanwhile
        finally:
            event.remove(database.engine, "checkout", checked_out)
        typed = "Vor dem Ausfall. Waehrend des Ausfalls weitergetippt."
        assert field.toPlainText() == typed
        assert asked_on_gui_thread == [], "typing waited for the database"
        assert "Datenbankserver" in editor.indicator.text()
        recovered = {e.key: e.payload for e in editor.autosave.recovery.entries()}
        qtbot.waitUntil(
            lambda: editor.autosave.recovery.entries()[0].payload["discussion"] == typed,
            timeout=WAIT,
        )
        assert item_key(item_id) in recovered

        cluster.resume()
        qtbot.waitUntil(
            lambda: services.minutes.minutes(held.meeting_id).item(item_id).discussion == typed,
            timeout=WAIT,
        )
        qtbot.waitUntil(lambda: editor.indicator.text().startswith("gespeichert"), timeout=WAIT)
        qtbot.waitUntil(lambda: editor.autosave.recovery.entries() == [], timeout=WAIT)
    finally:
        if editor is not None:  # no save may open a connection after the engine is gone
            editor.autosave.flush()
            qtbot.waitUntil(lambda: editor.idle(), timeout=WAIT)
        database.close()
