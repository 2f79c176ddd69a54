"""Datei → "Auf Server umziehen …": copy this PC's data into an empty PostgreSQL database.

The open page saves or asks first (nothing typed stays behind in the old database), then
the server's address is asked, the move runs in the worker with progress
(:func:`expertenrat.services.server_move.move_to_server`), and on success the address is
stored for this PC (the password in the keyring if wanted), a message says where the data
is now, and the server's data opens at once in a new window (``open_server``, the
session's switch, as Einstellungen → Datenbank does): nothing more is written to the old
file, and every later start works on the server too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.wording import whole_number
from expertenrat.paths import user_data_dir
from expertenrat.services import database_choice
from expertenrat.services.context import Services
from expertenrat.services.database_choice import DatabaseAddress
from expertenrat.services.server_move import MoveSummary, move_to_server, nothing_to_move
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.server_dialog import ServerDialog
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "ServerMove"


class ServerMoveMenu:
    """``leave(then)``: the window's page flush (see :mod:`expertenrat.ui.page`);
    ``open_server(url)`` opens the server's data after the move, instead of the file's."""

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget,
        leave: Callable[[Callable[[], None]], bool],
        open_server: Callable[[DatabaseAddress], None],
    ) -> None:
        self._services = services
        self._dialogs = dialogs
        self._parent = parent
        self._leave = leave
        self._open_server = open_server
        self.job: Job | None = None
        self.dialog: ServerDialog | None = None
        self.action = QAction(tr(_CONTEXT, "Auf Server &umziehen …"), parent)
        self.action.triggered.connect(self.start)

    def start(self) -> None:
        if self._services.database.pending:  # a new PC's file, nothing in it yet
            title = tr(_CONTEXT, "Auf Server umziehen")
            self._dialogs.information(self._parent, title, nothing_to_move(self._services.database))
            return
        if self._leave(self.ask_server):
            self.ask_server()

    def ask_server(self, initial: DatabaseAddress | None = None) -> None:
        """The server dialog; after a failed move, ``initial`` fills it in again with what
        was typed (but the password), so a wrong password or a typo is mended there."""
        self.dialog = ServerDialog(
            tr(_CONTEXT, "Auf Server umziehen"),
            tr(
                _CONTEXT,
                "Alle Daten aus „{}“ werden in eine leere PostgreSQL-Datenbank kopiert. "
                "Danach arbeitet dieser PC mit dem Server; die Datei bleibt unverändert "
                "liegen. Dafür legt die IT auf dem Server einen Benutzer an und eine leere "
                "Datenbank, die diesem Benutzer gehört.",
            ).format(self._services.database.location),
            self._parent,
            initial=initial,
            dialogs=self._dialogs,
        )
        self.dialog.chosen.connect(self.move)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def move(self, url: DatabaseAddress, keep_password: bool) -> None:
        title = tr(_CONTEXT, "Auf Server umziehen")
        # No parent, no lambda holding the job on its own signal (Qt holds the lambda): the
        # window kept every move tried until the program ended.
        self.job = Job(
            lambda progress: move_to_server(
                self._services.database, url, user_data_dir() / "Sicherungen", progress
            )
        )
        self.job.finished.connect(lambda summary: self._moved(url, keep_password, summary))
        self.job.failed.connect(lambda message: self._refused(title, message, url))
        start_with_progress(
            self.job, self._parent, title, tr(_CONTEXT, "Die Daten werden auf den Server kopiert …")
        )

    def _refused(self, title: str, message: str, url: DatabaseAddress) -> None:
        """The move failed: say why, then offer the server dialog again with ``url``."""
        error = self.job.error if self.job is not None else None
        self._dialogs.warning(
            self._parent,
            title,
            message,
            error.detail if error else "",
            on_closed=lambda: self.ask_server(initial=url),
        )

    def _moved(self, url: DatabaseAddress, keep_password: bool, summary: MoveSummary) -> None:
        title = tr(_CONTEXT, "Auf Server umziehen")
        try:
            asks_password = database_choice.remember(url, keep_password=keep_password)
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, title, error.message)
            return
        text = tr(
            _CONTEXT,
            "{rows} Datensätze in {tables} Tabellen sind vollständig auf dem Server "
            "„{target}“ angekommen.",
        ).format(rows=whole_number(summary.rows), tables=summary.tables, target=summary.target)
        text += "\n\n" + tr(
            _CONTEXT,
            "Dieser PC arbeitet ab jetzt mit den Daten auf dem Server; Expertenrat öffnet "
            "sie gleich. Die Datei „{file}“ bleibt unverändert liegen, wird aber nicht mehr "
            "verwendet.",
        ).format(file=self._services.database.location)
        if asks_password:
            text += " " + tr(_CONTEXT, "Das Passwort wird bei jedem Start erfragt.")
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._parent)
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda _result: self._open_server(url))
        box.open()
