"""The friendly face of an unexpected error: logged, explained, copyable, never fatal."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.errors import ConnectionLostError, ExpertenratError
from expertenrat.logs import format_error
from expertenrat.ui.dialog_parts import close_buttons, tab_as_shown
from expertenrat.ui.i18n import tr

log = logging.getLogger(__name__)


class ErrorDialog(QDialog):
    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ErrorDialog", "Unerwarteter Fehler"))
        self.setMinimumWidth(520)
        intro = QLabel(
            tr(
                "ErrorDialog",
                "Im Programm ist ein unerwarteter Fehler aufgetreten. Ihre gespeicherten Daten "
                "sind davon nicht betroffen; Sie können weiterarbeiten.\n\n"
                "Die Einzelheiten stehen in der Log-Datei:\n{}\n\n"
                "Bitte schicken Sie sie mit einer kurzen Beschreibung, was Sie gerade getan "
                "haben, an Ihre IT-Betreuung.",
            ).format(log_file)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("ErrorDialog", "Details"))  # for screen readers
        self.details.setVisible(False)
        self.toggle_button = QPushButton(tr("ErrorDialog", "Details anzeigen"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self.details.setVisible)
        self.copy_button = QPushButton(tr("ErrorDialog", "Details kopieren"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = close_buttons(self, self.toggle_button, self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        tab_as_shown(buttons)  # once in the dialog: reparenting keeps the made order

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


class ErrorReporter:
    """Installed as ``sys.excepthook``: logs every unexpected error and shows a dialog."""

    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        self._log_file = log_file
        self.parent = parent
        # "Erneut versuchen" after a lost server: reread what the window shows.
        self.retry: Callable[[], None] | None = None
        self.lost_box: QMessageBox | None = None
        self.dialogs: list[ErrorDialog] = []
        self.messages: list[QMessageBox] = []

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if isinstance(error, KeyboardInterrupt):
            QApplication.quit()
            return
        details = format_error(kind, error, trace)  # database errors without their values
        if isinstance(error, ExpertenratError):
            # An expected condition (a locked database, a lost server) that reached the
            # event loop: tell the user what it is, not that the program failed.
            log.warning("Reported to the user: %s\n%s", error.message, details)
            if isinstance(error, ConnectionLostError):
                self._show_connection_lost(error.message)
            else:
                self._show_message(error.message, error.detail)
            return
        log.error("Unexpected error:\n%s", details)
        dialog = ErrorDialog(details, self._log_file, self.parent)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialogs.append(dialog)
        dialog.open()

    def _show_message(self, text: str, detail: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("ErrorDialog", "Expertenrat"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if detail:  # a driver's own text, behind "Details einblenden …"
            box.setDetailedText(detail)
        box.finished.connect(box.deleteLater)
        self.messages.append(box)
        box.destroyed.connect(lambda: self.messages.remove(box))
        box.open()

    def _show_connection_lost(self, text: str) -> None:
        """One message while the server is away; "Erneut versuchen" rereads the window."""
        if self.lost_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("ErrorDialog", "Expertenrat"), text)
        box.setParent(self.parent, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)
        retry = box.addButton(
            tr("ErrorDialog", "Erneut versuchen"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(tr("ErrorDialog", "Schließen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)

        def closed() -> None:
            self.lost_box = None
            box.deleteLater()
            if box.clickedButton() is retry and self.retry is not None:
                self.retry()

        box.finished.connect(closed)
        self.lost_box = box
        box.open()

    def _forget(self, dialog: ErrorDialog) -> None:
        self.dialogs.remove(dialog)
        dialog.deleteLater()
