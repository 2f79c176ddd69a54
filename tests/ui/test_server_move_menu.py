"""Datei → Auf Server umziehen …: the demo into an empty database on the real PostgreSQL."""

from __future__ import annotations

import pytest
from live_jobs import live_jobs
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget
from server_typing import UNREACHABLE, submit_unreachable, typed_address
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.services.context import Services
from expertenrat.services.server_move import move_to_server
from expertenrat.store.database_location import stored_address
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url
from expertenrat.store.models import Meeting
from expertenrat.ui.server_move_menu import ServerMoveMenu
from expertenrat.ui.worker import Job


def test_the_move_asks_the_server_copies_stores_the_address_and_opens_the_server(
    qtbot, demo_services, dialogs, empty_postgres_url, finish_job
):
    parent = QWidget()
    qtbot.addWidget(parent)
    flushed, opened = [], []

    def leave(then) -> bool:
        flushed.append(True)
        return True

    menu = ServerMoveMenu(demo_services, dialogs, parent, leave, opened.append)
    menu.action.trigger()
    assert flushed == [True]
    dialog = menu.dialog
    dialog.host_edit.setText(empty_postgres_url.host)
    dialog.port_spin.setValue(empty_postgres_url.port)
    dialog.database_edit.setText(empty_postgres_url.database)
    dialog.user_edit.setText(empty_postgres_url.username)
    dialog.password_edit.setText("egal")
    assert not dialog.keep_check.isEnabled()  # no keyring here: asked at start
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    finish_job(menu)
    assert dialogs.warnings() == []

    assert stored_address() == empty_postgres_url.render_as_string(hide_password=False)
    server = open_database(empty_postgres_url, read_only=True)
    try:
        with server.reading() as session:
            meetings = session.scalar(select(func.count()).select_from(Meeting))
    finally:
        server.close()
    assert meetings == len(demo_services.meetings.list(demo_services.settings.councils()[0].id))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    assert "vollständig" in box.text() and "bei jedem Start erfragt" in box.text()
    assert "arbeitet ab jetzt mit den Daten auf dem Server" in box.text()
    assert f"Die Datei „{demo_services.database.location}“ bleibt unverändert" in box.text()
    assert opened == []  # not behind the message
    box.accept()
    assert opened == [empty_postgres_url.set(password="egal")]  # as typed, asked at start


def test_the_server_dialog_says_what_the_server_needs(qtbot, services, dialogs):
    """What must exist on the server is said in the dialog (there is no manual to see)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = ServerMoveMenu(services, dialogs, parent, lambda then: True, lambda: None)

    menu.action.trigger()

    intro = menu.dialog.findChild(QLabel).text()
    assert services.database.location in intro
    assert "einen Benutzer an und eine leere Datenbank, die diesem Benutzer gehört" in intro
    assert "Handbuch" not in intro
    menu.dialog.reject()


def test_after_a_failed_move_the_dialog_comes_back_with_what_was_typed(
    qtbot, services, dialogs, finish_job
):
    """A wrong password or a mistyped server closed the dialog for good: everything had to
    be typed anew (found by a tester)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = ServerMoveMenu(services, dialogs, parent, lambda then: True, lambda: None)
    menu.action.trigger()
    first = menu.dialog
    submit_unreachable(first)
    finish_job(menu)

    assert "nicht erreichbar" in dialogs.warnings()[0]
    again = menu.dialog
    assert again is not first and again.isVisible()
    assert typed_address(again) == UNREACHABLE
    assert again.password_edit.text() == ""
    assert stored_address() is None
    again.reject()


def test_a_new_pc_with_no_data_is_pointed_to_connecting_instead(qtbot, dialogs, tmp_path):
    """The welcome page's Datei menu offered the move of a file that does not exist yet: it
    failed "an der bisherigen Datenbank … bitte wenden Sie sich an Ihre IT-Betreuung"
    (found by a tester)."""
    database = open_database(
        database_url(str(tmp_path / "neu" / "expertenrat.db")), create=Create.ON_FIRST_WRITE
    )
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        services = Services.create(database, "tester")
        menu = ServerMoveMenu(services, dialogs, parent, lambda then: True, lambda: None)

        menu.action.trigger()

        assert menu.dialog is None
        ((kind, _title, text),) = dialogs.messages
        assert kind == "information" and "gibt es noch keine Daten" in text
        assert "„Mit Server verbinden …“" in text
        with pytest.raises(DatabaseUnusableError, match="noch keine Daten"):
            move_to_server(database, make_url("postgresql+psycopg://x@127.0.0.1:1/y"), tmp_path)
    finally:
        database.close()
    assert not (tmp_path / "neu").exists()


def test_a_move_tried_again_and_again_keeps_no_job_behind(qtbot, services, dialogs, finish_job):
    """Each move tried stayed in memory until the program ended: a lambda on the job's own
    signal held the job, Qt holds the lambda, and the window kept it as well (found by a
    helper)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = ServerMoveMenu(services, dialogs, parent, lambda then: True, lambda: None)
    menu.action.trigger()
    before = live_jobs()

    for _run in range(3):
        submit_unreachable(menu.dialog)
        finish_job(menu)

    assert len(dialogs.warnings()) == 3
    assert live_jobs() - before <= 1  # the last one, until the next
    assert parent.findChildren(Job) == []
    menu.dialog.reject()
