"""The automatic daily backup in the window: made off the GUI thread once a day at start.

The folder is the QSettings value ``backup/folder`` (e.g. a network drive); without one
it is ``Sicherungen`` beside the database file, for a server database ``Sicherungen`` in
this PC's data folder. The Übersicht asks :meth:`warning`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from expertenrat.services.daily_backup import DailyBackupService, folder_beside
from expertenrat.store.engine import sqlite_file
from expertenrat.ui.worker import Job

FOLDER_KEY = "backup/folder"
log = logging.getLogger(__name__)


def daily_backup_folder(settings: QSettings, database_file: Path | None) -> Path:
    """Where the daily copies of ``database_file`` go: the folder chosen on this PC, else
    ``Sicherungen`` beside the file (``None``: a server database, in this PC's data
    folder)."""
    configured = str(settings.value(FOLDER_KEY, "") or "").strip()
    if configured:
        return Path(configured)
    return folder_beside(database_file)


class DailyBackup(QObject):
    changed = Signal()  # the backup ended, whichever way: the warning may differ now

    def __init__(
        self,
        service: DailyBackupService,
        settings: QSettings,
        today: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings
        self._today = today
        self._error: str | None = None
        self.job: Job | None = None

    def folder(self) -> Path:
        return daily_backup_folder(self._settings, sqlite_file(self._service.database.url))

    def start(self) -> None:
        """Make today's copy in the worker, unless there is one."""
        folder = self.folder()
        today = self._today()
        self.job = Job(lambda _progress: self._service.run(folder, today), self)
        self.job.finished.connect(self._made)
        self.job.failed.connect(self._failed)
        self.job.start()

    def warning(self) -> str | None:
        return self._error or self._service.warning(self.folder(), self._today())

    def _made(self, path: Path | None) -> None:
        self._error = None
        if path is not None:
            log.info("Daily backup written to %s", path)
        self.changed.emit()

    def _failed(self, message: str) -> None:
        log.warning("Daily backup failed: %s", message)
        self._error = message
        self.changed.emit()
