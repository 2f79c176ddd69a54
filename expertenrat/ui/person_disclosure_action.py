"""Mitglieder → "Auskunft (Art. 15) …": everything the program holds about the selected
member's person (every council, every term; :mod:`expertenrat.services.person_disclosure`),
rendered in the background and then saved where the user chooses, as the roster's "Als
PDF speichern …" does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.pdf_printing import PdfPrintActions
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "PersonDisclosure"


class PersonDisclosureAction:
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
        self.printing = PdfPrintActions(dialogs, parent)
        self.job: Job | None = None

    def start(self, member: Member, council_id: int | None) -> None:
        """Render the Auskunft about ``member``'s person, then ask where to save it."""
        if member.person_id is None or (self.job is not None and self.job.running):
            return
        disclosure, person_id = self._services.person_disclosure, member.person_id
        today = self._today()
        title = tr(_CONTEXT, "Auskunft (Art. 15)")
        name = tr(_CONTEXT, "Auskunft Art. 15 {} {:%Y-%m-%d}.pdf").format(
            f"{member.given_name} {member.family_name}", today
        )
        suggested = council_file_name(self._services.settings, council_id, name)
        job = self.job = Job(
            lambda _progress: disclosure.disclosure_pdf(person_id, today, council_id)
        )
        job.finished.connect(lambda rendered: self._save(rendered, title, suggested))
        job.failed.connect(
            lambda message: self._dialogs.warning(
                self._parent, title, message, job.error.detail if job.error else ""
            )
        )
        start_with_progress(
            job, self._parent, title, tr(_CONTEXT, "Die Auskunft wird zusammengestellt …")
        )

    def _save(self, rendered: RenderedPdf, title: str, suggested: str) -> None:
        if rendered.warnings:  # letters no font has, another record: the PDF is complete
            self._dialogs.warning(self._parent, title, "\n".join(rendered.warnings))
        self.printing.save_as(rendered.pdf, suggested, tr(_CONTEXT, "Auskunft (Art. 15) speichern"))
