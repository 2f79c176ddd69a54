"""The Übersicht's "Tätigkeitsbericht …" button: the annual activity report of a year as PDF.

Its menu offers the current year and the years before it back to the council's first
member term or first meeting, whichever is earlier (a founding year without meetings
too, as the command line allows it); the year a secretariat most likely reports on is the
menu's default (the last one in January to March, else the current one). The first year
comes with the Übersicht's refresh (:meth:`AnnualReportButton.set_first_year`), so
opening the menu reads nothing on the GUI thread; until the page has read the shown
council, the button waits disabled. The user names the file (in the folder of PDF
documents); the service renders the report and ``services.files`` writes it in a worker,
behind a progress dialog. Failures and letters the PDF cannot print are German messages.
Below the years, the submenu "Archivpaket" offers the same years' Archivpaket for the
Stadtarchiv (:mod:`expertenrat.ui.archive_package_action`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from expertenrat.domain.annual_report import default_year
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.progress import Progress
from expertenrat.services.context import Services
from expertenrat.services.files import write_file
from expertenrat.ui.archive_package_action import ArchivePackageExport
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "AnnualReport"
MAX_YEARS = 10  # offered in the menu


class AnnualReportButton(QPushButton):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr(_CONTEXT, "Tätigkeitsbericht …"), parent)
        self._services = services  # the report's service made at the first report
        self._settings = services.settings
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._first_year: int | None = None
        self.job: Job | None = None
        self.setToolTip(
            tr(
                _CONTEXT,
                "Tätigkeitsbericht eines Jahres als PDF: Gremium, Sitzungen, Beratungen und "
                "Empfehlungen (öffentliche Fassung); darunter das Archivpaket eines Jahres "
                "für das Archiv",
            )
        )
        self.archive = ArchivePackageExport(services, dialogs, today, self)
        self.archive_menu = QMenu(tr(_CONTEXT, "Archivpaket"), self)
        self.year_menu = QMenu(self)
        self.year_menu.aboutToShow.connect(self.offer_years)
        self.setMenu(self.year_menu)
        self.setEnabled(False)

    def set_council(self, council_id: int) -> None:
        """A council's years are not known until :meth:`set_first_year`: wait disabled."""
        if council_id != self._council_id:
            self._council_id = council_id
            self.setEnabled(False)

    def set_first_year(self, year: int | None) -> None:
        """The year of the council's first member term or first meeting, whichever is
        earlier (``None``: neither yet), as the page's refresh read it; the menu offers
        the years from it."""
        self._first_year = year
        self.setEnabled(self._council_id is not None)

    def busy(self) -> bool:
        return (self.job is not None and self.job.running) or self.archive.busy()

    def offer_years(self) -> None:
        """Fill the menu: this year back to the first year, the likely year as default."""
        self.year_menu.clear()
        if self._council_id is None:
            return
        today = self._today()
        first = min(self._first_year or today.year, default_year(today))
        years = range(today.year, max(first, today.year - MAX_YEARS + 1) - 1, -1)
        for year in years:
            action = self.year_menu.addAction(tr(_CONTEXT, "Tätigkeitsbericht {} …").format(year))
            action.setData(year)
            action.triggered.connect(lambda _checked=False, y=year: self.ask(y))
            if year == default_year(today):
                self.year_menu.setDefaultAction(action)
        self.year_menu.addSeparator()
        self.year_menu.addMenu(self.archive_menu)  # its own action: kept by clear()
        self.archive_menu.clear()
        council_id = self._council_id
        for year in years:
            action = self.archive_menu.addAction(tr(_CONTEXT, "Archivpaket {} …").format(year))
            action.triggered.connect(lambda _checked=False, y=year: self.archive.ask(council_id, y))

    def ask(self, year: int) -> None:
        """Ask where to save the report of ``year``, then make it there."""
        if self._council_id is None:
            return
        title = tr(_CONTEXT, "Tätigkeitsbericht {} speichern").format(year)
        self._dialogs.ask_save_file(
            self,
            title,
            tr(_CONTEXT, "PDF-Dokumente (*.pdf)"),
            council_file_name(
                self._settings,
                self._council_id,
                tr(_CONTEXT, "Tätigkeitsbericht {}.pdf").format(year),
            ),
            lambda path: self.export(year, Path(path), title),
            FileKind.PDF,
        )

    def export(self, year: int, target: Path, title: str = "") -> None:
        """Render the report of ``year`` and save it to ``target`` in the background; its
        ".pdf" the save dialog adds (:func:`~expertenrat.ui.file_dialogs.saved_file_name`)."""
        council_id = self._council_id
        if council_id is None or self.busy():
            return
        title = title or self.text()
        service, today = self._services.annual_report, self._today()

        def work(progress: Progress) -> RenderedPdf:
            rendered = service.report_pdf(council_id, year, today, progress)
            write_file(target, rendered.pdf)
            progress(3, 3)
            return rendered

        self.job = Job(work)
        self.job.finished.connect(lambda rendered: self._saved(title, target, rendered))
        self.job.failed.connect(lambda message: self._dialogs.warning(self, title, message))
        start_with_progress(self.job, self, title, tr(_CONTEXT, "Der Bericht wird erstellt …"))

    def _saved(self, title: str, target: Path, rendered: RenderedPdf) -> None:
        text = tr(_CONTEXT, "„{}“ wurde gespeichert.").format(target.name)
        if rendered.warnings:
            text = "\n\n".join((text, *rendered.warnings))
        self._dialogs.file_saved(self, title, text, str(target))
