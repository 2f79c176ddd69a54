"""Where file dialogs start (writing the chosen file: ``services.files``).

A save dialog opens in the user's Documents folder the first time and afterwards in the
folder last used for the same kind of file (remembered in QSettings). The dialog service
asks this module; pages only name the kind of file.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

_KEY = "folders/{}"


class FileKind(Enum):
    """Kinds of files whose folder is remembered separately."""

    PDF = "pdf"  # documents: roster, invitations, run sheets, reports, calendar files (.ics)
    MEMBERS = "members"  # member lists for Excel (.xlsx, .csv), exported and imported
    REGISTER = "register"  # the recommendations register for Excel (.xlsx, .csv)
    BACKUP = "backup"  # portable backups (.zip), made and restored
    AUDIT = "audit"  # the Änderungsprotokoll for Excel (.xlsx, .csv)
    SETTINGS = "settings"  # council settings files (.json) of the transfer kit
    REMINDERS = "reminders"  # the folder of the reminder letters and e-mail drafts
    ARCHIVE = "archive"  # the folder the Archivpakete of the years go into
    DATABASE = "database"  # SQLite database files, opened or created on the start page


class SaveLocations:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def folder(self, kind: FileKind, fallback: Path | None = None) -> Path:
        """The folder last used for ``kind`` while it exists, else ``fallback`` if it
        exists, else the Documents folder."""
        remembered = self._settings.value(_KEY.format(kind.value))
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return Path(remembered)
        if fallback is not None and fallback.is_dir():
            return fallback
        return documents_folder()

    def remember(self, kind: FileKind, chosen_file: str) -> None:
        """Start the next dialog for ``kind`` in the folder of ``chosen_file``."""
        self.remember_folder(kind, str(Path(chosen_file).parent))

    def remember_folder(self, kind: FileKind, chosen_folder: str) -> None:
        """Start the next dialog for ``kind`` in ``chosen_folder`` (a folder was asked for)."""
        self._settings.setValue(_KEY.format(kind.value), chosen_folder)


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder where there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()
