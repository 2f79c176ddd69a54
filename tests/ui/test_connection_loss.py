"""The PostgreSQL server goes away: a German message, "Erneut versuchen", nothing typed lost.

The real test server refuses the database (ALLOW_CONNECTIONS false) and drops every
connection to it (pg_terminate_backend), then lets it back in.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fixtures.postgres_server import database_away
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from settings_page_alone import settings_page_alone

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ConnectionLostError, StorageError
from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.ui.error_dialog import ErrorReporter
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.recommendation_steps import RecommendationSteps
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.settings_page import SettingsPage


@dataclass
class Server:
    """A council on a PostgreSQL database of its own whose server can go away."""

    services: Services
    council_id: int
    away: Callable[[bool], None]  # True: refused and dropped (see database_away); False: back


@pytest.fixture
def server(empty_postgres_url, postgres_admin) -> Iterator[Server]:
    database = open_database(empty_postgres_url)
    name = empty_postgres_url.database
    try:
        services = Services.create(database, "tester")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        yield Server(services, council.id, lambda away: database_away(postgres_admin, name, away))
    finally:
        database_away(postgres_admin, name, False)
        database.close()


def test_a_lost_server_keeps_the_form_and_saving_again_works(qtbot, server, today):
    services, council_id = server.services, server.council_id
    fields = services.settings.action_fields(council_id)

    server.away(False)  # the connections ended
    assert services.members.members(council_id) == []  # a read reconnects quietly

    dialog = MemberDialog(services.members, council_id, fields, today)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.given_name_edit.setText("Jürgen")
    dialog.form.family_name_edit.setText("Übel & <Söhne>")
    dialog.form.primary_field_combo.setCurrentIndex(1)

    server.away(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Verbindung zum Datenbankserver ist unterbrochen" in dialog.general_label.text()
    assert dialog.save_button.text() == "Erneut versuchen"
    assert dialog.form.family_name_edit.text() == "Übel & <Söhne>"

    server.away(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = services.members.members(council_id)
    assert [m.family_name for m in saved] == ["Übel & <Söhne>"]


def test_a_read_the_lost_server_failed_says_no_input_is_kept(qtbot, server, tmp_path):
    """Found by a tester: a page switched to or a meeting chosen with the server away said
    "Ihre Eingaben bleiben erhalten" though nothing was typed. A read's message says what
    is the case and what to do; a save's still says its input is kept."""
    services = server.services
    settings = services.settings.settings(server.council_id)
    reporter = ErrorReporter(tmp_path / "expertenrat.log")

    server.away(True)
    try:
        services.members.members(server.council_id)
    except ConnectionLostError:
        reporter(*sys.exc_info())  # as from the event loop: the window's message
    with pytest.raises(ConnectionLostError) as saving:
        services.settings.update_settings(settings)

    box = reporter.lost_box
    assert box is not None
    qtbot.addWidget(box)
    assert box.text() == (
        "Die Verbindung zum Datenbankserver ist unterbrochen. Bitte prüfen Sie das Netzwerk "
        "und versuchen Sie es erneut."
    )
    assert [b.text() for b in box.buttons()] == ["Erneut versuchen", "Schließen"]
    assert "Ihre Eingaben bleiben erhalten." in saving.value.message


def test_a_lost_server_keeps_a_step_dialog_open_and_its_retry_saves(qtbot, server, dialogs, today):
    parent = QWidget()
    qtbot.addWidget(parent)
    stored: list[int] = []
    steps = RecommendationSteps(
        parent, server.services, dialogs, lambda: today, lambda key, _detail: stored.append(key)
    )
    steps.new(server.council_id)
    dialog = steps.dialog
    dialog.title_edit.setText("Radwege & <Brücken> 🚲")
    dialog.text_edit.setPlainText("Mehr Bügel am Bahnhof.")

    server.away(True)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Verbindung zum Datenbankserver ist unterbrochen" in dialog.error_label.text()
    assert dialog.accept_button.text() == "Erneut versuchen"
    assert dialog.title_edit.text() == "Radwege & <Brücken> 🚲"

    server.away(False)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and len(stored) == 1
    rows = server.services.recommendations.list(server.council_id)
    assert [r.title for r in rows] == ["Radwege & <Brücken> 🚲"]


def _add_field(page: SettingsPage) -> None:
    page.field_buttons.add_button.click()


def _rename_field(page: SettingsPage) -> None:
    page.field_buttons._view.selectRow(0)
    page.field_buttons.rename_button.click()


def _new_council(page: SettingsPage) -> None:
    page.new_council_button.click()


@pytest.mark.parametrize(
    "ask",
    [_add_field, _rename_field, _new_council],
    ids=["new action field", "renamed action field", "new council"],
)
def test_a_lost_server_asks_again_for_a_name_in_the_settings_with_it_typed(
    qtbot, server, dialogs, ask
):
    """Found by a tester: a name typed for a new action field, a field's new name or a new
    council's name was gone with the message of the lost server ("Ihre Eingaben bleiben
    erhalten"); asked again with it, OK saves it once the server is back."""
    services = server.services
    page = settings_page_alone(qtbot, services, dialogs)
    page.set_council(server.council_id)
    page.refresh()  # as the window shows it
    typed = "Wärme & <Wasser> „Zoë“"
    dialogs.texts = [typed]

    server.away(True)
    ask(page)

    # A new council's read of the shown one's action fields may be what fails first.
    assert dialogs.asked_texts[-1].startswith(
        "Die Verbindung zum Datenbankserver ist unterbrochen."
    )
    assert dialogs.offered_texts[-1] == typed
    assert dialogs.warnings() == []
    server.away(False)
    (ok,) = dialogs.unanswered_texts
    ok(typed)  # OK in the dialog asked again

    names = [f.name for f in services.settings.action_fields(server.council_id)]
    names += [c.name for c in services.settings.councils()]
    assert names.count(typed) == 1
    assert len(dialogs.unanswered_texts) == 1  # not asked once more


def test_the_save_button_offers_a_retry_only_after_a_lost_server(qtbot):
    button = QPushButton("Speichern")
    qtbot.addWidget(button)
    retry = SaveRetry(button)
    retry.after(ConnectionLostError("Die Verbindung … ist unterbrochen."))
    assert button.text() == "Erneut versuchen"
    retry.after(StorageError("Der Datenträger ist voll."))
    assert button.text() == "Speichern"
    retry.after(ConnectionLostError("weg"))
    retry.after(None)
    assert button.text() == "Speichern"
