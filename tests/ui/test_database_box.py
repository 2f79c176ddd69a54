"""Einstellungen → Datenbank: connect this PC to a server, or go back to its file."""

from __future__ import annotations

import socket
import threading

from PySide6.QtWidgets import QMessageBox
from server_typing import UNREACHABLE, submit_unreachable, typed_address
from verwerfen import escape_asks_before_dropping, escape_closes_at_once

from expertenrat.paths import default_database_file
from expertenrat.store.database_location import store_address, stored_address
from expertenrat.store.engine import database_url
from expertenrat.ui.database_box import DatabaseBox
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.save_location import SaveLocations


def test_connecting_checks_the_server_and_asks_to_open_it(
    qtbot, services, dialogs, empty_postgres_url, finish_job
):
    box = DatabaseBox(services.database, dialogs)
    qtbot.addWidget(box)
    opened = []
    box.open_requested.connect(lambda *chosen: opened.append(chosen))
    assert box.connect_button.isEnabled() and not box.file_button.isEnabled()
    assert str(default_database_file()) in box.file_button.toolTip()

    closed = empty_postgres_url.set(host="127.0.0.1", port=1)  # nothing listens there
    box.server_choice.check(closed, False)
    finish_job(box.server_choice)
    assert "nicht erreichbar" in dialogs.warnings()[0]
    assert opened == []

    box.server_choice.check(empty_postgres_url, False)
    finish_job(box.server_choice)
    assert opened == [(empty_postgres_url, False)]  # at once, without asking to restart
    assert [kind for kind, _title, _text in dialogs.messages] == ["warning"]
    # Stored by the session once the shown page lets go (tests/ui/test_database_switch.py)
    assert stored_address() is None


def test_the_box_shows_the_stored_server_and_offers_the_file_again(
    qtbot, services, dialogs, empty_postgres_url
):
    store_address(empty_postgres_url)
    box = DatabaseBox(services.database, dialogs)
    qtbot.addWidget(box)
    opened = []
    box.open_requested.connect(lambda *chosen: opened.append(chosen))
    shown = empty_postgres_url.set(drivername="postgresql", password=None)
    assert f"eingestellt auf: {shown.render_as_string(False)}" in box.location_label.text()
    assert "psycopg" not in box.location_label.text()
    assert box.connect_action.isVisible()  # in the Datei menu, without a preset

    box.file_button.click()
    assert opened == [(str(default_database_file()), False)]
    assert stored_address() is not None  # until the session switches


def test_after_a_failed_check_the_dialog_comes_back_with_what_was_typed(
    qtbot, services, dialogs, finish_job
):
    """A wrong password or a mistyped server closed the dialog for good: everything had to
    be typed anew (found by a tester)."""
    box = DatabaseBox(services.database, dialogs)
    qtbot.addWidget(box)
    box.connect_button.click()
    first = box.server_choice.dialog
    submit_unreachable(first)
    finish_job(box.server_choice)

    assert "nicht erreichbar" in dialogs.warnings()[0]
    again = box.server_choice.dialog
    assert again is not first and again.isVisible()
    assert typed_address(again) == UNREACHABLE
    assert again.password_edit.text() == ""
    assert stored_address() is None
    again.reject()


def test_a_server_problem_not_known_shows_the_driver_s_text_behind_details(
    qtbot, services, qsettings, finish_job
):
    box = DatabaseBox(services.database, DialogService(SaveLocations(qsettings)))
    qtbot.addWidget(box)
    with socket.socket() as listener:  # a "server" that hangs up at once
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        hang_up = threading.Thread(target=lambda: listener.accept()[0].close())
        hang_up.start()
        port = listener.getsockname()[1]
        url = database_url(f"postgresql://rat@127.0.0.1:{port}/x?sslmode=disable")
        box.server_choice.check(url, False)
        finish_job(box.server_choice)
        hang_up.join()

    (message,) = box.findChildren(QMessageBox)
    shown = message.text().replace("\u200b", "").replace("\u2060", "")  # breaks, joiners
    assert shown.startswith("Der Datenbankserver „postgresql://rat@127.0.0.1:")
    assert "server closed" not in message.text()
    assert "server closed the connection unexpectedly" in message.detailedText()
    message.close()


def test_escape_in_the_server_dialog_asks_before_dropping_the_typed_server(
    qtbot, services, dialogs
):
    """Found by a tester: an Esc slipped in after typing the server's address from the
    IT's note closed the dialog and threw the address away, unasked."""
    box = DatabaseBox(services.database, dialogs)
    qtbot.addWidget(box)
    box.ask_server()
    dialog = box.server_choice.dialog

    escape_asks_before_dropping(qtbot, dialogs, dialog, dialog.host_edit, "db.rostock.de")
    box.ask_server()
    escape_closes_at_once(qtbot, dialogs, box.server_choice.dialog)


def test_a_database_preset_at_start_is_said_and_not_switched_away_from(
    qtbot, services, dialogs, empty_postgres_url
):
    """Set for every user by the city's IT (EXPERTENRAT_DATABASE_URL): the box did not say
    so, and "Auf Server umziehen …" stored the server for a start that opened the preset
    file again, with the data from before the move (found by a tester). Its buttons are
    disabled, a tooltip saying why: enabled, they refused only once clicked (found by a
    tester); the Datei menu hides its "Mit Server verbinden …", as it leaves out "Auf
    Server umziehen …" (a menu shows no tooltip): enabled, it only refused once chosen
    (found by review)."""
    store_address(empty_postgres_url)
    preset = "die Umgebungsvariable EXPERTENRAT_DATABASE_URL"
    box = DatabaseBox(services.database, dialogs, preset=preset)
    qtbot.addWidget(box)
    chosen = []
    box.open_requested.connect(lambda *wanted: chosen.append(wanted))
    box.move_requested.connect(lambda: chosen.append("move"))
    assert f"Vorgegeben beim Start durch {preset}" in box.location_label.text()

    buttons = (box.connect_button, box.file_button, box.move_button)
    assert not any(button.isEnabled() for button in buttons)
    for button in buttons:
        assert button.toolTip().startswith("Hier nicht einstellbar")
        assert preset in button.toolTip() and "durch die IT" in button.toolTip()
        assert max(len(line) for line in button.toolTip().splitlines()) <= 72
    assert not box.connect_action.isVisible()

    assert not box.connect_action.isEnabled()
    box.connect_action.trigger()  # the Datei menu's, from code
    for button in buttons:
        button.click()

    assert chosen == [] and box.server_choice.dialog is None and dialogs.messages == []
    assert stored_address() is not None  # this PC's own choice stays as it was
