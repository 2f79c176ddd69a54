"""The window on a server that hangs (its processes stopped, its virtual machine paused):
saving a form says "Der Datenbankserver antwortet nicht" after seconds instead of a
window that waits for ever, keeps what was typed, and its retry saves once the server
answers again. The watch's times are shortened (``quick_watch``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from silent_server import silenced

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.ui.member_dialog import MemberDialog


def test_a_form_saved_on_a_server_that_hangs_keeps_its_input_and_retries(
    qtbot, own_server, quick_watch, today
):
    cluster, url = own_server
    database = open_database(url)
    try:
        services = Services.create(database, "tester")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        dialog = MemberDialog(
            services.members, council.id, services.settings.action_fields(council.id), today
        )
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.form.given_name_edit.setText("Jürgen")
        dialog.form.family_name_edit.setText("Übel")
        dialog.form.primary_field_combo.setCurrentIndex(1)

        with silenced(cluster.pause, cluster.carry_on):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible()
            assert dialog.general_label.text().startswith("Der Datenbankserver antwortet nicht.")
            assert dialog.save_button.text() == "Erneut versuchen"
            assert dialog.form.family_name_edit.text() == "Übel"

        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert [m.family_name for m in services.members.members(council.id)] == ["Übel"]
    finally:
        database.close()
