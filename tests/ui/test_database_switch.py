"""Another database opened at once in a new window (Einstellungen → Datenbank, the Datei
menu's "Mit Server verbinden …" and "Auf Server umziehen …"): what the shown page, the
stored address of this PC and the daily backup make of it."""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QProgressDialog
from sqlalchemy import func, select
from window_gone import closed

from expertenrat.paths import default_database_file
from expertenrat.services.daily_backup import DailyBackupService
from expertenrat.store import server_password
from expertenrat.store.database_location import store_address, stored_address
from expertenrat.store.engine import database_url
from expertenrat.store.models import Meeting
from expertenrat.store.server_password import SERVICE
from expertenrat.ui.daily_backup import BusyNote

NOTE = ("Tägliche Sicherung", "Die tägliche Sicherung wird noch abgeschlossen …")


def _answer(dialog, url, password: str = "") -> None:
    dialog.host_edit.setText(url.host)
    dialog.port_spin.setValue(url.port)
    dialog.database_edit.setText(url.database)
    dialog.user_edit.setText(url.username)
    dialog.password_edit.setText(password)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _opened_on_the_settings_with_a_typed_city(session, dialogs, demo_file, qtbot):
    """The program on ``demo_file`` (stored for this PC), Einstellungen shown, a city typed
    but not saved."""
    store_address(database_url(str(demo_file)))
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(None)
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
    window = session.window
    window.show_area(window.settings_page)
    window.settings_page.council_form.council_fields.city_edit.setText("Lübeck")
    return window


@pytest.mark.parametrize("way", ["Standarddatei verwenden", "Mit Server verbinden …"])
def test_staying_on_the_page_keeps_the_database_also_for_the_next_start(
    way, session, dialogs, demo_file, qtbot, finish_job, request
):
    """The new address was stored before the shown page was asked about its unsaved
    input: a user who chose to stay kept the old database, but the next start opened the
    new one (found by a tester). Now it is stored once the page lets go."""
    first = _opened_on_the_settings_with_a_typed_city(session, dialogs, demo_file, qtbot)
    box = first.settings_page.database_box
    server = (
        request.getfixturevalue("empty_postgres_url") if way != "Standarddatei verwenden" else None
    )

    def choose() -> None:
        if server is None:
            box.file_button.click()
            return
        box.connect_action.trigger()
        _answer(box.server_choice.dialog, server)
        finish_job(box.server_choice)

    dialogs.answer_yes = False  # "Die Änderungen verwerfen?" – Nein: stay
    choose()
    kind, title, _text = dialogs.messages[-1]
    assert (kind, title) == ("question", "Einstellungen nicht gespeichert")
    assert session.window is first and session.database.location == str(demo_file)
    assert first.settings_page.council_form.council_fields.city_edit.text() == "Lübeck"
    assert stored_address() == str(demo_file)  # the next start opens it, too

    dialogs.answer_yes = True
    choose()
    assert session.window is not first and closed(first)
    if server is None:
        assert stored_address() is None
        assert session.database.location == str(default_database_file())
        assert session.window.welcome_shown()
    else:
        assert stored_address() == server.render_as_string(hide_password=False)
        assert session.database.url.database == server.database
        qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)


def test_the_move_to_a_server_opens_the_server_at_once(
    session, dialogs, demo_file, empty_postgres_url, qtbot, finish_job
):
    """After "Auf Server umziehen …" the program closed: it had to be started again to
    work on the server (found by a tester). Now the message says where the data is and
    the server's data opens in the window's place."""
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(str(demo_file))
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
    first = session.window
    council = first.council_combo.currentText()
    move = first.menus.server_move
    move.action.trigger()
    _answer(move.dialog, empty_postgres_url)
    finish_job(move)

    (box,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert box.isVisible() and "vollständig auf dem Server" in box.text()
    assert "Dieser PC arbeitet ab jetzt mit den Daten auf dem Server" in box.text()
    assert f"„{demo_file}“ bleibt unverändert liegen" in box.text()
    assert session.window is first  # until the message is read
    box.button(QMessageBox.StandardButton.Ok).click()

    assert session.window is not first and closed(first)
    assert session.database.url.database == empty_postgres_url.database
    assert session.window.council_combo.currentText() == council
    assert not session.window.welcome_shown()
    assert stored_address() == empty_postgres_url.render_as_string(hide_password=False)
    with session.database.reading() as reading:
        assert reading.scalar(select(func.count()).select_from(Meeting)) > 0
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)


def _open_files() -> set[Path]:
    """The files this process has open (Linux: /proc/self/fd)."""
    opened = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed meanwhile (the listing's own)
            opened.add(Path(os.readlink(f"/proc/self/fd/{fd}")))
    return opened


def test_a_password_to_keep_is_kept_only_once_the_server_is_opened(
    session, dialogs, demo_file, empty_postgres_url, memory_keyring, qtbot, finish_job
):
    """ "Mit Server verbinden …" put a password ticked to be kept into the keyring at once:
    a user who then stayed on the page with unsaved input kept the old database, but the
    keyring kept the password (found by a tester). Now it goes in with the switch."""
    first = _opened_on_the_settings_with_a_typed_city(session, dialogs, demo_file, qtbot)
    box = first.settings_page.database_box
    account = (SERVICE, server_password.account(empty_postgres_url))

    def choose() -> None:
        box.connect_action.trigger()
        assert box.server_choice.dialog.keep_check.isChecked()  # offered, ticked
        _answer(box.server_choice.dialog, empty_postgres_url, "geheim")
        finish_job(box.server_choice)

    dialogs.answer_yes = False  # "Die Änderungen verwerfen?" – Nein: stay
    choose()
    assert session.window is first and session.database.location == str(demo_file)
    assert memory_keyring.secrets == {}

    dialogs.answer_yes = True
    choose()
    assert session.window is not first
    assert memory_keyring.secrets == {account: "geheim"}
    assert session.database.url.database == empty_postgres_url.database
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_switch_lets_go_of_the_old_window_and_its_database(
    session, dialogs, demo_file, tmp_path, qtbot
):
    """Each switch left the old window behind, hidden, with its pages, models and
    database objects, even after garbage collection: its signals were connected to its
    own bound methods and lambdas, which Qt holds and the collector cannot see (found by a
    tester). Now it is deleted once the event loop turns, and its database closed."""
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(str(demo_file))
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
    first = weakref.ref(session.window)
    old_database = weakref.ref(session.database)
    engine = session.database.engine
    assert demo_file in _open_files()

    session.switch_to(str(tmp_path / "leer.db"))
    assert session.window is not first()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()

    assert first() is None
    assert old_database() is None
    assert engine.pool.checkedout() == 0 and engine.pool.checkedin() == 0
    assert demo_file not in _open_files()
    assert session.database.location == str(tmp_path / "leer.db")


@pytest.fixture
def held_backup(monkeypatch):
    """The daily backup waits (a slow network drive, a large server database) until the
    event is set; at most a minute, so that a test that never sets it fails, not hangs."""
    release = threading.Event()
    run = DailyBackupService.run

    def slow_run(self, folder, today, progress=None):
        release.wait(60)
        return run(self, folder, today, progress)

    monkeypatch.setattr(DailyBackupService, "run", slow_run)
    return release


def _notes_then_release(release: threading.Event, seen: list) -> None:
    """Once the event loop runs again: note the busy notes shown, then let the backup end."""

    def look() -> None:
        for note in QApplication.topLevelWidgets():
            if isinstance(note, QProgressDialog) and note.isVisible():
                seen.append((note.windowTitle(), note.labelText(), note.parent()))
        release.set()

    QTimer.singleShot(0, look)


def test_a_switch_during_the_daily_backup_says_why_it_waits(
    session, dialogs, demo_file, tmp_path, held_backup, qtbot
):
    """A switch while the daily copy was still written froze the window without a word
    until it was done (found by a tester). Now a note says why, and the window repaints
    meanwhile (the event loop runs: the look below happens during the wait)."""
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(str(demo_file))
    first = session.window
    seen: list = []
    _notes_then_release(held_backup, seen)

    session.switch_to(str(tmp_path / "leer.db"))

    assert seen == [(*NOTE, first)]
    assert session.window is not first
    folder = demo_file.parent / "Sicherungen"
    assert [p.suffix for p in folder.iterdir()] == [".db"]  # whole, no temporary file left
    assert not any(
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_closing_during_the_daily_backup_says_why_the_program_still_runs(
    session, dialogs, demo_file, held_backup
):
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(str(demo_file))
    session.window.hide()  # the window is closed, the program ends
    seen: list = []
    _notes_then_release(held_backup, seen)

    session.close()

    assert seen == [(*NOTE, None)]
    assert session.watches.daily_backup.job.join(0)
    assert len(list((demo_file.parent / "Sicherungen").glob("expertenrat-*.db"))) == 1


def _abbrechen_then_release(release: threading.Event, pressed: list) -> None:
    """Once the event loop runs again: press "Abbrechen" on the busy note, then let the
    backup go on to its first step, where it hears of it."""

    def press() -> None:
        for note in QApplication.topLevelWidgets():
            if isinstance(note, BusyNote) and note.isVisible() and note.cancel_button:
                pressed.append(note.cancel_button.text())
                note.cancel_button.click()
                pressed.append(note.labelText())
        release.set()

    QTimer.singleShot(0, press)


def test_abbrechen_stops_the_daily_backup_and_the_program_ends(
    session, dialogs, demo_file, held_backup
):
    """The note had no "Abbrechen": the end of the program waited for a slow network
    drive as long as the copy took. Now it stops the copy cleanly: no half-written copy
    under today's name, no temporary file (the next start makes today's copy)."""
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(str(demo_file))
    session.window.hide()  # the window is closed, the program ends
    job = session.watches.daily_backup.job
    pressed: list = []
    _abbrechen_then_release(held_backup, pressed)

    session.close()

    assert pressed == [
        "Abbrechen",
        "Die tägliche Sicherung wird abgebrochen … Sie wird beim nächsten Start erneut angelegt.",
    ]
    assert job.join(0)
    folder = demo_file.parent / "Sicherungen"
    assert list(folder.iterdir()) == []
    assert not any(
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_abbrechen_of_the_daily_backup_lets_the_switch_go_on(
    session, dialogs, demo_file, tmp_path, held_backup
):
    session.dialogs = dialogs
    session.window.show()
    assert session.open_or_explain(str(demo_file))
    first, job = session.window, session.watches.daily_backup.job
    pressed: list = []
    _abbrechen_then_release(held_backup, pressed)

    session.switch_to(str(tmp_path / "leer.db"))

    assert pressed[0] == "Abbrechen"
    assert job.join(0)
    assert session.window is not first
    assert session.database.location == str(tmp_path / "leer.db")
    folder = demo_file.parent / "Sicherungen"
    assert [p for p in folder.iterdir() if not p.name.startswith("expertenrat-")] == []
