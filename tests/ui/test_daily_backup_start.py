"""The daily backup at start: made in the worker, warned about on the Übersicht."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from expertenrat.paths import user_data_dir
from expertenrat.services.backup_file import read_backup_file
from expertenrat.services.daily_backup import DailyBackupService
from expertenrat.services.demo import DemoService
from expertenrat.services.overview import OverviewService
from expertenrat.store.database_opening import open_database
from expertenrat.ui.daily_backup import FOLDER_KEY


def test_the_first_start_of_the_day_makes_a_copy_beside_the_database(session, demo_file, qtbot):
    session.window.show()
    before = date.today()
    session.open(str(demo_file))
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
    days = {before, date.today()}  # the test may run over midnight
    copies = [demo_file.parent / "Sicherungen" / f"expertenrat-{d:%Y-%m-%d}.db" for d in days]
    assert [copy for copy in copies if copy.is_file()] != []
    assert session.window.overview_page.backup_warning.isHidden()


def test_closing_the_program_waits_for_the_daily_backup(session, demo_file, monkeypatch):
    """The copy is still being written (a slow disk, a busy PC) when the program ends: it is
    finished before the database closes, not cut off or left running."""
    run = DailyBackupService.run

    def slow_run(self, folder, today, progress=None):
        threading.Event().wait(1.0)  # the slow disk
        return run(self, folder, today, progress)

    monkeypatch.setattr(DailyBackupService, "run", slow_run)
    session.open(str(demo_file))

    session.close()

    assert session.watches.daily_backup.job.join(0)  # its thread has ended
    assert len(list((demo_file.parent / "Sicherungen").glob("expertenrat-*.db"))) == 1


@pytest.mark.parametrize("turn", [1, 2])
def test_each_test_has_this_pc_s_settings_to_itself(turn):
    """This PC's settings (``QSettings()``, where the program keeps the chosen backup
    folder) were shared by all tests of a run: a test that chose a folder left it chosen
    for every later one, whose backups then went there."""
    settings = QSettings()
    assert settings.value(FOLDER_KEY) is None
    settings.setValue(FOLDER_KEY, f"/Netzlaufwerk/{turn}")
    settings.sync()


def test_an_unreachable_backup_folder_is_a_warning_on_the_overview(
    session, demo_file, qtbot, monkeypatch
):
    """The warning comes as the backup ends, without a new read of the Übersicht's figures
    (found by a tester: 20 statements more at every start, a round trip each on a server)."""
    QSettings().setValue(FOLDER_KEY, str(demo_file.parent / "Netzlaufwerk" / "Sicherungen"))
    session.window.show()
    session.open(str(demo_file))
    overviews_read = []
    read = OverviewService.overview
    monkeypatch.setattr(
        OverviewService, "overview", lambda *a, **k: overviews_read.append(1) or read(*a, **k)
    )
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
    warning = session.window.overview_page.backup_warning
    qtbot.waitUntil(lambda: not warning.isHidden())
    assert overviews_read == []
    assert not warning.isHidden()
    assert "Netzlaufwerk" in warning.text()
    assert not (demo_file.parent / "Netzlaufwerk").exists()


def test_a_server_database_gets_its_daily_backup_in_this_pc_s_data_folder(
    session, empty_postgres_url, qtbot
):
    """A PC on a PostgreSQL server made no automatic backup and warned of none (found by a
    tester): the server's data is written in the portable format once a day."""
    database = open_database(empty_postgres_url)
    DemoService(database, "Frau Schulz").load(date.today(), councils=1, years=1)
    database.close()
    session.window.show()
    before = date.today()
    session.open(empty_postgres_url)
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
    folder = user_data_dir() / "Sicherungen"
    days = {before, date.today()}  # the test may run over midnight
    copies = [folder / f"expertenrat-{d:%Y-%m-%d}.zip" for d in days]
    (copy,) = [copy for copy in copies if copy.is_file()]
    assert read_backup_file(copy).schema_revision
    assert session.window.overview_page.backup_warning.isHidden()
