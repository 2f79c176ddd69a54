"""The address of a PostgreSQL database, field by field, and the password.

Used by "Auf Server umziehen …", "Mit Server verbinden …", the start page's "Anderen
Server …" (filled in with the server that failed, ``initial``) and for the password at
start (``fixed``: only the password field is editable then). ``chosen(url,
keep_password)`` reports the address with the password in it; ``keep_password``: store
it in the OS keyring (offered only where there is one). Given a :class:`DialogService`,
Abbrechen, Esc or closing ask before what was typed is thrown away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.server_host import host_and_port
from expertenrat.services.database_choice import (
    DatabaseAddress,
    can_keep_passwords,
    server_address,
)
from expertenrat.ui.dialog_parts import dialog_buttons
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.form_errors import message_label
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import FocusSpin

if TYPE_CHECKING:
    from expertenrat.ui.dialog_service import DialogService

_CONTEXT = "ServerDialog"


class ServerDialog(QDialog):
    chosen = Signal(object, bool)  # address with password, keep the password in the keyring

    def __init__(
        self,
        title: str,
        intro: str,
        parent: QWidget | None = None,
        *,
        fixed: DatabaseAddress | None = None,
        initial: DatabaseAddress | None = None,
        dialogs: DialogService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        intro_label.setTextFormat(Qt.TextFormat.PlainText)
        shown = fixed or initial
        self._shown = shown  # its options (sslmode …) stay with the address typed
        self.host_edit = LineEdit(shown.host or "" if shown else "")
        self.port_spin = FocusSpin(minimum=1, maximum=65535)
        self.port_spin.setValue(shown.port or 5432 if shown else 5432)
        self._opened_port = self.port_spin.value()
        self.database_edit = LineEdit(shown.database or "" if shown else "expertenrat")
        self.user_edit = LineEdit(shown.username or "" if shown else "expertenrat")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.host_edit, self.port_spin, self.database_edit, self.user_edit):
            edit.setEnabled(fixed is None)
        self.keep_check = QCheckBox(tr(_CONTEXT, "Passwort im Schlüsselbund dieses PCs speichern"))
        available = can_keep_passwords()
        self.keep_check.setChecked(available)
        self.keep_check.setEnabled(available)
        if not available:
            self.keep_check.setToolTip(
                tr(
                    _CONTEXT,
                    "Auf diesem PC gibt es keinen Schlüsselbund; das Passwort wird "
                    "bei jedem Start erfragt.",
                )
            )
        self.error_label = message_label()
        self.error_label.setObjectName("errorLabel")
        form = QFormLayout()
        form.addRow(tr(_CONTEXT, "Server"), self.host_edit)
        form.addRow(tr(_CONTEXT, "Port"), self.port_spin)
        form.addRow(tr(_CONTEXT, "Datenbank"), self.database_edit)
        form.addRow(tr(_CONTEXT, "Benutzer"), self.user_edit)
        form.addRow(tr(_CONTEXT, "Passwort"), self.password_edit)
        form.addRow("", self.keep_check)
        buttons = dialog_buttons(self, on_accept=self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if fixed else self.host_edit).setFocus()
        # An Esc slipped in after typing the server's address from the IT's note threw it
        # away unasked (found by a tester).
        self._discard = DiscardCheck(self, dialogs, self._typed)

    def _typed(self) -> tuple[object, ...]:
        edits = (self.host_edit, self.database_edit, self.user_edit, self.password_edit)
        return (*(edit.text() for edit in edits), self.port_spin.value())

    def reject(self) -> None:
        self._discard.reject(super().reject)

    def url(self) -> DatabaseAddress:
        return server_address(
            username=self.user_edit.text().strip() or None,
            password=self.password_edit.text() or None,
            host=self.host_edit.text().strip() or None,
            port=self.port_spin.value(),
            database=self.database_edit.text().strip() or None,
            options_of=self._shown,
        )

    def _accept(self) -> None:
        required = (
            (tr(_CONTEXT, "Server"), self.host_edit),
            (tr(_CONTEXT, "Datenbank"), self.database_edit),
            (tr(_CONTEXT, "Benutzer"), self.user_edit),
        )
        for _label, edit in required:
            edit.setAccessibleDescription("")
        missing = [(label, edit) for label, edit in required if not edit.text().strip()]
        if missing:
            # The cursor goes to the first empty field, which a screen reader says with the
            # message; it stayed on "OK", and nothing was said.
            self._refuse(
                tr(_CONTEXT, "Bitte ausfüllen: {}.").format(
                    ", ".join(label for label, _edit in missing)
                ),
                missing[0][1],
            )
            return
        port_changed = self.port_spin.value() != self._opened_port
        try:
            host, port = host_and_port(self.host_edit.text(), self.port_spin.value(), port_changed)
        except ValueError as error:
            self._refuse(str(error), self.host_edit)
            return
        self.host_edit.setText(host)  # "db.rostock.de:5432" shown as the parts it was taken as
        self.port_spin.setValue(port)
        self.chosen.emit(self.url(), self.keep_check.isChecked() and self.keep_check.isEnabled())
        self.accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        """Show ``message`` and put the cursor into ``field``, which carries it along."""
        self.error_label.setText(message)
        field.setAccessibleDescription(message)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
