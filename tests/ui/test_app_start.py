"""Start-up: the window shows at once, the database is opened right after."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from expertenrat.app import QUIT_AFTER_ENV, Session
from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.ui.main_window import MainWindow


@pytest.fixture
def session(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "log.txt")
    qtbot.addWidget(window)
    opened = Session(window)
    yield opened
    opened.close()


def test_the_window_shows_before_the_database_is_open(session):
    session.window.show()
    assert session.window.stack.currentWidget() is session.window.loading_label
    assert session.window.areas == []


def test_opening_a_new_database_offers_the_demo(session, tmp_path):
    session.window.show()
    session.open(str(tmp_path / "neu.db"))
    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert (tmp_path / "neu.db").exists()


def test_a_file_that_is_no_database_is_refused_and_left_alone(session, tmp_path):
    letter = tmp_path / "brief.db"
    letter.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    with pytest.raises(DatabaseUnusableError, match="keine Expertenrat-Datenbank"):
        session.open(str(letter))
    assert letter.read_text(encoding="utf-8") == "Sehr geehrte Damen und Herren"
    assert session.window.stack.currentWidget() is session.window.loading_label


def test_the_window_quits_by_itself_after_the_delay_tests_ask_for(tmp_path):
    """EXPERTENRAT_QUIT_AFTER_MS lets a test start the real program and see it end cleanly."""
    environment = {**os.environ, QUIT_AFTER_ENV: "300"}
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.db").is_file()
