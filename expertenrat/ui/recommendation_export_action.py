"""The "Exportieren …" button of the Empfehlungen page: the recommendations report as PDF,
the register as Excel workbook or CSV file, for the year and status chosen in the page's
filters.

The user names the file first; the service renders it and ``services.files`` writes it in
a worker, behind a progress dialog. Letters the PDF cannot print and files that cannot be
written are German warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from expertenrat.domain.file_formats import RegisterFileFormat
from expertenrat.domain.progress import Progress
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.services.context import Services
from expertenrat.services.files import write_file
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

if TYPE_CHECKING:
    from expertenrat.services.recommendations_report import RegisterFile

_CONTEXT = "RecommendationExport"
F = RegisterFileFormat


class RecommendationExportButton(QPushButton):
    """``chosen()`` gives the page's year and status filters when the user exports."""

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        chosen: Callable[[], RecommendationFilter],
        parent: QWidget,
    ) -> None:
        super().__init__(tr(_CONTEXT, "Exportieren …"), parent)
        self._services = services  # the report's service made at the first export
        self._settings = services.settings
        self._dialogs = dialogs
        self._today = today
        self._chosen = chosen
        self._council_id: int | None = None
        self.job: Job | None = None
        self.setToolTip(
            tr(
                _CONTEXT,
                "Bericht (PDF) oder Register (Excel, CSV) der Empfehlungen, die die Tabelle zeigt",
            )
        )
        menu = QMenu(self)
        self.report_action = menu.addAction(tr(_CONTEXT, "&Bericht als PDF …"))
        self.xlsx_action = menu.addAction(tr(_CONTEXT, "Register als &Excel-Arbeitsmappe …"))
        self.csv_action = menu.addAction(tr(_CONTEXT, "Register als &CSV-Datei …"))
        self.report_action.triggered.connect(lambda: self.ask(F.PDF))
        self.xlsx_action.triggered.connect(lambda: self.ask(F.XLSX))
        self.csv_action.triggered.connect(lambda: self.ask(F.CSV))
        self.setMenu(menu)
        self.setEnabled(False)

    def set_council(self, council_id: int) -> None:
        self._council_id = council_id
        self.setEnabled(True)

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def ask(self, file_format: RegisterFileFormat) -> None:
        """Ask where to save ``file_format``, then export there."""
        if self._council_id is None:
            return
        day = f"{self._today():%Y-%m-%d}"
        if file_format is F.PDF:
            title = tr(_CONTEXT, "Bericht zu den Empfehlungen speichern")
            name_filter, kind = tr(_CONTEXT, "PDF-Dokumente (*.pdf)"), FileKind.PDF
            stem = tr(_CONTEXT, "Bericht Empfehlungen {}").format(day)
        else:
            title = tr(_CONTEXT, "Register der Empfehlungen speichern")
            name_filter = (
                tr(_CONTEXT, "Excel-Arbeitsmappe (*.xlsx)")
                if file_format is F.XLSX
                else tr(_CONTEXT, "CSV-Datei für Excel (*.csv)")
            )
            kind, stem = FileKind.REGISTER, tr(_CONTEXT, "Empfehlungen {}").format(day)
        self._dialogs.ask_save_file(
            self,
            title,
            name_filter,
            council_file_name(self._settings, self._council_id, f"{stem}{file_format.suffix}"),
            lambda path: self.export(file_format, Path(path), title),
            kind,
        )

    def export(self, file_format: RegisterFileFormat, target: Path, title: str = "") -> None:
        """Export to ``target`` in the background; its ending is ``file_format``'s, as the save
        dialog adds it (:func:`~expertenrat.ui.file_dialogs.saved_file_name`)."""
        council_id = self._council_id
        if council_id is None or self.busy():
            return
        title = title or self.text()
        service = self._services.recommendations_report
        chosen, today = self._chosen(), self._today()

        def work(progress: Progress) -> RegisterFile:
            exported = service.export(council_id, file_format, chosen, today)
            progress(1, 1)  # "Abbrechen" until here: nothing is written
            write_file(target, exported.data)
            return exported

        self.job = Job(work)
        self.job.finished.connect(lambda exported: self._saved(title, target, exported))
        self.job.failed.connect(lambda message: self._dialogs.warning(self, title, message))
        start_with_progress(self.job, self, title, tr(_CONTEXT, "Die Datei wird erstellt …"))

    def _saved(self, title: str, target: Path, exported: RegisterFile) -> None:
        count = {0: tr(_CONTEXT, "keine Empfehlungen"), 1: tr(_CONTEXT, "1 Empfehlung")}.get(
            exported.records, tr(_CONTEXT, "{} Empfehlungen").format(exported.records)
        )
        text = tr(_CONTEXT, "„{}“ wurde gespeichert ({}).").format(target.name, count)
        if exported.warnings:
            text = "\n\n".join((text, *exported.warnings))
        self._dialogs.file_saved(self, title, text, str(target))
