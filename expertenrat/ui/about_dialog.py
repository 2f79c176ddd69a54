"""Über Expertenrat: version, what this version does, database location, log file.

The text names only what the program can do today; extend it when an area is added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from expertenrat import __version__
from expertenrat.ui.i18n import tr


def about_text(database_location: str, log_file: Path) -> str:
    return tr(
        "AboutDialog",
        "<h3>Expertenrat {version}</h3>"
        "<p>Die Anwendung der Geschäftsstelle eines Smart-City-Expert*innenrats. "
        "Diese Version verwaltet die Mitglieder und Handlungsfelder eines oder mehrerer "
        "Gremien, prüft ihre Zusammensetzung, druckt die Mitgliederliste (intern oder "
        "öffentlich, auch als PDF) und tauscht die Mitglieder mit Tabellenprogrammen aus. "
        "Jede Änderung wird mit Person und Zeitpunkt protokolliert.</p>"
        "<p><b>Datenbank:</b> {database}<br><b>Log-Datei:</b> {log}</p>",
    ).format(
        version=__version__,
        database=_escape(database_location),
        log=_escape(str(log_file)),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_about(parent: QWidget, database_location: str, log_file: Path) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(tr("AboutDialog", "Über Expertenrat"))
    box.setText(about_text(database_location, log_file))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.finished.connect(box.deleteLater)
    box.open()
    return box
