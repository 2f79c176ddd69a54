"""The Archivpaket of a year in the window: the "Archivpaket" entries of the Übersicht's
"Tätigkeitsbericht …" menu (:mod:`expertenrat.ui.annual_report_action`).

The user chooses a folder (the one chosen last for Archivpakete); the package goes into a
folder of its own in it, "SCER – Archivpaket 2025", made in a worker behind a progress
dialog. Where that folder holds an earlier package it is replaced after "Ja"; a folder of
that name holding other files is refused with a German message, as by the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from expertenrat.domain.archive_package import README
from expertenrat.domain.wording import file_size
from expertenrat.services.context import Services
from expertenrat.services.folder_writing import WrittenFolder
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.folder_export import say_written, write_into_folder
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "ArchivePackage"


class ArchivePackageExport:
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget,
    ) -> None:
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._parent = parent
        self.job: Job | None = None

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def ask(self, council_id: int, year: int) -> None:
        """Ask for the folder to put the package of ``year`` in, then make it there."""
        title = tr(_CONTEXT, "Archivpaket {} speichern").format(year)
        self._dialogs.ask_folder(
            self._parent,
            title,
            "",
            lambda path: self.chosen(council_id, year, Path(path), title),
            FileKind.ARCHIVE,
        )

    def chosen(self, council_id: int, year: int, parent: Path, title: str) -> None:
        """The package's own folder in ``parent``: replaced after "Ja" if it holds an
        earlier package, refused with a message if it holds other files."""
        name = tr(_CONTEXT, "Archivpaket {}").format(year)
        folder = parent / council_file_name(self._services.settings, council_id, name)
        write_into_folder(
            self._dialogs,
            self._parent,
            title,
            folder,
            README,
            tr(
                _CONTEXT,
                "Der Ordner „{}“ enthält schon ein Archivpaket. Es wird vollständig "
                "ersetzt. Fortfahren?",
            ),
            lambda force: self.export(council_id, year, folder, title, force=force),
        )

    def export(
        self, council_id: int, year: int, folder: Path, title: str, *, force: bool = False
    ) -> None:
        if self.busy():
            return
        service, today = self._services.archive_package, self._today()
        self.job = Job(
            lambda progress: service.export(
                folder, council_id, year, force=force, today=today, progress=progress
            ),
            self._parent,
        )
        self.job.finished.connect(lambda written: self._written(title, written))
        self.job.failed.connect(lambda message: self._dialogs.warning(self._parent, title, message))
        start_with_progress(
            self.job, self._parent, title, tr(_CONTEXT, "Das Archivpaket wird zusammengestellt …")
        )

    def _written(self, title: str, written: WrittenFolder) -> None:
        text = tr(
            _CONTEXT,
            "Das Archivpaket wurde geschrieben: {files} Dateien ({size}). „{readme}“ sagt, "
            "was darin ist und wie die Prüfsummen geprüft werden.",
        ).format(files=written.files, size=file_size(written.size), readme=README)
        say_written(self._dialogs, self._parent, title, text, written, README)
