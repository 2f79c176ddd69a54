"""The main window: a sidebar of areas, the council switcher, remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from expertenrat.services.context import Services
from expertenrat.ui.about_dialog import show_about
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.members_page import MembersPage
from expertenrat.ui.overview_page import OverviewPage
from expertenrat.ui.settings_page import SettingsPage
from expertenrat.ui.welcome_page import WelcomePage

_CONTEXT = "MainWindow"


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        settings: QSettings,
        log_file: Path,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._settings = settings
        self._log_file = log_file
        self._shown_council_id: int | None = None
        self.setWindowTitle("Expertenrat")
        self.setMinimumSize(QSize(720, 480))

        self.overview_page = OverviewPage(services.overview, services.members, today)
        self.members_page = MembersPage(services, dialogs, today)
        self.settings_page = SettingsPage(services.settings, dialogs)
        self.welcome_page = WelcomePage(services.settings, services.demo, today)
        self.areas: list[tuple[str, QWidget]] = [
            (tr(_CONTEXT, "Übersicht"), self.overview_page),
            (tr(_CONTEXT, "Mitglieder"), self.members_page),
            (tr(_CONTEXT, "Einstellungen"), self.settings_page),
        ]

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.stack = QStackedWidget()
        for label, page in self.areas:
            self.sidebar.addItem(label)
            self.stack.addWidget(page)
        self.stack.addWidget(self.welcome_page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        self.setCentralWidget(self.splitter)

        self.council_label = QLabel(tr(_CONTEXT, " Gremium: "))
        self.council_combo = QComboBox()
        self.council_combo.setMinimumContentsLength(30)
        self.toolbar = QToolBar(tr(_CONTEXT, "Gremium"))
        self.toolbar.setObjectName("councilToolbar")
        self.toolbar.setMovable(False)
        self.council_label_action = self.toolbar.addWidget(self.council_label)
        self.council_combo_action = self.toolbar.addWidget(self.council_combo)
        self.addToolBar(self.toolbar)
        self._build_menu()

        self.sidebar.currentRowChanged.connect(self._show_area)
        self.council_combo.currentIndexChanged.connect(self._council_chosen)
        self.settings_page.councilChanged.connect(self.reload_councils)
        self.settings_page.councilCreated.connect(self.reload_councils)
        self.welcome_page.ready.connect(self.reload_councils)
        self._restore_layout()
        self.reload_councils()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(tr(_CONTEXT, "&Datei"))
        quit_action = QAction(tr(_CONTEXT, "&Beenden"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(tr(_CONTEXT, "&Hilfe"))
        self.about_action = QAction(tr(_CONTEXT, "Über &Expertenrat …"), self)
        self.about_action.triggered.connect(
            lambda: show_about(self, self._services.database.location, self._log_file)
        )
        help_menu.addAction(self.about_action)

    # --- councils -----------------------------------------------------------------------

    def current_council_id(self) -> int | None:
        return self.council_combo.currentData()

    def reload_councils(self, select_id: int | None = None) -> None:
        councils = self._services.settings.councils()
        wanted = select_id or self.current_council_id() or self._settings.value("council_id")
        self.council_combo.blockSignals(True)
        self.council_combo.clear()
        for council in councils:
            self.council_combo.addItem(f"{council.name} ({council.city})", council.id)
        index = max(0, self.council_combo.findData(_as_int(wanted)))
        self.council_combo.setCurrentIndex(index)
        self.council_combo.blockSignals(False)
        several = len(councils) > 1
        self.council_label_action.setVisible(several)
        self.council_combo_action.setVisible(several)
        self.toolbar.setVisible(several)
        self.sidebar.setVisible(bool(councils))
        if not councils:
            self.stack.setCurrentWidget(self.welcome_page)
            return
        self._council_chosen()

    def _council_chosen(self) -> None:
        council_id = self.current_council_id()
        if council_id is None:
            return
        if council_id != self._shown_council_id:
            self._shown_council_id = council_id
            self._settings.setValue("council_id", council_id)
            for _label, page in self.areas:
                page.set_council(council_id)
        self._show_area(max(0, self.sidebar.currentRow()))

    # --- areas and layout ---------------------------------------------------------------

    def show_area(self, page: QWidget) -> None:
        for row, (_label, area) in enumerate(self.areas):
            if area is page:
                self.sidebar.setCurrentRow(row)

    def _show_area(self, row: int) -> None:
        if row < 0 or self.current_council_id() is None:
            return
        page = self.areas[row][1]
        if hasattr(page, "refresh"):
            page.refresh()
        self.stack.setCurrentWidget(page)

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.sidebar.setCurrentRow(_as_int(self._settings.value("window/area")) or 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.setValue("window/area", self.sidebar.currentRow())
        self._settings.sync()
        super().closeEvent(event)


def _as_int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
