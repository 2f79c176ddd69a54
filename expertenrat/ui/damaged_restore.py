""" "Sicherung wiederherstellen …" on the start page when the database file is damaged: the
window cannot open it, so the Datei menu's restore is not there. The user picks a backup,
confirms, and ``restore_over_damaged`` sets the damaged file aside and restores the backup
into a new one, in the worker; ``restored`` then lets the window open the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.wording import backup_made, whole_number
from expertenrat.services.backup import RestoreSummary
from expertenrat.services.backup_file import backup_made_utc
from expertenrat.services.damaged_restore import restore_over_damaged
from expertenrat.ui.backup_menu import RESTORE_FILTER
from expertenrat.ui.daily_backup import daily_backup_folder
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "DamagedRestore"


class DamagedRestore(QObject):
    restored = Signal()

    def __init__(
        self, dialogs: DialogService, parent: QWidget, settings: QSettings | None = None
    ) -> None:
        """``settings``: this PC's, which name the folder of the daily backups."""
        super().__init__(parent)
        self._dialogs = dialogs
        self._settings = settings if settings is not None else QSettings()
        self._parent = parent
        self.job: Job | None = None

    def ask(self, path: Path) -> None:
        """Ask for the backup that replaces the damaged database ``path``."""
        self._dialogs.ask_open_file(
            self._parent,
            tr(_CONTEXT, "Sicherung wiederherstellen"),
            tr(_CONTEXT, RESTORE_FILTER),
            lambda source: self._confirm(path, Path(source)),
            FileKind.BACKUP,
            fallback=daily_backup_folder(self._settings, path),  # its daily copies
        )

    def _confirm(self, path: Path, source: Path) -> None:
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Sicherung wiederherstellen"),
            tr(
                _CONTEXT,
                "Die beschädigte Datenbank „{database}“ wird beiseitegelegt (sie bleibt unter "
                "neuem Namen im selben Ordner) und die Sicherung „{file}“{made} in eine neue "
                "Datei eingespielt. Fortfahren?",
            ).format(
                database=path,
                file=source,
                made=backup_made(backup_made_utc(source)),  # as the restore asks (by a tester)
            ),
            lambda: self.restore(path, source),
        )

    def restore(self, path: Path, source: Path) -> None:
        if self.job is not None and self.job.running:
            return
        title = tr(_CONTEXT, "Sicherung wiederherstellen")
        # No parent, no lambda holding the job on its own signal (Qt holds the lambda): each
        # restore tried stayed in memory until the program ended.
        self.job = Job(lambda progress: restore_over_damaged(path, source, progress=progress))
        self.job.finished.connect(lambda summary: self._restored(title, summary))
        self.job.failed.connect(lambda message: self._refused(title, message))
        start_with_progress(
            self.job,
            self._parent,
            title,
            tr(_CONTEXT, "Die Sicherung wird geprüft und eingespielt …"),
        )

    def _refused(self, title: str, message: str) -> None:
        error = self.job.error if self.job is not None else None
        self._dialogs.warning(self._parent, title, message, error.detail if error else "")

    def _restored(self, title: str, summary: RestoreSummary) -> None:
        self.restored.emit()
        aside = summary.kept_copy
        assert aside is not None  # the damaged file, set aside
        self._dialogs.file_saved(  # with "Ordner öffnen", where the damaged file now lies
            self._parent,
            title,
            tr(
                _CONTEXT,
                "{rows} Datensätze wurden wiederhergestellt. Die beschädigte Datei liegt in "
                "„{aside}“.",
            ).format(rows=whole_number(summary.rows), aside=aside.name),
            str(aside),
        )
