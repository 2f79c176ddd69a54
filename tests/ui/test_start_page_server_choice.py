"""The start page's way out of a server that cannot be reached: "Anderen Server …",
"Standarddatei verwenden" and "Andere Datei öffnen …"."""

from __future__ import annotations

import socket
import threading
from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy.engine import make_url
from window_gone import closed

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.paths import default_database_file
from expertenrat.services.demo import DemoService
from expertenrat.store import server_password
from expertenrat.store.database_location import chosen_url, store_address, stored_address
from expertenrat.store.database_opening import open_database

GONE = "postgresql://rat@127.0.0.1:1/expertenrat"  # nothing listens there


def _refused(session, database: str | None):
    session.window.show()
    assert not session.open_or_explain(database)
    page = session.window.start_page
    assert "ist nicht erreichbar" in page.message_label.text()
    return page


def _offered(page) -> list[str]:
    buttons = (
        page.server_button,
        page.default_button,
        page.open_button,
        page.new_button,
        page.restore_button,
        page.retry_button,
    )
    return [button.text() for button in buttons if button.isVisible()]


def _answer(dialog, url) -> None:
    dialog.host_edit.setText(url.host)
    dialog.port_spin.setValue(url.port)
    dialog.database_edit.setText(url.database)
    dialog.user_edit.setText(url.username)
    dialog.password_edit.setText(url.password or "")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_another_server_is_checked_opened_and_stored_for_this_pc(
    empty_postgres_url,
    session,
    dialogs,
    finish_job,  # the database goes after the session
):
    session.dialogs = dialogs
    session.remember_choice = True  # started without --database
    store_address(make_url(GONE))
    page = _refused(session, None)
    assert _offered(page) == [
        "Anderen Server …",
        "Standarddatei verwenden",
        "Andere Datei öffnen …",
        "Erneut versuchen",
    ]

    page.server_button.click()
    dialog = session.ways.server_choice.dialog
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("127.0.0.1", 1)
    _answer(dialog, make_url(GONE).set(database="neu"))  # gone, too
    finish_job(session.ways.server_choice)

    assert session.window.stack.currentWidget() is page
    assert "ist nicht erreichbar" in page.message_label.text()
    assert "127.0.0.1:1/neu" in page.message_label.text()
    assert "Anderen Server …" in _offered(page)
    assert stored_address() == GONE and session.database is None

    page.server_button.click()
    _answer(session.ways.server_choice.dialog, empty_postgres_url)
    finish_job(session.ways.server_choice)

    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert stored_address() == empty_postgres_url.set(password=None).render_as_string(False)
    assert chosen_url(None).database == empty_postgres_url.database  # the next start's


@pytest.mark.parametrize("started_with", ["stored address", "--database"])
def test_the_default_file_opens_and_the_stored_server_is_forgotten_unless_started_with_database(
    session, dialogs, started_with
):
    session.dialogs = dialogs
    store_address(make_url(GONE))
    session.remember_choice = started_with == "stored address"
    given = make_url(GONE).set(database="anders").render_as_string(False)
    page = _refused(session, None if session.remember_choice else given)

    page.default_button.click()

    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert session.database.location == str(default_database_file())
    assert not default_database_file().exists()  # created with the first council
    assert stored_address() == (None if session.remember_choice else GONE)


def test_the_reason_is_german_and_the_driver_s_text_only_a_detail_of_a_cause_not_known(session):
    page = _refused(session, GONE)
    assert "postgresql://rat@127.0.0.1:1/expertenrat" in page.message_label.text()
    assert "Connection refused" not in page.message_label.text()
    assert not page.detail_label.isVisible()

    with socket.socket() as listener:  # a "server" that hangs up at once
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        hang_up = threading.Thread(target=lambda: listener.accept()[0].close())
        hang_up.start()
        port = listener.getsockname()[1]
        assert not session.open_or_explain(f"postgresql://rat@127.0.0.1:{port}/x?sslmode=disable")
        hang_up.join()

    assert "ist nicht erreichbar. Bitte prüfen Sie" in page.message_label.text()
    assert "server closed" not in page.message_label.text()
    assert page.detail_label.isVisible()
    assert page.detail_label.text().startswith("Einzelheiten: ")
    assert "server closed the connection unexpectedly" in page.detail_label.text()


def test_connecting_from_the_welcome_page_opens_the_server_at_once(
    session, dialogs, tmp_path, empty_postgres_url, finish_job, qtbot
):
    """The welcome page's (and Einstellungen's) "Mit Server verbinden …" asked to quit and
    start again, while the start page's "Anderen Server …" opened the server at once
    (found by a tester): now both open it at once, and the next start too."""
    server = open_database(empty_postgres_url)
    DemoService(server, "Frau Schulz").load(date.today(), councils=1, years=1)
    server.close()
    session.dialogs = dialogs
    session.remember_choice = True
    session.window.show()
    assert session.open_or_explain(str(tmp_path / "leer.db"))
    first = session.window
    assert first.welcome_shown()

    (button,) = [
        button
        for button in first.welcome_page.findChildren(QPushButton)
        if button.text() == "Mit Server verbinden …"
    ]
    button.click()
    choice = first.settings_page.database_box.server_choice
    _answer(choice.dialog, empty_postgres_url)
    finish_job(choice)

    assert [kind for kind, _title, _text in dialogs.messages] == []  # no "beenden?"
    assert session.database.url.database == empty_postgres_url.database
    assert session.window is not first and closed(first)
    assert session.window.isVisible() and not session.window.welcome_shown()
    assert session.window.council_combo.currentText().startswith("Smart City")
    assert chosen_url(None).database == empty_postgres_url.database  # the next start's
    qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)

    second = session.window
    second.settings_page.database_box.file_button.click()

    assert session.database.location == str(default_database_file())
    assert session.window is not second and session.window.welcome_shown()
    assert stored_address() is None


def test_a_password_to_keep_is_kept_only_once_the_other_server_opened(
    empty_postgres_url, session, dialogs, finish_job, memory_keyring, monkeypatch
):
    """ "Anderen Server …" put a password ticked to be kept into the keyring before the
    server was opened: a server that then could not be opened kept it all the same. Now
    it goes in once the server opened, as with the switch in the window."""
    session.dialogs = dialogs
    page = _refused(session, GONE)
    typed = empty_postgres_url.set(password="geheim")
    opening = session.open

    def failing(_database, **_options) -> None:
        raise DatabaseUnusableError("Die Datenbank lässt sich gerade nicht öffnen.")

    monkeypatch.setattr(session, "open", failing)  # checked, but then not opened
    page.server_button.click()
    assert session.ways.server_choice.dialog.keep_check.isChecked()  # offered, ticked
    _answer(session.ways.server_choice.dialog, typed)
    finish_job(session.ways.server_choice)

    assert session.database is None
    assert "lässt sich gerade nicht öffnen" in page.message_label.text()
    assert memory_keyring.secrets == {}

    monkeypatch.setattr(session, "open", opening)
    page.server_button.click()
    _answer(session.ways.server_choice.dialog, typed)
    finish_job(session.ways.server_choice)

    assert session.database.url.database == empty_postgres_url.database
    account = (server_password.SERVICE, server_password.account(empty_postgres_url))
    assert memory_keyring.secrets == {account: "geheim"}
