"""„Exportieren …“ of the Änderungsprotokoll: every entry matching the filters (not just the
loaded ones), written in the background behind a progress dialog, as an Excel workbook or a
CSV file by the ending chosen (as the members' export). The file name names the council
where the database holds several (:func:`council_file_name`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from expertenrat.domain.file_formats import AuditFileFormat
from expertenrat.domain.progress import Progress
from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.files import write_file
from expertenrat.services.settings import SettingsService
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "AuditPage"


class AuditExport:
    def __init__(
        self,
        audit: AuditService,
        settings: SettingsService | None,
        dialogs: DialogService,
        today: Callable[[], date],
        page: QWidget,
    ) -> None:
        """``page``: the parent of the dialogs and of the job."""
        self._audit = audit
        self._settings = settings
        self._dialogs = dialogs
        self._today = today
        self._page = page
        self.job: Job | None = None

    def ask(self, council_id: int | None, wanted: Callable[[], AuditFilter | None]) -> None:
        """Ask for the file, then export what ``wanted`` gives then."""
        self._dialogs.ask_save_file(
            self._page,
            tr(_CONTEXT, "Änderungsprotokoll exportieren"),
            tr(_CONTEXT, "Excel-Arbeitsmappe (*.xlsx);;CSV-Datei für Excel (*.csv)"),
            self._file_name(
                council_id,
                tr(_CONTEXT, "Änderungsprotokoll {:%Y-%m-%d}.xlsx").format(self._today()),
            ),
            lambda path: self.export_file(path, wanted()),
            FileKind.AUDIT,
        )

    def _file_name(self, council_id: int | None, name: str) -> str:
        if self._settings is None:
            return name
        return council_file_name(self._settings, council_id, name)

    def export_file(self, path: str, wanted: AuditFilter | None) -> None:
        """Write every entry matching ``wanted`` to ``path``, in the background, as .xlsx or
        .csv by its ending (the save dialog gives it one of them)."""
        if wanted is None or (self.job is not None and self.job.running):
            return
        title = tr(_CONTEXT, "Änderungsprotokoll exportieren")
        file_format, target = AuditFileFormat.of(path), Path(path)
        audit, page, dialogs = self._audit, self._page, self._dialogs

        def export(progress: Progress) -> None:
            data = audit.export(wanted, file_format)
            progress(1, 1)  # "Abbrechen" until here: nothing is written
            write_file(target, data, private=True)

        self.job = Job(export, page)
        self.job.finished.connect(
            lambda _result: dialogs.file_saved(
                page, title, tr(_CONTEXT, "Das Änderungsprotokoll wurde gespeichert."), str(target)
            )
        )
        self.job.failed.connect(lambda message: dialogs.warning(page, title, message))
        start_with_progress(self.job, page, title, tr(_CONTEXT, "Die Einträge werden gelesen …"))
