"""The PostgreSQL server goes away: a German message, "Erneut versuchen", nothing typed lost.

The real test server refuses the database (ALLOW_CONNECTIONS false) and drops every
connection to it (pg_terminate_backend), then lets it back in.
"""

from __future__ import annotations

import sys

import pytest
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


def _drop_connections(admin, name: str, *, allow: bool) -> None:
    """Ended and gone, as after a restart: the pool sees the server's last words on them
    (store.connection_check). A read in the milliseconds before, with the connection still
    open, would be told the server was lost, and read again."""
    admin(
        f"ALTER DATABASE {name} ALLOW_CONNECTIONS {str(allow).lower()}",
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
        f"WHERE datname = '{name}' AND pid <> pg_backend_pid()",
    )


def test_a_lost_server_keeps_the_form_and_saving_again_works(
    qtbot, empty_postgres_url, postgres_admin, today
):
    database = open_database(empty_postgres_url)
    try:
        services = Services.create(database, "tester")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        fields = services.settings.action_fields(council.id)
        name = empty_postgres_url.database

        _drop_connections(postgres_admin, name, allow=True)
        assert services.members.members(council.id) == []  # a read reconnects quietly

        dialog = MemberDialog(services.members, council.id, fields, today)
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.form.given_name_edit.setText("Jürgen")
        dialog.form.family_name_edit.setText("Übel & <Söhne>")
        dialog.form.primary_field_combo.setCurrentIndex(1)

        _drop_connections(postgres_admin, name, allow=False)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "Verbindung zum Datenbankserver ist unterbrochen" in dialog.general_label.text()
        assert dialog.save_button.text() == "Erneut versuchen"
        assert dialog.form.family_name_edit.text() == "Übel & <Söhne>"

        _drop_connections(postgres_admin, name, allow=True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        saved = services.members.members(council.id)
        assert [m.family_name for m in saved] == ["Übel & <Söhne>"]
    finally:
        _drop_connections(postgres_admin, empty_postgres_url.database, allow=True)
        database.close()


def test_a_read_the_lost_server_failed_says_no_input_is_kept(
    qtbot, empty_postgres_url, postgres_admin, tmp_path
):
    """Found by a tester: a page switched to or a meeting chosen with the server away said
    "Ihre Eingaben bleiben erhalten" though nothing was typed. A read's message says what
    is the case and what to do; a save's still says its input is kept."""
    database = open_database(empty_postgres_url)
    name = empty_postgres_url.database
    try:
        services = Services.create(database, "tester")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        settings = services.settings.settings(council.id)
        reporter = ErrorReporter(tmp_path / "expertenrat.log")

        _drop_connections(postgres_admin, name, allow=False)
        try:
            services.members.members(council.id)
        except ConnectionLostError:
            reporter(*sys.exc_info())  # as from the event loop: the window's message
        with pytest.raises(ConnectionLostError) as saving:
            services.settings.update_settings(settings)
    finally:
        _drop_connections(postgres_admin, name, allow=True)
        database.close()

    box = reporter.lost_box
    assert box is not None
    qtbot.addWidget(box)
    assert box.text() == (
        "Die Verbindung zum Datenbankserver ist unterbrochen. Bitte prüfen Sie das Netzwerk "
        "und versuchen Sie es erneut."
    )
    assert [b.text() for b in box.buttons()] == ["Erneut versuchen", "Schließen"]
    assert "Ihre Eingaben bleiben erhalten." in saving.value.message


def test_a_lost_server_keeps_a_step_dialog_open_and_its_retry_saves(
    qtbot, empty_postgres_url, postgres_admin, dialogs, today
):
    database = open_database(empty_postgres_url)
    name = empty_postgres_url.database
    try:
        services = Services.create(database, "tester")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        parent = QWidget()
        qtbot.addWidget(parent)
        stored: list[int] = []
        steps = RecommendationSteps(
            parent, services, dialogs, lambda: today, lambda key, _detail: stored.append(key)
        )
        steps.new(council.id)
        dialog = steps.dialog
        dialog.title_edit.setText("Radwege & <Brücken> 🚲")
        dialog.text_edit.setPlainText("Mehr Bügel am Bahnhof.")

        _drop_connections(postgres_admin, name, allow=False)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "Verbindung zum Datenbankserver ist unterbrochen" in dialog.error_label.text()
        assert dialog.accept_button.text() == "Erneut versuchen"
        assert dialog.title_edit.text() == "Radwege & <Brücken> 🚲"

        _drop_connections(postgres_admin, name, allow=True)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted and len(stored) == 1
        rows = services.recommendations.list(council.id)
        assert [r.title for r in rows] == ["Radwege & <Brücken> 🚲"]
    finally:
        _drop_connections(postgres_admin, name, allow=True)
        database.close()


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
    qtbot, empty_postgres_url, postgres_admin, dialogs, ask
):
    """Found by a tester: a name typed for a new action field, a field's new name or a new
    council's name was gone with the message of the lost server ("Ihre Eingaben bleiben
    erhalten"); asked again with it, OK saves it once the server is back."""
    database = open_database(empty_postgres_url)
    name = empty_postgres_url.database
    try:
        services = Services.create(database, "tester")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        page = settings_page_alone(qtbot, services, dialogs)
        page.set_council(council.id)
        page.refresh()  # as the window shows it
        typed = "Wärme & <Wasser> „Zoë“"
        dialogs.texts = [typed]

        _drop_connections(postgres_admin, name, allow=False)
        ask(page)

        # A new council's read of the shown one's action fields may be what fails first.
        assert dialogs.asked_texts[-1].startswith(
            "Die Verbindung zum Datenbankserver ist unterbrochen."
        )
        assert dialogs.offered_texts[-1] == typed
        assert dialogs.warnings() == []
        _drop_connections(postgres_admin, name, allow=True)
        (ok,) = dialogs.unanswered_texts
        ok(typed)  # OK in the dialog asked again

        names = [f.name for f in services.settings.action_fields(council.id)]
        names += [c.name for c in services.settings.councils()]
        assert names.count(typed) == 1
        assert len(dialogs.unanswered_texts) == 1  # not asked once more
    finally:
        _drop_connections(postgres_admin, name, allow=True)
        database.close()


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
