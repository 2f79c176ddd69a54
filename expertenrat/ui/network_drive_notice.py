"""The note on a database file on a network drive (a secretariat's shared drive, found by a
tester): only one PC at a time may work with it; several PCs take a PostgreSQL server
(Datei → Auf Server umziehen …). Shown once on each PC for each such file, when the window
first opens it; Einstellungen → Datenbank says it for as long as the file is open. Where
another PC has the file open too, a warning says so at every opening."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from expertenrat.services import database_choice
from expertenrat.ui.i18n import tr

if TYPE_CHECKING:
    from expertenrat.services.database_choice import OpenedDatabase
    from expertenrat.ui.dialog_service import DialogService

_CONTEXT = "NetworkDriveNotice"
SHOWN_KEY = "networkDriveNoteShown"  # the digests of the files whose note this PC showed


def network_note(database: OpenedDatabase, preset: str = "") -> str:
    """The note for ``database`` as the window says it; "" for a file on this PC, a server.
    ``preset``: what named it at start (the IT, for every user), which the move is left
    to: the window offers none then, and the note sent every user to a menu entry that
    was not there (found by a tester)."""
    move = (
        tr(_CONTEXT, "den Umzug übernimmt, wer die Datenbank vorgegeben hat, etwa die IT")
        if preset
        else tr(_CONTEXT, "Datei → Auf Server umziehen …")
    )
    return database_choice.network_note(database, move)


def tell(
    database: OpenedDatabase,
    dialogs: DialogService,
    parent: QWidget,
    settings: QSettings,
    preset: str = "",
) -> None:
    """Warn where another PC has ``database`` open too; else the note for ``database``
    (``preset``: see :func:`network_note`), unless this PC showed it for that file
    already."""
    if held := database_choice.held_elsewhere_note(database):
        dialogs.warning(parent, tr(_CONTEXT, "Datenbank auch auf einem anderen PC geöffnet"), held)
        return
    note = network_note(database, preset)
    key = f"{SHOWN_KEY}/{database.digest}"
    if not note or settings.value(key, False, bool):
        return
    settings.setValue(key, True)
    dialogs.information(parent, tr(_CONTEXT, "Datenbank auf einem Netzlaufwerk"), note)
