"""The server dialog's fields as a user fills them in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from expertenrat.ui.server_dialog import ServerDialog


def test_a_server_with_its_port_is_split_into_the_fields(qtbot) -> None:
    """ "db.rostock.de:5433", as IT notes write it, went whole to the network as a host
    name (found by review); a different port in the Port field is refused there."""
    dialog = ServerDialog("Mit Server verbinden", "Wo liegt die Datenbank?")
    qtbot.addWidget(dialog)
    chosen = []
    dialog.chosen.connect(lambda url, _keep: chosen.append(url))
    dialog.host_edit.setText("db.rostock.de:5433")
    dialog.port_spin.setValue(6432)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)

    ok.click()

    assert chosen == []
    assert "Der Port steht zweimal da" in dialog.host_edit.accessibleDescription()
    dialog.port_spin.setValue(5432)  # as the dialog opened: the Server field's port counts

    ok.click()

    assert [(url.host, url.port) for url in chosen] == [("db.rostock.de", 5433)]
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("db.rostock.de", 5433)


def test_a_port_alone_in_the_server_field_is_refused(qtbot) -> None:
    """Found by review: ":5432" counted as a filled Server field, and the address chosen
    had no server at all, which the driver takes as this PC's own."""
    dialog = ServerDialog("Mit Server verbinden", "Wo liegt die Datenbank?")
    qtbot.addWidget(dialog)
    chosen = []
    dialog.chosen.connect(lambda url, _keep: chosen.append(url))
    dialog.host_edit.setText(":5432")
    dialog.database_edit.setText("rat")
    dialog.user_edit.setText("sekretariat")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)

    ok.click()

    assert chosen == []
    assert "kein Servername" in dialog.host_edit.accessibleDescription()
    assert dialog.host_edit.text() == ":5432"  # what was typed stays to be corrected
