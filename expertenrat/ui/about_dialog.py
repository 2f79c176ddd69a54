"""Über Expertenrat: version, what the program does, its licence, the council shown,
database location, log file.

The text names what the program can do today (README, "What it is for" and "A short
tour"); extend it when an area is added. It speaks of a council in general: any city's
council runs the program by its settings, so the name of the one shown comes from them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from expertenrat import __version__
from expertenrat.services.schema_revision import schema_revision
from expertenrat.ui.i18n import tr
from expertenrat.ui.reading_dialog import ReadingDialog, show_reading_text


def about_text(database_location: str, log_file: Path, council: str | None = None) -> str:
    """``council``: the council shown ("Smart City Expert*innenrat (Rostock)"), if any."""
    shown = tr("AboutDialog", "<b>Gremium:</b> {}<br>").format(_escape(council)) if council else ""
    return tr(
        "AboutDialog",
        "<h3>Expertenrat {version} (Schemastand {schema})</h3>"
        "<p>Die Anwendung der Geschäftsstelle eines Gremiums, etwa des Expert*innenrats "
        "oder Beirats einer Stadt (eines oder mehrerer Gremien). Sie führt die Mitglieder "
        "mit Handlungsfeldern und "
        "Amtszeiten, prüft die Zusammensetzung und verwaltet die Projekte, die das Gremium "
        "berät. Sie plant die Sitzungen mit Tagesordnung, Einladung und Anwesenheit; das "
        "Protokoll entsteht in der Sitzung, geht in Umlauf und wird in der nächsten Sitzung "
        "genehmigt. Die Empfehlungen an die Projekte verfolgt sie mit Fristen und "
        "Stellungnahmen bis zur Umsetzung. Protokolle, Mitgliederlisten, Einladungen und "
        "den Tätigkeitsbericht gibt sie als PDF aus, Daten auch als CSV, Kalenderdatei und "
        "offene Daten (OParl); jede Änderung wird mit Person und Zeitpunkt protokolliert.</p>"
        "<p>Freie Software unter der MIT-Lizenz.</p>"
        "<p>{council}<b>Datenbank:</b> {database}<br><b>Log-Datei:</b> {log}</p>",
    ).format(
        version=__version__,
        schema=schema_revision(),
        council=shown,
        database=_escape(database_location),
        log=_escape(str(log_file)),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_about(
    parent: QWidget, database_location: str, log_file: Path, council: str | None = None
) -> ReadingDialog:
    return show_reading_text(
        parent,
        tr("AboutDialog", "Über Expertenrat"),
        about_text(database_location, log_file, council),
        parent.windowIcon().pixmap(64, 64),
    )
