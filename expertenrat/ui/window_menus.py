"""The main window's menu bar, built in two steps like the window: Datei → Beenden and
Hilfe → Erste Schritte, Laufende Aufgaben, Tastenkürzel and Über at once, the data actions
of the Datei menu in :meth:`WindowMenus.attach` once the database is open (backup, open
data, server move, new council from a file, Aufbewahrung)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from expertenrat.ui.about_dialog import show_about
from expertenrat.ui.help_texts import first_steps_text, running_tasks_text, shortcuts_text
from expertenrat.ui.i18n import tr
from expertenrat.ui.reading_dialog import show_reading_text

if TYPE_CHECKING:
    from expertenrat.services.context import Services
    from expertenrat.services.database_choice import DatabaseAddress
    from expertenrat.ui.areas import Areas
    from expertenrat.ui.backup_menu import BackupMenu
    from expertenrat.ui.dialog_service import DialogService
    from expertenrat.ui.open_data_menu import OpenDataMenu
    from expertenrat.ui.retention_dialog import RetentionDialog
    from expertenrat.ui.server_move_menu import ServerMoveMenu

_CONTEXT = "MainWindow"


class MenuHost(Protocol):
    """What the data actions of the Datei menu ask of the main window (it is one)."""

    def today(self) -> date:
        """Today as the shown council counts it (Aufbewahrung)."""

    def reload_councils(self) -> None:
        """Reread the councils and show the shown one again (after a restore)."""

    def refresh_shown(self) -> None:
        """Reread the shown area (after Aufbewahrung: anonymised members)."""

    def leave_page(self, then: Callable[[], None]) -> bool:
        """Let the shown page save or ask before a restore or the server move (see
        ui/page.py)."""

    def open_database(self, database: str | DatabaseAddress, keep_password: bool = False) -> None:
        """Use ``database`` (a file's path, a server's URL) from now on and open it at once
        (after the server move, Einstellungen → Datenbank): see ``database_chosen``."""

    def shown_council(self) -> str | None:
        """The council shown, as the switcher names it ("Rat (Rostock)"); None: none."""


class WindowMenus:
    def __init__(self, window: QMainWindow, settings: QSettings, log_file: Path) -> None:
        self._window = window
        self._settings = settings
        self._log_file = log_file
        self._services: Services | None = None
        self.file_menu = window.menuBar().addMenu(tr(_CONTEXT, "&Datei"))
        self._quit_action = QAction(tr(_CONTEXT, "&Beenden"), window)
        self._quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self._quit_action.triggered.connect(window.close)
        self.file_menu.addAction(self._quit_action)
        help_menu = window.menuBar().addMenu(tr(_CONTEXT, "&Hilfe"))
        self.first_steps_action = QAction(tr(_CONTEXT, "Erste &Schritte …"), window)
        self.first_steps_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.first_steps_action.triggered.connect(
            lambda: show_reading_text(window, tr(_CONTEXT, "Erste Schritte"), first_steps_text())
        )
        self.running_tasks_action = QAction(tr(_CONTEXT, "&Laufende Aufgaben …"), window)
        self.running_tasks_action.triggered.connect(
            lambda: show_reading_text(
                window, tr(_CONTEXT, "Laufende Aufgaben"), running_tasks_text()
            )
        )
        self.shortcuts_action = QAction(tr(_CONTEXT, "&Tastenkürzel …"), window)
        self.shortcuts_action.triggered.connect(
            lambda: show_reading_text(window, tr(_CONTEXT, "Tastenkürzel"), shortcuts_text())
        )
        help_menu.addActions(
            [self.first_steps_action, self.running_tasks_action, self.shortcuts_action]
        )
        self.about_action = QAction(tr(_CONTEXT, "Über &Expertenrat …"), window)
        self.about_action.triggered.connect(
            lambda: show_about(
                window, self._database_location(), self._log_file, self._shown_council()
            )
        )
        help_menu.addAction(self.about_action)

    def attach(
        self, services: Services, dialogs: DialogService, pages: Areas, host: MenuHost
    ) -> None:
        """Put the data actions into the Datei menu, before Beenden, and give the
        Einstellungen page's database box and the welcome page theirs; ``host`` (the
        main window) does for them what only the window can."""
        # Imported here, as the areas are: they pull in the data stack.
        from expertenrat.ui.backup_menu import BackupMenu
        from expertenrat.ui.open_data_menu import OpenDataMenu
        from expertenrat.ui.server_move_menu import ServerMoveMenu

        self._services = services
        self._dialogs = dialogs
        self._host = host
        window, menu, quit_action = self._window, self.file_menu, self._quit_action
        self.backup: BackupMenu = BackupMenu(
            services, dialogs, window, host.reload_councils, self._settings, host.leave_page
        )
        menu.insertActions(quit_action, self.backup.actions)
        self.open_data: OpenDataMenu = OpenDataMenu(services, dialogs, window, self._settings)
        menu.insertSeparator(quit_action)
        menu.insertActions(quit_action, self.open_data.actions)
        menu.insertSeparator(quit_action)
        self.server_move: ServerMoveMenu = ServerMoveMenu(
            services, dialogs, window, host.leave_page, host.open_database
        )
        database_box = pages.settings.database_box
        menu.insertAction(quit_action, database_box.connect_action)
        # A database named at start (as the IT presets it) stays: its box says why.
        if not database_box.preset:
            pages.welcome.offer_server(database_box.connect_action)
        if services.database.is_sqlite and not database_box.preset:
            menu.insertAction(quit_action, self.server_move.action)
        database_box.move_requested.connect(self.server_move.start)
        database_box.open_requested.connect(host.open_database)
        new_council = pages.settings.transfer.new_action
        menu.insertAction(quit_action, new_council)
        pages.welcome.offer(new_council)
        self.retention_action = QAction(tr(_CONTEXT, "&Aufbewahrung …"), window)
        self.retention_action.triggered.connect(self.show_retention)
        menu.insertAction(quit_action, self.retention_action)
        menu.insertSeparator(quit_action)

    def show_retention(self) -> None:
        """Datei → Aufbewahrung …: former members due for anonymisation."""
        from expertenrat.ui.daily_backup import safety_copy_days
        from expertenrat.ui.pc_settings import retention_years
        from expertenrat.ui.retention_dialog import RetentionDialog

        self.retention_dialog: RetentionDialog = RetentionDialog(
            self._services.retention,
            self._dialogs,
            self._host.today,
            lambda: retention_years(self._settings),
            self._window,
            safety_copies=self._services.safety_copies,
            copy_days=lambda: safety_copy_days(self._settings),
        )
        self.retention_dialog.finished.connect(self._retention_closed)
        self.retention_dialog.open()

    def _retention_closed(self) -> None:
        self.retention_dialog.deleteLater()
        self._host.refresh_shown()  # anonymised members reread

    def _shown_council(self) -> str | None:
        return self._host.shown_council() if self._services is not None else None

    def _database_location(self) -> str:
        if self._services is None:
            return tr(_CONTEXT, "wird geöffnet …")
        return self._services.database.location
