"""What the start page offers when the database cannot be opened (:class:`~expertenrat.ui.
start_page.WaysOut`): another server (checked as Einstellungen → Datenbank checks it), the
default file, another file, a new file, a backup in place of a damaged file, and the
password a server asks for. Whatever is chosen is opened as if the program had been
started with it, through the session of :mod:`expertenrat.app`. Which database is which
(a server, the default file) the services say (:mod:`expertenrat.services.database_choice`),
imported where needed: the data stack must not delay the window's first appearance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from expertenrat.domain.errors import (
    DatabaseDamagedError,
    ExpertenratError,
    OthersConnectedError,
    PasswordNeededError,
    StoredFileMissingError,
)
from expertenrat.ui.i18n import tr
from expertenrat.ui.start_page import WaysOut

if TYPE_CHECKING:
    from expertenrat.services.database_choice import DatabaseAddress
    from expertenrat.ui.damaged_restore import DamagedRestore
    from expertenrat.ui.dialog_service import DialogService
    from expertenrat.ui.main_window import MainWindow
    from expertenrat.ui.server_choice import ServerChoice
    from expertenrat.ui.server_dialog import ServerDialog


class Opener(Protocol):
    """The running GUI's session (:class:`expertenrat.app.Session`), as the ways out use it."""

    window: MainWindow
    remember_choice: bool

    def dialog_service(self) -> DialogService: ...

    def preset_of(self, database: str | DatabaseAddress | None) -> str: ...

    def open_or_explain(
        self,
        database: str | DatabaseAddress | None,
        *,
        chosen: bool = False,
        upgrade_anyway: bool = False,
    ) -> bool: ...

    def refused(
        self,
        error: ExpertenratError,
        database: str | DatabaseAddress | None,
        *,
        chosen: bool = False,
    ) -> None: ...


class DatabaseWaysOut:
    def __init__(self, session: Opener) -> None:
        self._session = session
        self._window = session.window
        self._dialogs = session.dialog_service  # made on first use
        self.server_choice: ServerChoice | None = None  # the start page's "Anderen Server …"
        self.damaged_restore: DamagedRestore | None = None
        self.password_dialog: ServerDialog | None = None

    def ways_out(
        self, database: str | DatabaseAddress | None, restore: Callable[[], object] | None = None
    ) -> WaysOut:
        """For a server another one, the default file or another file; for a file the
        default file (unless it is the one), another one or a new database (and
        ``restore``, for a damaged file)."""
        from expertenrat.services import database_choice

        if database_choice.is_server(database):
            return WaysOut(
                other_server=lambda: self.ask_other_server(database),
                default_file=self.use_default_file,
                open_other=self.open_other_file,
            )
        default_file = None if database_choice.is_default_file(database) else self.use_default_file
        return WaysOut(
            default_file=default_file,
            open_other=self.open_other_file,
            create_new=self.create_new_file,
            restore=restore,
        )

    def _other_server_checked(
        self, url: DatabaseAddress, _has_data: bool, keep_password: bool
    ) -> None:
        """The password ticked to be kept goes into the keyring once the server opened,
        as with the in-window switch: a server that then fails keeps nothing."""
        from expertenrat.services import database_choice

        if self._session.open_or_explain(url, chosen=True) and keep_password:
            database_choice.keep_password(url)

    def ask_other_server(self, database: str | DatabaseAddress | None) -> None:
        """Start page → "Anderen Server …": checked as Einstellungen → Datenbank checks it,
        then opened as if the program had been started with it."""
        from expertenrat.services import database_choice
        from expertenrat.ui.server_choice import ServerChoice

        if self.server_choice is None:
            self.server_choice = ServerChoice(
                tr("Session", "Anderen Server"), self._window, self._dialogs()
            )
            self.server_choice.checked.connect(self._other_server_checked)
            self.server_choice.failed.connect(
                lambda url, error: self._session.refused(error, url, chosen=True)
            )
        intro = (
            tr(
                "Session",
                "Expertenrat öffnet die Datenbank auf diesem Server und verwendet sie auch "
                "bei den nächsten Starts dieses PCs. Ist sie noch leer, beginnt sie mit der "
                "Willkommensseite.",
            )
            if self._session.remember_choice
            else tr(
                "Session",
                "Expertenrat öffnet die Datenbank auf diesem Server, nur bis es beendet wird. "
                "Ist sie noch leer, beginnt sie mit der Willkommensseite.",
            )
        )
        initial = (
            database_choice.address_of(database) if database_choice.is_server(database) else None
        )
        self.server_choice.ask(intro, initial=initial)

    def use_default_file(self) -> None:
        """Start page → "Standarddatei verwenden": this PC's default file (the welcome page
        if there is none yet), opened as if the program had been started with it."""
        from expertenrat.services import database_choice

        self._session.open_or_explain(database_choice.default_file(), chosen=True)

    def open_other_file(self) -> None:
        """Start page → "Andere Datei öffnen …": opened as if the program had been started
        with it."""
        from expertenrat.ui.database_file_choice import ask_database_file

        ask_database_file(self._dialogs(), self._window, self.open_chosen_file)

    def create_new_file(self) -> None:
        """Start page → "Neue Datenbank anlegen …": the welcome page on a new file."""
        from expertenrat.ui.database_file_choice import ask_new_database_file

        ask_new_database_file(self._dialogs(), self._window, self.open_chosen_file)

    def open_chosen_file(self, path: str) -> None:
        self._session.open_or_explain(path, chosen=True)

    def restore_damaged(
        self, path: Path, database: str | DatabaseAddress | None, *, chosen: bool = False
    ) -> None:
        """Start page → "Sicherung wiederherstellen …": a backup in place of the damaged
        file ``path``, then the database opened."""
        from expertenrat.ui.damaged_restore import DamagedRestore

        self.damaged_restore = DamagedRestore(self._dialogs(), self._window)
        self.damaged_restore.restored.connect(
            lambda: self._session.open_or_explain(database, chosen=chosen)
        )
        self.damaged_restore.ask(path)

    def ask_password(
        self,
        error: PasswordNeededError,
        database: str | DatabaseAddress | None,
        *,
        chosen: bool = False,
    ) -> None:
        from expertenrat.services import database_choice
        from expertenrat.ui.server_dialog import ServerDialog

        url = database_choice.address_of(database)
        self._window.show_unusable(
            self._with_preset(error.message, database),
            lambda: self._session.open_or_explain(database, chosen=chosen),
            self.ways_out(database),
        )
        self.password_dialog = ServerDialog("Expertenrat", error.message, self._window, fixed=url)

        def given(url: DatabaseAddress, keep: bool) -> None:
            if self._session.open_or_explain(url, chosen=chosen) and keep:
                database_choice.keep_password(url)

        self.password_dialog.chosen.connect(given)
        self.password_dialog.open()

    def explain(
        self, error: ExpertenratError, database: str | DatabaseAddress | None, *, chosen: bool
    ) -> None:
        """The start page: why, "Erneut versuchen" and the ways out, for a damaged file a
        backup in its place."""
        restore = None
        if isinstance(error, DatabaseDamagedError):
            restore = partial(self.restore_damaged, Path(error.path), database, chosen=chosen)
        ways_out = self.ways_out(database, restore)
        if isinstance(error, StoredFileMissingError):
            # Chosen on another PC: a server offered too, no new file splitting the data
            # further (and four buttons, as for a server, fit the narrowest window).
            ways_out = replace(
                ways_out, other_server=lambda: self.ask_other_server(database), create_new=None
            )
        self._window.show_unusable(
            self._with_preset(error.message, database),
            lambda: self._session.open_or_explain(database, chosen=chosen),
            ways_out,
            error.detail,
        )

    def _with_preset(self, message: str, database: str | DatabaseAddress | None) -> str:
        """``message``, and where ``database`` was named at start (as the IT presets it for
        every user), that a way out holds only until the program ends: a council made in
        the default file in its place was not there at the next start, which opened the
        preset again (found by a tester)."""
        preset = self._session.preset_of(database)
        if not preset:
            return message
        note = tr(
            "Session",
            "Diese Datenbank ist beim Start vorgegeben, durch {}. Eine hier gewählte andere "
            "Datenbank gilt nur, bis das Programm beendet wird; der nächste Start öffnet "
            "wieder die vorgegebene.",
        ).format(preset)
        return f"{message}\n\n{note}"

    def ask_upgrade_anyway(
        self,
        error: OthersConnectedError,
        database: str | DatabaseAddress | None,
        *,
        chosen: bool = False,
    ) -> None:
        """An older server database that other PCs are connected to: the start page says
        why it was not upgraded ("Erneut versuchen" looks again once they have ended the
        program), and a question offers to upgrade it anyway."""
        self.explain(error, database, chosen=chosen)
        self._dialogs().question(
            self._window,
            tr("Session", "Datenbank aktualisieren"),
            tr("Session", "{reason} Trotzdem aktualisieren?").format(reason=error.message),
            lambda: self._session.open_or_explain(database, chosen=chosen, upgrade_anyway=True),
        )
