"""A PostgreSQL server chosen and checked: Einstellungen → Datenbank "Mit Server verbinden …"
and the start page's "Anderen Server …".

The server dialog asks for the address and the password; :func:`check_server` then checks
in the worker that this PC can work on it (reachable, the login accepted, Expertenrat's
data or still empty, not from a newer version). If it can, ``checked(url, has_data,
keep_password)`` reports the address with its password and whether the user ticked to
keep it in the keyring: the receiver keeps it once the server is really used (not if the
user stays on the open database after all); if not, ``failed(url, error)`` the error with
its German message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.progress import Progress
from expertenrat.services.database_choice import DatabaseAddress
from expertenrat.services.server_move import check_server
from expertenrat.ui.i18n import tr
from expertenrat.ui.server_dialog import ServerDialog
from expertenrat.ui.worker import Job, start_with_progress

if TYPE_CHECKING:
    from expertenrat.ui.dialog_service import DialogService

_CONTEXT = "ServerChoice"


class ServerChoice(QObject):
    checked = Signal(object, bool, bool)  # address with password, holds data, keep password
    failed = Signal(object, object)  # address with password, ExpertenratError

    def __init__(self, title: str, parent: QWidget, dialogs: DialogService | None = None) -> None:
        """``dialogs``: ask before the dialog throws away what was typed."""
        super().__init__(parent)
        self._title = title
        self._parent = parent
        self._dialogs = dialogs
        self.job: Job | None = None
        self._checks = 0  # the number of the newest check: only its outcome is reported
        self.dialog: ServerDialog | None = None

    def ask(self, intro: str, initial: DatabaseAddress | None = None) -> None:
        """The server dialog, filled in with ``initial`` (its password left out)."""
        self.dialog = ServerDialog(
            self._title, intro, self._parent, initial=initial, dialogs=self._dialogs
        )
        self.dialog.chosen.connect(self.check)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def check(self, url: DatabaseAddress, keep_password: bool) -> None:
        """Check ``url`` in the background. Only the newest check is reported, and none
        cancelled: Esc closes the progress dialog while the check still waits for the
        server (up to its connect timeout), and the user may then check another address;
        the first one's outcome came afterwards, reported with the second one's error
        (found by a helper)."""
        # No parent, no lambda holding ``job`` on its own signal (Qt holds the lambda): each
        # server checked stayed in memory until the program ended.
        self._checks += 1
        number = self._checks
        self.job = job = Job(lambda progress: _checked(url, progress))
        job.finished.connect(lambda has_data: self._passed(number, url, keep_password, has_data))
        job.failed.connect(lambda _message: self._refused(number, url))
        checking = tr(_CONTEXT, "Der Server wird geprüft …")
        start_with_progress(job, self._parent, self._title, checking)

    def _refused(self, number: int, url: DatabaseAddress) -> None:
        if number == self._checks:
            self.failed.emit(url, self.job.error if self.job is not None else None)

    def _passed(
        self, number: int, url: DatabaseAddress, keep_password: bool, has_data: bool
    ) -> None:
        if number == self._checks:
            self.checked.emit(url, has_data, keep_password)


def _checked(url: DatabaseAddress, progress: Progress) -> bool:
    """:func:`check_server`, which cannot stop while it waits for the server; cancelled
    meanwhile ("Abbrechen", Esc), it ends cancelled however it went."""
    try:
        return check_server(url)
    finally:
        progress(1, 1)  # raises Cancelled after "Abbrechen"
