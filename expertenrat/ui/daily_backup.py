"""The automatic daily backup in the window: made off the GUI thread once a day, at start
and, for a window left open, when the next day begins (:meth:`DailyBackup.new_day`) unless
no one has changed the data since this window's last copy.

The folder is the QSettings value ``backup/folder`` (e.g. a network drive); without one
it is ``Sicherungen`` beside the database file, for a server database ``Sicherungen`` in
this PC's data folder. The Übersicht asks :meth:`warning`. A switch to another database
or the end of the program waits for a copy still being written (:meth:`finish`): a note
says so and the window keeps repainting meanwhile. Its "Abbrechen" stops the copy where it
is (no copy under today's name, its temporary file removed: the next start makes it) and
the switch or the end goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from expertenrat.domain.backup_rotation import MAX_SAFETY_COPY_DAYS, SAFETY_COPY_DAYS
from expertenrat.domain.progress import Progress
from expertenrat.services.change_marker import ChangeMarker
from expertenrat.services.daily_backup import DailyBackupService, backup_folder
from expertenrat.services.safety_copies import SafetyCopiesService
from expertenrat.ui.i18n import tr
from expertenrat.ui.worker import POLL_MS, Job

FOLDER_KEY = "backup/folder"
SAFETY_COPY_DAYS_KEY = "retention/safety_copy_days"
_CONTEXT = "DailyBackup"
log = logging.getLogger(__name__)


def chosen_folder(settings: QSettings) -> str:
    """The folder of the daily copies chosen on this PC; blank: none."""
    return str(settings.value(FOLDER_KEY, "") or "")


def daily_backup_folder(settings: QSettings, database_file: Path | None) -> Path:
    """Where the daily copies of ``database_file`` go: the folder chosen on this PC, else
    ``Sicherungen`` beside the file (``None``: a server database, in this PC's data
    folder)."""
    return backup_folder(chosen_folder(settings), database_file)


def safety_copy_days(settings: QSettings) -> int:
    """How many days this PC keeps the safety copies made before a restore or an update
    (default 90; the newest ones stay regardless)."""
    try:
        days = int(settings.value(SAFETY_COPY_DAYS_KEY, SAFETY_COPY_DAYS))
    except (TypeError, ValueError):
        return SAFETY_COPY_DAYS
    return min(max(days, 1), MAX_SAFETY_COPY_DAYS)


@dataclass(frozen=True)
class DailyRun:
    """How a run of the daily backup ended: the copy made (``None``: none), the data it
    holds (``None``: unknown), and whether none was made as the data were unchanged."""

    path: Path | None
    marker: ChangeMarker | None
    unchanged: bool = False


class DailyBackup(QObject):
    changed = Signal()  # the backup ended, whichever way: the warning may differ now

    def __init__(
        self,
        service: DailyBackupService,
        settings: QSettings,
        today: Callable[[], date],
        parent: QObject | None = None,
        safety_copies: SafetyCopiesService | None = None,
    ) -> None:
        """``safety_copies``: rotated in the same run (see :meth:`start`)."""
        super().__init__(parent)
        self._service = service
        self._safety_copies = safety_copies
        self._settings = settings
        self._today = today
        self._error: str | None = None
        # This window's last copy and its data; unchanged since, as last looked.
        self._copied: tuple[Path, ChangeMarker] | None = None
        self._unchanged = False
        self.job: Job | None = None

    def folder(self) -> Path:
        return self._service.folder(chosen_folder(self._settings))

    def start(self) -> None:
        """Delete the safety copies past their days, and make today's copy unless there
        is one, in the worker."""
        folder, today, copied = self.folder(), self._today(), self._copied
        days = safety_copy_days(self._settings)
        self.job = Job(lambda progress: self._run(folder, today, days, copied, progress), self)
        self.job.finished.connect(self._made)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: log.info("Daily backup cancelled"))
        self.job.start()

    def new_day(self) -> bool:
        """A new day has begun while the program is open: its copy is made (and the old
        safety copies deleted) as at a start; the window of an office PC that is never
        closed had no copy after its first day, and after three days the Übersicht warned
        of a backup too old, which only a restart mended (found by a tester). ``False``:
        the last copy is still being written; asked again later."""
        if self.job is not None and self.job.running:
            return False
        self.start()
        return True

    def _run(
        self,
        folder: Path,
        today: date,
        days: int,
        copied: tuple[Path, ChangeMarker] | None,
        progress: Progress,
    ) -> DailyRun:
        """Unchanged since ``copied`` (the data of this window's last copy), no copy: a
        window left open over two weeks' holiday made 14 alike, and the rotation, which
        keeps the newest 14, dropped every copy from before (found by a tester)."""
        if self._safety_copies is not None:
            self._safety_copies.rotate(today, days)
        marker = self._service.data_marker()  # before the copy: a change meanwhile moves it
        if _still_holds(copied, folder, marker):
            return DailyRun(None, marker, unchanged=True)
        return DailyRun(self._service.run(folder, today, progress), marker)

    def finish(self, parent: QWidget | None) -> None:
        """Wait until today's copy is written, before the database closes (a switch to
        another database, the end of the program). While it still runs (a slow network
        drive, a large server database) a note says so; its "Abbrechen" stops the copy
        (cleanly, at its next step: no half-written copy is left) and the wait ends with
        it. The wait runs the event loop, so the window repaints instead of freezing; the
        note is application-modal, so nothing else is done."""
        job = self.job
        if job is None or job.join(0):
            return
        note = BusyNote(
            tr(_CONTEXT, "Tägliche Sicherung"),
            tr(_CONTEXT, "Die tägliche Sicherung wird noch abgeschlossen …"),
            parent,
            cancel=lambda: self._cancel(job, note),
        )
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(POLL_MS)
        poll.timeout.connect(lambda: job.join(0) and loop.quit())
        poll.start()
        note.show()
        loop.exec()
        poll.stop()
        note.release()
        job.join()  # the loop also ends when the application quits: the copy still ends

    def _cancel(self, job: Job, note: BusyNote) -> None:
        note.setLabelText(
            tr(
                _CONTEXT,
                "Die tägliche Sicherung wird abgebrochen … Sie wird beim nächsten Start "
                "erneut angelegt.",
            )
        )
        job.cancel()

    def warning(self) -> str | None:
        folder = self.folder()
        current = self._unchanged and self._copied is not None and self._copied[0].parent == folder
        return self._error or self._service.warning(folder, self._today(), current=current)

    def _made(self, run: DailyRun) -> None:
        self._error = None
        self._unchanged = run.unchanged
        if not run.unchanged:  # today's copy found made (of what data?) or none made
            self._copied = None
            if run.path is not None and run.marker is not None:
                self._copied = (run.path, run.marker)
        if run.path is not None:
            log.info("Daily backup written to %s", run.path)
        self.changed.emit()

    def _failed(self, message: str) -> None:
        log.warning("Daily backup failed: %s", message)
        self._error = message
        self.changed.emit()


def _still_holds(
    copied: tuple[Path, ChangeMarker] | None, folder: Path, marker: ChangeMarker | None
) -> bool:
    """Whether the ``copied`` copy is still in ``folder`` and holds the data as they are
    (``marker``) now."""
    if copied is None or marker is None:
        return False
    path, data = copied
    return path.parent == folder and data == marker and path.exists()


class BusyNote(QProgressDialog):
    """A busy note that the user cannot close: it goes when :meth:`release`d. With
    ``cancel`` it has "Abbrechen" (Escape too), which calls ``cancel`` once and stays
    until the work has stopped; without, nothing cuts the work off."""

    def __init__(
        self,
        title: str,
        text: str,
        parent: QWidget | None,
        *,
        cancel: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(text, "", 0, 0, parent)
        self._cancel = cancel
        self.cancel_button: QPushButton | None = None
        if cancel is None:
            self.setCancelButton(None)
        else:
            # A button of its own: QProgressDialog's hides the note at once, before the
            # work has stopped.
            self.cancel_button = QPushButton(tr(_CONTEXT, "Abbrechen"))
            self.setCancelButton(self.cancel_button)
            self.cancel_button.clicked.disconnect()
            self.cancel_button.clicked.connect(self.reject)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(420)

    def reject(self) -> None:
        """Escape or "Abbrechen": ask the work to stop, once (the note stays until it
        has); without ``cancel`` nothing: the work it waits for is not cut off."""
        cancel, self._cancel = self._cancel, None
        if cancel is not None:
            if self.cancel_button is not None:
                self.cancel_button.setEnabled(False)
            cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()

    def release(self) -> None:
        self.hide()
        self.deleteLater()
