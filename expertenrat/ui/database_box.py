"""Einstellungen → Datenbank: where this PC's data lives, and switching it.

"Mit Server verbinden …" checks a PostgreSQL database in the worker (reachable, ours or
empty, not from a newer version) and asks to open it (the password kept in the keyring
if wanted, once it is opened); "Standarddatei verwenden" asks to open the default SQLite
file of this PC again. The window's session opens it at once (``open_requested``): once
the shown page has saved or asked, it stores the address for this PC (for the default file
it forgets the stored one), closes the old database and opens the new one in a new window,
as the start page's ways out do, and at every start after. A user who stays on the page
keeps the old database, and the keyring what it had.
"Auf Server umziehen …" is the Datei menu's move.
``--database`` and ``EXPERTENRAT_DATABASE_URL`` still win over what is stored here: a
database named so at start (``preset``, as the city's IT sets it for every user) is said
here, and these switches cannot be used. They stored a choice the next start ignored:
after "Auf Server umziehen …" that start opened the preset file again, with the data from
before the move, while the message had said "ab jetzt … der Server" (found by a tester).
Their buttons here are disabled then, a tooltip saying why: enabled, they refused only
once clicked (found by a tester). The Datei menu hides its "Mit Server verbinden …" then
(and the action is disabled), as it leaves out "Auf Server umziehen …": a menu shows no
tooltip to say why it is disabled, and enabled it only refused once chosen (found by
review). No way is left to reach the switches, so they need no refusal of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.paths import default_database_file
from expertenrat.services.database_choice import (
    DatabaseAddress,
    OpenedDatabase,
    shown_stored_address,
)
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.network_drive_notice import network_note
from expertenrat.ui.server_choice import ServerChoice
from expertenrat.ui.widgets import action_button
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "DatabaseBox"


class DatabaseBox(QGroupBox):
    move_requested = Signal()  # "Auf Server umziehen …"
    # The database to use on this PC from now on, to store and open at once: a server's
    # URL (with the password given) or the default file's path; and whether to keep the
    # password in the keyring (once the switch happens).
    open_requested = Signal(object, bool)

    def __init__(
        self,
        database: OpenedDatabase,
        dialogs: DialogService,
        parent: QWidget | None = None,
        *,
        preset: str = "",
    ) -> None:
        """``preset``: what named the database at start, in German (``"die
        Umgebungsvariable EXPERTENRAT_DATABASE_URL"``); "" where nothing did."""
        super().__init__(tr(_CONTEXT, "Datenbank"), parent)
        self._database = database
        self._dialogs = dialogs
        self.preset = preset
        title = tr(_CONTEXT, "Mit Server verbinden")
        self.server_choice = ServerChoice(title, self, dialogs)
        self.server_choice.checked.connect(self._connected)
        # After the message the dialog comes back with what was typed (but the password):
        # a wrong password or a typo in the server's name is mended, not typed anew.
        self.server_choice.failed.connect(
            lambda url, error: dialogs.warning(
                self, title, error.message, error.detail, on_closed=lambda: self.ask_server(url)
            )
        )
        self.location_label = QLabel()
        self.location_label.setWordWrap(True)
        self.location_label.setTextFormat(Qt.TextFormat.PlainText)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Also in the Datei menu and on the welcome page: a second PC of the office sees
        # the welcome page (its own file is empty), not Einstellungen.
        self.connect_action = QAction(tr(_CONTEXT, "&Mit Server verbinden …"), self)
        self.connect_action.triggered.connect(lambda: self.ask_server())
        self.connect_button = action_button(self.connect_action)
        self.move_button = QPushButton(tr(_CONTEXT, "Auf Server umziehen …"))
        self.move_button.setVisible(database.is_sqlite)
        self.file_button = QPushButton(tr(_CONTEXT, "Standarddatei verwenden"))
        self.file_button.setToolTip(
            tr(_CONTEXT, "Wieder die Datei dieses PCs verwenden: {}").format(
                default_database_file()
            )
        )
        # on two rows where the window is too narrow for one (720 px)
        buttons = WrappingRow(
            [[self.connect_button], [self.move_button], [self.file_button]], packed_left=True
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.location_label)
        layout.addWidget(buttons)
        self.move_button.clicked.connect(self.ask_move)
        self.file_button.clicked.connect(self.use_file)
        self._show()

    def _show(self) -> None:
        text = tr(_CONTEXT, "Die Daten liegen in: {}").format(self._database.location)
        if shared := network_note(self._database, self.preset):
            text += "\n" + shared
        if self.preset:
            text += "\n" + tr(
                _CONTEXT,
                "Vorgegeben beim Start durch {}; diese Vorgabe gilt vor der Einstellung "
                "dieses PCs.",
            ).format(self.preset)
        stored = shown_stored_address()
        if stored is not None:
            text += "\n" + tr(_CONTEXT, "Dieser PC ist eingestellt auf: {}").format(stored)
        self.location_label.setText(text)
        self.file_button.setEnabled(stored is not None)
        if self.preset:
            why = tr(
                _CONTEXT,
                "Hier nicht einstellbar: Die Datenbank ist beim Start vorgegeben,\n"
                "durch {}.\n"
                "Diese Vorgabe gilt bei jedem Start; ändern lässt sie sich nur dort,\n"
                "wo sie vorgegeben ist (hat die IT sie vorgegeben: durch die IT).",
            ).format(self.preset)
            for button in (self.connect_button, self.move_button, self.file_button):
                button.setEnabled(False)
                button.setToolTip(why)
        # The Datei menu's: hidden, and disabled, which a trigger() from code obeys too.
        self.connect_action.setVisible(not self.preset)
        self.connect_action.setEnabled(not self.preset)

    def ask_move(self) -> None:
        self.move_requested.emit()

    def ask_server(self, initial: DatabaseAddress | None = None) -> None:
        self.server_choice.ask(
            tr(
                _CONTEXT,
                "Dieser PC arbeitet dann mit der Datenbank auf dem Server, die auch die "
                "anderen PCs verwenden. Die Daten dieses PCs werden dabei nicht übertragen "
                "(dafür: „Auf Server umziehen …“).",
            ),
            initial=initial,
        )

    def _connected(self, url: DatabaseAddress, _has_data: bool, keep_password: bool) -> None:
        # An empty database opens with the welcome page, which says so itself.
        self.open_requested.emit(url, keep_password)

    def use_file(self) -> None:
        self.open_requested.emit(str(default_database_file()), False)
