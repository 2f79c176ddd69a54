"""Datei menu: "Offene Daten exportieren …" (CSV and data package) and "OParl-Export …"
(the static OParl 1.1 tree), each into a folder, in the worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from expertenrat.domain.oparl_base import BaseUrlError, check_base_url
from expertenrat.domain.progress import Progress
from expertenrat.domain.wording import file_size
from expertenrat.services.context import Services
from expertenrat.services.folder_writing import WrittenFolder
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.folder_export import say_written, write_into_folder
from expertenrat.ui.i18n import tr
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "OpenDataMenu"
_BASE_URL_KEY = "export/oparl_base_url"
_FOLDER_KEY = "export/open_data_folder"


class OpenDataMenu:
    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget, settings: QSettings
    ) -> None:
        self._services = services
        self._dialogs = dialogs
        self._parent = parent
        self._settings = settings
        self.job: Job | None = None
        self.open_data_action = QAction(tr(_CONTEXT, "&Offene Daten exportieren …"), parent)
        self.oparl_action = QAction(tr(_CONTEXT, "O&Parl-Export …"), parent)
        self.open_data_action.triggered.connect(self.ask_open_data)
        self.oparl_action.triggered.connect(self.ask_oparl)

    @property
    def actions(self) -> list[QAction]:
        return [self.open_data_action, self.oparl_action]

    def ask_open_data(self) -> None:
        from expertenrat.services import open_data_export  # loaded at the first export

        title = tr(_CONTEXT, "Offene Daten exportieren")
        self._ask_folder(
            title,
            open_data_export.MARK,
            lambda folder, force: self._run(
                lambda progress: self._services.open_data_export.export(
                    folder, force=force, progress=progress
                ),
                title,
                tr(_CONTEXT, "Empfehlungsregister und Sitzungsliste werden geschrieben …"),
                open_data_export.MARK,
            ),
        )

    def ask_oparl(self) -> None:
        title = tr(_CONTEXT, "OParl-Export")
        remembered = str(self._settings.value(_BASE_URL_KEY) or "https://")
        self._dialogs.ask_text(
            self._parent,
            title,
            tr(_CONTEXT, "Adresse, unter der der Ordner veröffentlicht wird (https://…):"),
            remembered,
            lambda text: self._oparl_base_chosen(title, text),
        )

    def _oparl_base_chosen(self, title: str, text: str) -> None:
        from expertenrat.services import oparl_export  # loaded at the first export

        try:
            base = check_base_url(text)
        except BaseUrlError as error:
            self._dialogs.warning(self._parent, title, error.message)
            return
        self._settings.setValue(_BASE_URL_KEY, base)
        self._ask_folder(
            title,
            oparl_export.MARK,
            lambda folder, force: self._run(
                lambda progress: self._services.oparl_export.export(
                    folder, base, force=force, progress=progress
                ),
                title,
                tr(_CONTEXT, "Die öffentlichen Daten werden als OParl-Baum geschrieben …"),
                oparl_export.MARK,
            ),
        )

    def _ask_folder(self, title: str, mark: str, write: Callable[[Path, bool], None]) -> None:
        """Ask for the folder; one that is not empty is replaced only after "Ja", and only if
        it holds an earlier export (its file ``mark``): else the user is told why not."""

        def chosen(path: str) -> None:
            folder = Path(path)
            self._settings.setValue(_FOLDER_KEY, str(folder))
            write_into_folder(
                self._dialogs,
                self._parent,
                title,
                folder,
                mark,
                tr(
                    _CONTEXT,
                    "Der Ordner „{}“ ist nicht leer. Sein gesamter Inhalt wird durch den "
                    "Export ersetzt. Fortfahren?",
                ),
                lambda force: write(folder, force),
            )

        initial = str(self._settings.value(_FOLDER_KEY) or "")
        self._dialogs.ask_folder(self._parent, title, initial, chosen)

    def _run(
        self, work: Callable[[Progress], WrittenFolder], title: str, label: str, entry: str
    ) -> None:
        """Run ``work``; ``entry`` is a file of the written folder (for "Ordner öffnen").
        "Abbrechen" stops it before it writes (the folder stays as it was)."""
        self.job = Job(work, self._parent)
        self.job.finished.connect(lambda written: self._written(title, written, entry))
        self.job.failed.connect(lambda message: self._dialogs.warning(self._parent, title, message))
        start_with_progress(self.job, self._parent, title, label)

    def _written(self, title: str, written: WrittenFolder, entry: str) -> None:
        text = tr(_CONTEXT, "{files} Dateien ({size}) wurden geschrieben.").format(
            files=written.files, size=file_size(written.size)
        )
        say_written(self._dialogs, self._parent, title, text, written, entry)
