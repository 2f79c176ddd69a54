"""Composition root of the GUI: logging, Qt application, translations, database, window.

The window appears first and the database is opened right after, in the first turn of
the event loop: the data stack (SQLAlchemy, the services) takes a good part of a second
to load on an office PC, and the user should see the program answer at once. What the
start page offers when the database cannot be opened is :mod:`expertenrat.ui.database_ways_out`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from expertenrat import APP_NAME, ORGANIZATION, __version__
from expertenrat.cli.opening import DATABASE_ENV
from expertenrat.domain.errors import (
    DatabaseUnusableError,
    ExpertenratError,
    OthersConnectedError,
    PasswordNeededError,
)
from expertenrat.logs import setup_logging
from expertenrat.paths import resource_path
from expertenrat.ui.app_style import apply_style_sheet
from expertenrat.ui.database_ways_out import DatabaseWaysOut
from expertenrat.ui.error_dialog import ErrorReporter
from expertenrat.ui.i18n import install_qt_translations, tr
from expertenrat.ui.main_window import MainWindow

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from expertenrat.store.database import Database
    from expertenrat.ui.database_watches import DatabaseWatches
    from expertenrat.ui.dialog_service import DialogService

log = logging.getLogger(__name__)

# For tests that start the installed program (not documented for users): quit the event
# loop this many milliseconds after the window is shown, as if the user closed it.
QUIT_AFTER_ENV = "EXPERTENRAT_QUIT_AFTER_MS"


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "expertenrat.svg"))))
    apply_style_sheet(app)  # in the palette's colours (the window keeps them so)
    install_qt_translations(app)
    return app


@dataclass
class Session:
    """What a running GUI holds: the main window and, once opened, its database."""

    window: MainWindow
    database: Database | None = None
    watches: DatabaseWatches | None = None  # what runs beside the window on the database
    dialogs: DialogService | None = None  # made on first use (tests give their own)
    # A database chosen on the start page is remembered for this PC (datenbank.json), unless
    # the start named the database (--database, EXPERTENRAT_DATABASE_URL), which would win.
    remember_choice: bool = False
    # What named the database at start, in German (the environment variable, as the IT
    # presets it for every user, or --database): said in Einstellungen → Datenbank while
    # that database is open, which refuses to switch away from it for good (DatabaseBox).
    database_preset: str = ""
    started_with: str | None = field(default=None, init=False)  # what :meth:`start` opened
    # Told of the window that takes the place of the first (see :meth:`switch_to`).
    window_replaced: Callable[[MainWindow], None] | None = None
    ways: DatabaseWaysOut = field(init=False)  # what the start page offers instead

    def __post_init__(self) -> None:
        self.ways = DatabaseWaysOut(self)
        self.window.database_chosen.connect(self.switch_to)

    def dialog_service(self) -> DialogService:
        if self.dialogs is None:
            from expertenrat.ui.dialog_service import DialogService
            from expertenrat.ui.save_location import SaveLocations

            self.dialogs = DialogService(SaveLocations(QSettings()))
        return self.dialogs

    def open(self, database: str | URL | None, *, upgrade_anyway: bool = False) -> None:
        """Open (and if needed upgrade) the database and fill the window from it.

        ``database``: what ``--database`` says (or ``None``: see
        :mod:`expertenrat.store.database_location`), or a URL with the password asked.
        ``upgrade_anyway``: an older server database is upgraded while other PCs are
        connected to it, as asked (see :meth:`refused`).
        """
        from expertenrat.services import database_choice
        from expertenrat.services.audit import default_actor
        from expertenrat.services.context import Services
        from expertenrat.ui.database_watches import DatabaseWatches
        from expertenrat.ui.network_drive_notice import tell as tell_network_drive

        database_choice.refuse_missing_stored_file(
            database,
            tr(
                "Session",
                "Wählen Sie: „Andere Datei öffnen …“, „Anderen Server …“ (der Server Ihres "
                "Expertenrats) oder „Standarddatei verwenden“ (die eigene Datei dieses PCs).",
            ),
        )
        # A new file stays uncreated until the welcome page creates a council or the demo.
        self.database = database_choice.open_chosen(
            database_choice.address_of(database), upgrade_anyway=upgrade_anyway
        )
        dialogs = self.dialog_service()
        services = Services.create(self.database, default_actor())
        self.window.attach(services, dialogs, self.preset_of(database))
        if upgraded := database_choice.upgrade_note(self.database):
            log.info("Database upgraded; backup at %s", self.database.backup_file)
            dialogs.information(self.window, tr("Session", "Datenbank aktualisiert"), upgraded)
        tell_network_drive(
            self.database, dialogs, self.window, QSettings(), self.preset_of(database)
        )
        self.watches = DatabaseWatches()
        self.watches.start(services, dialogs, self.window)

    def preset_of(self, database: str | URL | None) -> str:
        """What named ``database`` at start (see ``database_preset``), also with the
        password asked for it: "" for one chosen since, in its place, for this run."""
        from expertenrat.services.database_choice import same_database

        started = self.started_with
        if not self.database_preset or database is None or started is None:
            return ""
        return self.database_preset if same_database(database, started) else ""

    def start(self, database: str | None) -> None:
        """The program's start: the database (see :meth:`open_or_explain`), then a warning
        where this PC's stored choice cannot be read and the default file is opened in
        its place (after a move to a server it holds the data from before the move), and
        once where this PC's choice of an earlier version gave way to the roaming one."""
        from expertenrat.services import database_choice

        self.started_with = database
        self.open_or_explain(database)
        advice = tr(
            "Session",
            "Reparieren oder löschen Sie diese Datei, oder wählen Sie die Datenbank unter "
            "Einstellungen → Datenbank neu (arbeitet dieser PC mit einem Server: „Mit "
            "Server verbinden …“).",
        )
        notes = [
            database_choice.unreadable_choice_note(database, advice),
            database_choice.earlier_choice_note(database),
        ]
        for note in filter(None, notes):
            self.dialog_service().warning(self.window, tr("Session", "Datenbank"), note)

    def open_or_explain(
        self, database: str | URL | None, *, chosen: bool = False, upgrade_anyway: bool = False
    ) -> bool:
        """Open the database, or show in the window why not; the window stays usable.

        ``chosen``: a database chosen on the start page, remembered for this PC once it
        opens (see ``remember_choice``).
        """
        try:
            self.open(database, upgrade_anyway=upgrade_anyway)
        except DatabaseUnusableError as error:
            self.refused(error, database, chosen=chosen)
            return False
        if chosen and self.remember_choice:
            self.remember(database)
        return True

    def refused(
        self, error: ExpertenratError, database: str | URL | None, *, chosen: bool = False
    ) -> None:
        """The start page with why ``database`` cannot be opened; a server that wants a
        password gets it asked (and asked again if it refuses it), an older one with other
        PCs connected whether to upgrade it anyway."""
        if isinstance(error, PasswordNeededError):
            self.ways.ask_password(error, database, chosen=chosen)
            return
        if isinstance(error, OthersConnectedError):
            self.ways.ask_upgrade_anyway(error, database, chosen=chosen)
            return
        log.warning("Database not opened: %s", error)
        self.ways.explain(error, database, chosen=chosen)

    def remember(self, database: str | URL, keep_password: bool = False) -> bool:
        """Open ``database`` at the next start, too (as a server moved to is); the
        default file by storing no address, as Einstellungen → "Standarddatei verwenden"
        (see :func:`expertenrat.services.database_choice.remember`). ``keep_password``:
        a server's password goes into the keyring with its address. ``False``: the
        address could not be stored (the user was told why)."""
        from expertenrat.services import database_choice

        try:
            database_choice.remember(database, keep_password=keep_password)
        except ExpertenratError as error:
            self.dialog_service().warning(self.window, tr("Session", "Datenbank"), error.message)
            return False
        return True

    def switch_to(self, database: str | URL, keep_password: bool = False) -> None:
        """Einstellungen → Datenbank (or the move to a server) chose another database for
        this PC: once the shown page has saved (or asked and the user agreed to leave),
        its address is stored for this PC, the open database is closed and ``database``
        opened in a new window, as at a start. The window's areas are built once, for one
        database: a new window is the way to start afresh. A user who stays on the page
        keeps the open database, this time and at the next start. ``keep_password``: the
        server's password goes into the keyring with its address, not before (a user who
        stays keeps what the keyring had)."""
        if self.window.leave_page(lambda: self._switch(database, keep_password)):
            self._switch(database, keep_password)

    def _switch(self, database: str | URL, keep_password: bool = False) -> None:
        if not self.remember(database, keep_password):
            return  # stays on the open database, which the next start opens too
        old = self.window
        old.save_state()  # the new window takes its place, size and area
        self.close()
        self.database = self.watches = None
        self.window = MainWindow(old.qsettings, old.log_file)
        self.window.database_chosen.connect(self.switch_to)
        self.ways = DatabaseWaysOut(self)
        self.window.show()
        old.close_for_another()
        if self.window_replaced is not None:
            self.window_replaced(self.window)
        self.open_or_explain(database)

    def close(self) -> None:
        if self.watches is not None:
            self.watches.stop(self.window)
        if self.database is not None:
            self.database.close()


def run_gui(args: argparse.Namespace) -> int:
    log_file = setup_logging()
    app = create_application(sys.argv[:1])
    reporter = ErrorReporter(log_file)
    reporter.install()
    session = Session(
        MainWindow(QSettings(), log_file),
        remember_choice=args.database is None,
        database_preset=database_preset(args.database),
    )

    def report_for(window: MainWindow) -> None:
        reporter.parent = window
        reporter.retry = window.refresh_shown

    report_for(session.window)
    session.window_replaced = report_for
    session.window.show()

    QTimer.singleShot(0, lambda: session.start(args.database))
    _quit_after_delay_from_environment(app)
    try:
        code = app.exec()
    finally:
        session.close()
    return code if session.database is not None else 1


def database_preset(database: str | None) -> str:
    """What named ``database`` (``--database`` as parsed) at start, in German: the
    environment variable, which the IT sets for every user of a PC, or the option, as in
    a shortcut; "" where neither did."""
    if database is None:
        return ""
    if database == os.environ.get(DATABASE_ENV):
        return tr("Session", "die Umgebungsvariable {}").format(DATABASE_ENV)
    return tr("Session", "die Angabe --database beim Programmaufruf")


def _quit_after_delay_from_environment(app: QApplication) -> None:
    value = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if not value:
        return
    if not value.isdigit():
        log.warning("Ignoring %s=%r: not a number of milliseconds", QUIT_AFTER_ENV, value)
        return
    QTimer.singleShot(int(value), app.quit)
