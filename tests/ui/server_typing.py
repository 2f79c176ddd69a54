"""Typing a server into the server dialog (:class:`expertenrat.ui.server_dialog.ServerDialog`)
as a user does, and pressing OK."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from expertenrat.ui.server_dialog import ServerDialog

# A server address nothing listens on: the connection is refused at once.
UNREACHABLE = ("127.0.0.1", 1, "ratsdaten", "geschaeftsstelle")


def submit_unreachable(dialog: ServerDialog) -> None:
    """Type :data:`UNREACHABLE` with a password into ``dialog`` and press OK."""
    host, port, database, user = UNREACHABLE
    dialog.host_edit.setText(host)
    dialog.port_spin.setValue(port)
    dialog.database_edit.setText(database)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText("geheim")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def typed_address(dialog: ServerDialog) -> tuple[str, int, str, str]:
    """What ``dialog`` holds: host, port, database and user, as :data:`UNREACHABLE`."""
    return (
        dialog.host_edit.text(),
        dialog.port_spin.value(),
        dialog.database_edit.text(),
        dialog.user_edit.text(),
    )
