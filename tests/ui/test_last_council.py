"""Each database opens with the council last shown on it on this PC."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import delete

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.store.models import Council
from expertenrat.ui.main_window import MainWindow


@pytest.fixture
def two_files(tmp_path, _sqlite_template):
    """Two database files, each with the councils "Rat" and "Beirat" (the same ids)."""
    paths = []
    for name in ("erste.db", "zweite #1.db"):
        path = tmp_path / name
        shutil.copyfile(_sqlite_template, path)
        database = open_database(database_url(str(path)))
        settings = Services.create(database, "tester").settings
        for council, city in (("Rat", "Rostock"), ("Beirat", "Wismar")):
            settings.create_council(CouncilSettings(id=None, name=council, city=city))
        database.close()
        paths.append(path)
    return paths


@pytest.fixture
def open_window(qtbot, qsettings, dialogs, tmp_path, today):
    """A window on a file, as the program shows it after a start with that file."""
    opened = []

    def open_file(path) -> MainWindow:
        database = open_database(database_url(str(path)))
        opened.append(database)
        window = MainWindow(qsettings, tmp_path / "log.txt", lambda: today)
        qtbot.addWidget(window)
        window.attach(Services.create(database, "tester"), dialogs)
        return window

    yield open_file
    for database in opened:
        database.close()


def _shown(window: MainWindow) -> str:
    return window.council_combo.currentText()


def test_each_file_shows_its_own_last_council(two_files, open_window, qsettings):
    first, second = two_files
    qsettings.setValue("council_id", 2)  # before the update: one for every database
    window = open_window(first)
    assert _shown(window) == "Beirat (Wismar)"  # the old setting, taken over by this file
    assert not qsettings.contains("council_id")

    window = open_window(second)
    assert _shown(window) == "Rat (Rostock)"  # never shown here: the first council
    window.council_combo.setCurrentIndex(1)
    assert _shown(window) == "Beirat (Wismar)"

    window = open_window(first)
    window.council_combo.setCurrentIndex(0)

    assert _shown(open_window(second)) == "Beirat (Wismar)"
    assert _shown(open_window(first)) == "Rat (Rostock)"

    # The one remembered is gone: the first council is shown.
    database = open_database(database_url(str(second)))
    with database.engine.begin() as connection:
        connection.execute(delete(Council).where(Council.name == "Beirat"))
    database.close()
    assert _shown(open_window(second)) == "Rat (Rostock)"
    assert _shown(open_window(first)) == "Rat (Rostock)"
