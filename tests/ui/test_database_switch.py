"""Another database opened at once in a new window (Einstellungen → Datenbank, the Datei
menu's "Mit Server verbinden …" and "Auf Server umziehen …"): what the shown page, the
stored address of this PC and the daily backup make of it."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from expertenrat.services.daily_backup import DailyBackupService
from expertenrat.services.demo import DemoService
from expertenrat.store.database import open_database
from expertenrat.store.engine import database_url

NOTE = ("Tägliche Sicherung", "Die tägliche Sicherung wird noch abgeschlossen …")


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "daten.db"
    database = open_database(database_url(str(path)))
    DemoService(database, "Frau Schulz").load(date.today(), councils=1, years=1)
    database.close()
    return path


@pytest.fixture
def held_backup(monkeypatch):
    """The daily backup waits (a slow network drive, a large server database) until the
    event is set; at most a minute, so that a test that never sets it fails, not hangs."""
    release = threading.Event()
    run = DailyBackupService.run

    def slow_run(self, folder, today):
        release.wait(60)
        return run(self, folder, today)

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
    qtbot.addWidget(session.window)
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
    assert session.daily_backup.job.join(0)
    assert len(list((demo_file.parent / "Sicherungen").glob("expertenrat-*.db"))) == 1
