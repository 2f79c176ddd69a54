"""Start page → "Andere Datei öffnen …" and "Neue Datenbank anlegen …": when the SQLite file
cannot be opened, the user picks another one, or a name for a new one, in a file dialog.

A new database's name must be new: an existing file is never replaced, and the save dialog
asks no "ersetzen?" (found by a tester: asked, then refused on "Ja"); the file is created
when the welcome page creates a council.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind

_CONTEXT = "DatabaseFileChoice"
DATABASE_FILTER = "Expertenrat-Datenbanken (*.db);;Alle Dateien (*)"
NEW_DATABASE_NAME = "expertenrat.db"


def ask_database_file(
    dialogs: DialogService, parent: QWidget, on_path: Callable[[str], None]
) -> None:
    """Ask for an existing database file."""
    dialogs.ask_open_file(
        parent,
        tr(_CONTEXT, "Andere Datenbank öffnen"),
        tr(_CONTEXT, DATABASE_FILTER),
        on_path,
        FileKind.DATABASE,
    )


def ask_new_database_file(
    dialogs: DialogService, parent: QWidget, on_path: Callable[[str], None]
) -> None:
    """Ask for the name of a new database file; an existing file is refused."""
    title = tr(_CONTEXT, "Neue Datenbank anlegen")

    def chosen(path: str) -> None:
        if Path(path).exists():
            dialogs.warning(
                parent,
                title,
                tr(
                    _CONTEXT,
                    "Die Datei „{}“ gibt es schon; sie wird nicht ersetzt. Bitte wählen Sie "
                    "einen neuen Namen, oder öffnen Sie die Datei mit „Andere Datei öffnen …“.",
                ).format(path),
            )
            return
        on_path(path)

    dialogs.ask_save_file(
        parent,
        title,
        tr(_CONTEXT, DATABASE_FILTER),
        NEW_DATABASE_NAME,
        chosen,
        FileKind.DATABASE,
        new_only=True,
    )
