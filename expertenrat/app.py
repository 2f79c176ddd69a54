"""Composition root of the GUI: logging, Qt application, translations, database, window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from expertenrat import APP_NAME, ORGANIZATION, __version__
from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.logs import setup_logging
from expertenrat.paths import resource_path
from expertenrat.services.audit import default_actor
from expertenrat.services.context import Services
from expertenrat.store.database import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.error_dialog import ErrorReporter
from expertenrat.ui.i18n import install_qt_translations, tr
from expertenrat.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "expertenrat.svg"))))
    app.setStyleSheet(resource_path("style", "app.qss").read_text("utf-8"))
    install_qt_translations(app)
    return app


def run_gui(args: argparse.Namespace) -> int:
    log_file = setup_logging()
    app = create_application(sys.argv[:1])
    reporter = ErrorReporter(log_file)
    reporter.install()
    try:
        database = open_database(database_url(args.database))
    except DatabaseUnusableError as error:
        log.warning("Database not opened: %s", error)
        QMessageBox.critical(None, tr("App", "Expertenrat"), error.message)
        return 1
    if database.backup_file is not None:
        log.info("Database upgraded; backup at %s", database.backup_file)
    services = Services.create(database, default_actor())
    window = MainWindow(services, DialogService(), QSettings(), log_file)
    reporter.parent = window
    window.show()
    try:
        return app.exec()
    finally:
        database.close()
