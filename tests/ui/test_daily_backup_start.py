"""The daily backup at start: made in the worker, warned about on the Übersicht."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from expertenrat.services.demo import DemoService
from expertenrat.store.database import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.daily_backup import FOLDER_KEY


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "daten.db"
    database = open_database(database_url(str(path)))
    DemoService(database, "Frau Schulz").load(date.today(), councils=1, years=1)
    database.close()
    return path


def test_the_first_start_of_the_day_makes_a_copy_beside_the_database(session, demo_file, qtbot):
    session.window.show()
    session.open(str(demo_file))
    qtbot.waitUntil(lambda: not session.daily_backup.job.running, timeout=30000)
    copy = demo_file.parent / "Sicherungen" / f"expertenrat-{date.today():%Y-%m-%d}.db"
    assert copy.is_file()
    assert session.window.overview_page.backup_warning.isHidden()


def test_an_unreachable_backup_folder_is_a_warning_on_the_overview(session, demo_file, qtbot):
    QSettings().setValue(FOLDER_KEY, str(demo_file.parent / "Netzlaufwerk" / "Sicherungen"))
    session.window.show()
    session.open(str(demo_file))
    qtbot.waitUntil(lambda: not session.daily_backup.job.running, timeout=30000)
    session.window.overview_page.refresh()
    warning = session.window.overview_page.backup_warning
    assert not warning.isHidden()
    assert "Netzlaufwerk" in warning.text()
    assert not (demo_file.parent / "Netzlaufwerk").exists()
