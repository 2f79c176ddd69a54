"""Datei menu: "Sicherung jetzt …", "Wiederherstellen …", "Datenbank prüfen" in the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.progress import Progress
from expertenrat.domain.wording import backup_made, file_size, restore_scope, whole_number
from expertenrat.paths import user_data_dir
from expertenrat.services.backup import BackupSummary, RestoreSummary
from expertenrat.services.backup_file import backup_made_utc
from expertenrat.services.context import Services
from expertenrat.ui.daily_backup import chosen_folder, safety_copy_days
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "BackupMenu"
_SHOWN_FINDINGS = 12  # in the message; all of them behind "Details einblenden …"
BACKUP_FILTER = "Expertenrat-Sicherung (*.zip)"
# What a restore reads: a backup, or a copy of the database file (the daily backup in
# "Sicherungen", the copy kept before a restore or an update).
RESTORE_FILTER = "Sicherung oder tägliche Sicherung (*.zip *.db)"


class BackupMenu:
    """The three actions; ``on_restored`` reloads the window's data after a restore."""

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget,
        on_restored: Callable[[], None],
        settings: QSettings | None = None,
        leave: Callable[[Callable[[], None]], bool] | None = None,
    ) -> None:
        """``settings``: this PC's, which name the folder of the daily backups; ``leave``:
        lets the shown page save or ask before a restore (the main window's
        ``leave_page``; none: a menu without pages)."""
        self._leave = leave or (lambda _then: True)
        self._services = services
        self._settings = settings if settings is not None else QSettings()
        self._dialogs = dialogs
        self._parent = parent
        self._on_restored = on_restored
        self.job: Job | None = None
        self.backup_action = QAction(tr(_CONTEXT, "&Sicherung jetzt …"), parent)
        self.restore_action = QAction(tr(_CONTEXT, "&Wiederherstellen …"), parent)
        self.check_action = QAction(tr(_CONTEXT, "&Datenbank prüfen"), parent)
        self.backup_action.triggered.connect(self.ask_backup)
        self.restore_action.triggered.connect(self.ask_restore)
        self.check_action.triggered.connect(self.check)

    @property
    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action, self.check_action]

    def ask_backup(self) -> None:
        self._dialogs.ask_save_file(
            self._parent,
            tr(_CONTEXT, "Sicherung jetzt"),
            tr(_CONTEXT, BACKUP_FILTER),
            tr(_CONTEXT, "Expertenrat-Sicherung {:%Y-%m-%d}.zip").format(date.today()),
            self.backup,
            FileKind.BACKUP,
        )

    def backup(self, path: str) -> None:
        target = Path(path)
        title = tr(_CONTEXT, "Sicherung jetzt")
        self._run(
            lambda progress: self._services.backup.backup(target, progress),
            title,
            tr(_CONTEXT, "Die Daten werden gesichert …"),
            lambda summary: self._dialogs.file_saved(
                self._parent, title, _backup_text(summary), str(target)
            ),
        )

    def ask_restore(self) -> None:
        # The shown page saves or asks first, as before a council switch: input typed
        # before the restore stayed in the form and, saved afterwards, went over the
        # restored data with the form's other values from before it (found by a tester).
        if self._leave(self._choose_backup):
            self._choose_backup()

    def _choose_backup(self) -> None:
        self._dialogs.ask_open_file(
            self._parent,
            tr(_CONTEXT, "Wiederherstellen"),
            tr(_CONTEXT, RESTORE_FILTER),
            self._confirm_restore,
            FileKind.BACKUP,
            # Before a folder is remembered, the daily backups: on Windows in a hidden
            # folder (AppData) that no one would find in the dialog by hand.
            fallback=self._services.daily_backup.folder(chosen_folder(self._settings)),
        )

    def _confirm_restore(self, path: str) -> None:
        # The database holds every council, not only the one on screen: the question says
        # that all of them are replaced.
        councils = self._council_count()
        if councils == 0:  # a new database (the welcome page): nothing to replace or keep
            self._dialogs.question(
                self._parent,
                tr(_CONTEXT, "Wiederherstellen"),
                tr(
                    _CONTEXT,
                    "„{database}“ enthält noch kein Gremium. Die Sicherung „{file}“ wird "
                    "dort eingespielt. Fortfahren?",
                ).format(database=self._services.database.location, file=path),
                lambda: self.restore(path),
            )
            return
        scope = restore_scope(councils)
        # When the backup was made, and that what was changed since goes too: a clerk who
        # picked last month's daily copy by mistake was not warned (found by a tester).
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Wiederherstellen"),
            tr(
                _CONTEXT,
                "Alle Daten in „{database}“ {scope} werden durch die Sicherung „{file}“"
                "{made} ersetzt, auch alles, was seitdem geändert oder neu erfasst wurde. "
                "Eine Kopie der bisherigen Daten wird vorher angelegt. Fortfahren?",
            )
            .format(
                database=self._services.database.location,
                scope=scope,
                file=path,
                made=backup_made(backup_made_utc(Path(path))),
            )
            .replace("  ", " "),
            lambda: self.restore(path),
        )

    def _council_count(self) -> int | None:
        """How many councils the database holds; None where it cannot be read now."""
        try:
            return len(self._services.settings.councils())
        except ExpertenratError:
            return None

    def restore(self, path: str) -> None:
        source = Path(path)
        title = tr(_CONTEXT, "Wiederherstellen")
        days = safety_copy_days(self._settings)

        def work(progress: Progress) -> RestoreSummary:
            summary = self._services.backup.restore(
                source, user_data_dir() / "Sicherungen", progress=progress
            )
            # Rotated as the daily copies are when one is made: never the one just made.
            self._services.safety_copies.rotate(date.today(), days, spare=summary.kept_copy)
            return summary

        self._run(
            work,
            title,
            tr(_CONTEXT, "Die Sicherung wird geprüft und eingespielt …"),
            lambda summary: self._restored(title, summary),
        )

    def _restored(self, title: str, summary: RestoreSummary) -> None:
        self._on_restored()
        text = tr(_CONTEXT, "{} Datensätze wurden wiederhergestellt.").format(
            whole_number(summary.rows)
        )
        if summary.kept_copy is None:  # the database was empty: nothing was kept
            self._dialogs.information(self._parent, title, text)
            return
        # The copy of the replaced data, with "Ordner öffnen" as where files are written.
        text += " " + tr(_CONTEXT, "Die bisherigen Daten liegen in „{}“.").format(
            summary.kept_copy.name
        )
        self._dialogs.file_saved(self._parent, title, text, str(summary.kept_copy))

    def check(self) -> None:
        title = tr(_CONTEXT, "Datenbank prüfen")

        def report(findings) -> None:
            if not findings:
                self._dialogs.information(
                    self._parent, title, tr(_CONTEXT, "Die Datenbank ist in Ordnung.")
                )
                return
            found = [f"• {finding.text}" for finding in findings]
            lines = "\n".join(found[:_SHOWN_FINDINGS])
            if len(found) > _SHOWN_FINDINGS:  # a message box does not scroll; its details do
                lines += "\n" + tr(
                    _CONTEXT, "… und {} weitere (alle unter „Details einblenden …“)"
                ).format(len(found) - _SHOWN_FINDINGS)
            self._dialogs.warning(
                self._parent,
                title,
                (
                    tr(_CONTEXT, "Die Prüfung hat 1 Problem gefunden:\n\n{}").format(lines)
                    if len(findings) == 1
                    else tr(_CONTEXT, "Die Prüfung hat {} Probleme gefunden:\n\n{}").format(
                        len(findings), lines
                    )
                ),
                "\n".join(found) if len(found) > _SHOWN_FINDINGS else "",
            )

        self._run(
            lambda _progress: self._services.integrity.check(),
            title,
            tr(_CONTEXT, "Die Datenbank wird geprüft …"),
            report,
        )

    def _run(self, work, title: str, label: str, on_done: Callable[[object], None]) -> None:
        self.job = job = Job(work, self._parent)
        job.finished.connect(on_done)
        job.failed.connect(
            lambda message: self._dialogs.warning(self._parent, title, message, job.error.detail)
        )
        start_with_progress(job, self._parent, title, label)


def _backup_text(summary: BackupSummary) -> str:
    return tr(_CONTEXT, "Sicherung mit {} Datensätzen gespeichert ({}).").format(
        whole_number(summary.rows), file_size(summary.size)
    )
