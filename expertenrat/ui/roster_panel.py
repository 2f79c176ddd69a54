"""Mitgliederliste and Excel exchange: preview, print and save the roster; export and import
members as .xlsx or .csv (the widgets: :mod:`expertenrat.ui.roster_panel_view`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.errors import (
    DataEntryError,
    ExpertenratError,
    os_error_detail,
    os_error_text,
)
from expertenrat.domain.file_formats import MEMBER_IMPORT_ENDINGS, MemberFileFormat
from expertenrat.domain.member_import_preview import ImportPreview, ImportResult
from expertenrat.domain.progress import Progress
from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.context import Services
from expertenrat.services.files import write_file
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_import_dialog import MemberImportDialog, result_text
from expertenrat.ui.pdf_printing import PdfPrintActions
from expertenrat.ui.roster_panel_view import RosterPanelView
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "RosterPanel"
_OTHER_DAY = "other"  # the day combo's entry for the day typed in the date field


class RosterPanel(RosterPanelView):
    membersImported = Signal()

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self.printing = PdfPrintActions(dialogs, self)
        self.import_dialog: MemberImportDialog | None = None
        self.job: Job | None = None  # the render, export or file check in the background
        self._import_for: tuple[int, date] = (0, date.min)

        self.preview_button.clicked.connect(
            lambda: self._with_roster(lambda pdf, title: self.printing.preview(pdf, title))
        )
        self.print_button.clicked.connect(
            lambda: self._with_roster(lambda pdf, title: self.printing.print(pdf, title))
        )
        self.save_pdf_button.clicked.connect(
            lambda: self._with_roster(
                lambda pdf, title: self.printing.save_as(
                    pdf,
                    council_file_name(self._services.settings, self._council_id, f"{title}.pdf"),
                    tr(_CONTEXT, "Mitgliederliste speichern"),
                    private=not self.version_combo.currentData(),  # intern: contact data
                )
            )
        )
        self.day_combo.currentIndexChanged.connect(self._day_chosen)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)

    def set_council(self, council_id: int) -> None:
        self._council_id = council_id
        self.day_combo.clear()  # another council's period; refilled as the page is shown
        self.day_edit.setDate(self._today())

    def show_days(self) -> None:
        """Offer "heute", where the council's next appointment period is set up its first
        day (the roster of the new term before it begins, to go out with the invitation to
        its constituent meeting), and "anderer Tag", typed in the date field below (found
        by a tester: only today's members could be listed, then the period's first day
        only). The day chosen stays chosen while it is still offered."""
        if self._council_id is None:
            return
        today = self._today()
        periods = self._services.appointment_periods.periods(self._council_id)
        upcoming = next((p for p in periods if p.start > today), None)  # the earliest first
        chosen = self.day_combo.currentData()
        self.day_combo.clear()
        self.day_combo.addItem(tr(_CONTEXT, "heute"), None)
        if upcoming is not None:
            self.day_combo.addItem(
                tr(_CONTEXT, "{}, ab {}").format(upcoming.name, f"{upcoming.start:%d.%m.%Y}"),
                upcoming.start.isoformat(),  # a text: Qt finds it again (findData)
            )
        self.day_combo.addItem(tr(_CONTEXT, "anderer Tag"), _OTHER_DAY)
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(chosen)))

    def _day_chosen(self) -> None:
        self.day_edit.setVisible(self.day_combo.currentData() == _OTHER_DAY)

    def roster_day(self) -> date | None:
        """The day the roster lists: today, the next period's first day, or the other day;
        ``None`` where the day typed is none (the field says why: "01.13.2027")."""
        chosen = self.day_combo.currentData()
        if chosen == _OTHER_DAY:
            # typed, the focus still in it ("15.1.27", Enter)
            if not self.day_edit.take_typed():
                return None
            return self.day_edit.date().toPython()
        return date.fromisoformat(chosen) if chosen else self._today()

    # --- roster -------------------------------------------------------------------------

    def _with_roster(self, use: Callable[[bytes, str], None]) -> None:
        """Render the roster as chosen in the background, then ``use`` the PDF bytes."""
        if self._council_id is None or self.busy():
            return
        members, council_id, today = self._services.members, self._council_id, self.roster_day()
        if today is None:
            return
        public = bool(self.version_combo.currentData())
        grouping = RosterGrouping(self.grouping_combo.currentData())
        suffix = tr(_CONTEXT, "öffentlich") if public else tr(_CONTEXT, "intern")
        title = tr(_CONTEXT, "Mitgliederliste {} {:%Y-%m-%d}").format(suffix, today)
        self._start(
            lambda _progress: members.roster_pdf(
                council_id, public=public, grouping=grouping, today=today
            ),
            tr(_CONTEXT, "Mitgliederliste"),
            tr(_CONTEXT, "Die Mitgliederliste wird erstellt …"),
            lambda rendered: self._use_roster(rendered, title, use),
        )

    def _use_roster(
        self, rendered: RenderedPdf, title: str, use: Callable[[bytes, str], None]
    ) -> None:
        """Letters the PDF cannot print are listed under the buttons; the PDF is complete."""
        self.warnings_label.setText("\n".join(rendered.warnings))
        self.warnings_label.setVisible(bool(rendered.warnings))
        try:
            use(rendered.pdf, title)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Mitgliederliste"), error.message)

    # --- background work --------------------------------------------------------------

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _start(
        self,
        work: Callable[[Progress], object],
        title: str,
        label: str,
        done: Callable[[object], None],
    ) -> None:
        """Run ``work`` in the background behind a progress dialog; ``done`` gets its result,
        an expected error becomes a warning titled ``title``."""
        job = self.job = Job(work)
        job.finished.connect(done)
        # No lambda holding ``job`` on its own signal: Qt holds the lambda, so the job (and
        # the PDF it rendered) was never freed, one per roster shown in a day's work.
        job.failed.connect(lambda message: self._failed(title, message))
        start_with_progress(job, self, title, label)

    def _failed(self, title: str, message: str) -> None:
        error = self.job.error if self.job is not None else None
        self._dialogs.warning(self, title, message, error.detail if error else "")

    # --- exchange with Excel ---------------------------------------------------------

    def _ask_export(self) -> None:
        self._dialogs.ask_save_file(
            self,
            tr(_CONTEXT, "Mitglieder exportieren"),
            tr(_CONTEXT, "Excel-Arbeitsmappe (*.xlsx);;CSV-Datei für Excel (*.csv)"),
            council_file_name(
                self._services.settings,
                self._council_id,
                tr(_CONTEXT, "Mitglieder {:%Y-%m-%d}.xlsx").format(self._today()),
            ),
            self.export_members,
            FileKind.MEMBERS,
        )

    def export_members(self, path: str) -> None:
        """Write the members to ``path`` in the background, as .xlsx or .csv by its ending
        (the save dialog gives it one of them)."""
        if self._council_id is None or self.busy():
            return
        title = tr(_CONTEXT, "Mitglieder exportieren")
        file_format, target = MemberFileFormat.of(path), Path(path)
        exchange, council_id = self._services.member_exchange, self._council_id

        def export(_progress: Progress) -> None:
            write_file(target, exchange.export(council_id, file_format), private=True)

        self._start(
            export,
            title,
            tr(_CONTEXT, "Die Mitglieder werden exportiert …"),
            lambda _none: self._dialogs.file_saved(
                self,
                title,
                tr(_CONTEXT, "„{}“ wurde gespeichert.").format(target.name),
                str(target),
            ),
        )

    def _ask_import(self) -> None:
        self._dialogs.ask_open_file(
            self,
            tr(_CONTEXT, "Mitglieder importieren"),
            tr(_CONTEXT, "Excel-Arbeitsmappen und CSV-Dateien ({});;Alle Dateien (*)").format(
                " ".join(f"*{ending}" for ending in MEMBER_IMPORT_ENDINGS)
            ),
            self.import_members,
            FileKind.MEMBERS,
        )

    def import_members(self, path: str) -> None:
        """Read and check the file in a worker; then show what importing it would do."""
        if self._council_id is None or self.busy():
            return
        title = tr(_CONTEXT, "Mitglieder importieren")
        try:
            file_format: MemberFileFormat | None = MemberFileFormat.to_import(path)
        except DataEntryError:  # another ending: the content decides
            file_format = None
        exchange, council_id, today = (
            self._services.member_exchange,
            self._council_id,
            self._today(),
        )

        def check(progress: Progress) -> ImportPreview:
            try:  # in the worker too: a file on a slow share must not freeze the window
                data = exchange.read_file(Path(path))
            except OSError as error:
                raise ExpertenratError(
                    tr(_CONTEXT, "„{}“ kann nicht gelesen werden: {}").format(
                        path, os_error_text(error)
                    ),
                    os_error_detail(error),
                ) from None
            return exchange.preview_import(council_id, data, today, file_format, progress)

        self._import_for = (council_id, today)
        self._start(
            check,
            title,
            tr(_CONTEXT, "Die Datei wird geprüft …"),
            self._show_preview,
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        council_id, today = self._import_for
        dialog = MemberImportDialog(
            self._services.member_exchange, council_id, today, preview, self
        )
        dialog.imported.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()

    def _imported(self, result: ImportResult) -> None:
        self.membersImported.emit()
        self._dialogs.information(self, tr(_CONTEXT, "Mitglieder importieren"), result_text(result))
