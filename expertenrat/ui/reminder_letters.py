"""Saving the reminder letters of the projects chosen in the Erinnerungen dialog.

"Schreiben speichern …" asks for a folder (remembered as ``FileKind.REMINDERS``), asks
before replacing files of the same names, and then lets
``RecommendationRemindersService.save`` write each chosen project's letter (PDF) and
e-mail draft (.eml) and record the reminder in the history, in the worker. After a cancel
a message names the projects saved before it and those not saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.reminders import ProjectReminder
from expertenrat.services.recommendation_reminders import (
    RecommendationRemindersService,
    RemindersCancelled,
    RemindersDue,
    SavedReminder,
)
from expertenrat.services.reminder_files import existing_files
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "RemindersDialog"


class ReminderLetters(QObject):
    """``chosen()`` and ``due()`` are what the dialog shows and has selected when asked."""

    started = Signal()  # the letters are being written: no second save meanwhile
    ended = Signal()  # saved, failed or cancelled: reminders may have been recorded

    def __init__(
        self,
        service: RecommendationRemindersService,
        dialogs: DialogService,
        council_id: int,
        window: QWidget,
        *,
        chosen: Callable[[], list[ProjectReminder]],
        due: Callable[[], RemindersDue | None],
    ) -> None:
        super().__init__(window)
        self._service = service
        self._dialogs = dialogs
        self._council_id = council_id
        self._window = window
        self._chosen = chosen
        self._due = due
        self.job: Job | None = None

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def ask_folder(self) -> None:
        """Ask for the folder of the chosen projects' letters, then save them there."""
        if self._chosen():
            self._dialogs.ask_folder(
                self._window,
                tr(_CONTEXT, "Ordner für die Erinnerungsschreiben"),
                "",
                lambda path: self._folder_chosen(Path(path)),
                FileKind.REMINDERS,
            )

    def _folder_chosen(self, folder: Path) -> None:
        chosen, due = self._chosen(), self._due()
        if not chosen or due is None:
            return
        project_ids = {r.project.id for r in chosen}
        there = existing_files(
            folder,
            (r.project for r in chosen),
            due.on,
            among=(r.project for r in due.projects),
            council_label=due.council_label,
        )
        if not there:
            self.save(folder, project_ids)
            return
        self._dialogs.question(
            self._window,
            tr(_CONTEXT, "Schreiben speichern"),
            tr(
                _CONTEXT,
                "Im Ordner „{}“ liegen schon Dateien dieser Erinnerungen von heute: {}.\n\n"
                "Ersetzen? Die Erinnerung wird dann erneut im Verlauf vermerkt.",
            ).format(folder, ", ".join(there)),
            lambda: self.save(folder, project_ids, replace=True),
        )

    def save(self, folder: Path, project_ids: set[int], *, replace: bool = False) -> None:
        """In the worker: the letters and drafts into ``folder``, the reminders recorded."""
        due = self._due()
        if due is None or self.running:
            return
        service, council_id, day = self._service, self._council_id, due.on
        title = tr(_CONTEXT, "Schreiben speichern")

        def work(progress) -> list[SavedReminder]:
            return service.save(
                council_id,
                folder,
                project_ids=project_ids,
                today=day,
                replace=replace,
                progress=progress,
            )

        window = self._window
        self.job = Job(work, window)
        self.job.ended.connect(self.ended)
        self.job.finished.connect(lambda saved: self._saved(title, day, saved))
        self.job.failed.connect(lambda message: self._dialogs.warning(window, title, message))
        self.job.cancelled.connect(lambda: self._cancelled(title))
        self.started.emit()
        start_with_progress(
            self.job, window, title, tr(_CONTEXT, "Die Erinnerungsschreiben werden gespeichert …")
        )

    def _cancelled(self, title: str) -> None:
        """Say what the cancel left: the reminders saved before it stay saved."""
        stop = self.job.stop if self.job is not None else None
        if isinstance(stop, RemindersCancelled):
            self._dialogs.information(self._window, title, stop.message)

    def _saved(self, title: str, day: date, saved: list[SavedReminder]) -> None:
        if not saved:
            self._dialogs.information(
                self._window,
                title,
                tr(_CONTEXT, "Für die gewählten Projekte ist nichts mehr fällig."),
            )
            return
        text = (
            tr(_CONTEXT, "1 Erinnerungsschreiben wurde gespeichert")
            if len(saved) == 1
            else tr(_CONTEXT, "{} Erinnerungsschreiben wurden gespeichert").format(len(saved))
        )
        names = ", ".join(f"„{s.project.title}“" for s in saved)
        text = tr(
            _CONTEXT,
            "{} (PDF, dazu je ein E-Mail-Entwurf .eml), an: {}.\n\nDie Erinnerung vom {} ist "
            "im Verlauf der Empfehlungen vermerkt.",
        ).format(text, names, f"{day:%d.%m.%Y}")
        warnings = dict.fromkeys(w for s in saved for w in s.warnings)  # one logo warning
        if warnings:
            text = "\n\n".join((text, *warnings))
        self._dialogs.file_saved(self._window, title, text, str(saved[0].files[0]))
