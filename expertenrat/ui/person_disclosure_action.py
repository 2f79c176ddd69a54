"""Mitglieder → "Auskunft (Art. 15) …": everything the program holds about the selected
member's person (every council, every term; :mod:`expertenrat.services.person_disclosure`),
and Anwesenheit → Gäste → "Auskunft (Art. 15) …" the same about a guest who is no member,
rendered in the background and then saved where the user chooses, as the roster's "Als
PDF speichern …" does. Once saved, the Auskunft is noted in the audit trail (in the
worker; found by a tester), so that the secretariat can show when it answered."""

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
        self.printing.saved.connect(lambda _path: self._note_given())
        self.job: Job | None = None
        self._note: Callable[[], None] = lambda: None  # of the Auskunft being saved

    def start(self, member: Member, council_id: int | None) -> None:
        """Render the Auskunft about ``member``'s person, then ask where to save it."""
        if member.person_id is None:
            return
        disclosure, person_id = self._services.person_disclosure, member.person_id
        self._run(
            lambda today: disclosure.disclosure_pdf(person_id, today, council_id),
            f"{member.given_name} {member.family_name}",
            council_id,
            lambda: disclosure.note_given(person_id, council_id),
        )

    def start_guest(self, name: str, council_id: int | None) -> None:
        """Render the Auskunft about the guest ``name`` (every meeting whose guests name
        them), then ask where to save it."""
        disclosure = self._services.person_disclosure
        self._run(
            lambda today: disclosure.guest_disclosure_pdf(name, today),
            name,
            council_id,
            lambda: disclosure.note_given_to_guest(name, council_id),
        )

    def _run(
        self,
        render: Callable[[date], RenderedPdf],
        name: str,
        council_id: int | None,
        note: Callable[[], None],
    ) -> None:
        if self.job is not None and self.job.running:
            return
        self._note = note
        today = self._today()
        title = tr(_CONTEXT, "Auskunft (Art. 15)")
        file_name = tr(_CONTEXT, "Auskunft Art. 15 {} {:%Y-%m-%d}.pdf").format(name, today)
        suggested = council_file_name(self._services.settings, council_id, file_name)
        job = self.job = Job(lambda _progress: render(today))
        job.finished.connect(lambda rendered: self._save(rendered, title, suggested))
        # No lambda holding ``job`` on its own signal (Qt holds the lambda): the job and the
        # person's whole Auskunft stayed in memory until the program ended.
        job.failed.connect(lambda message: self._warn(title, message))
        start_with_progress(
            job, self._parent, title, tr(_CONTEXT, "Die Auskunft wird zusammengestellt …")
        )

    def _save(self, rendered: RenderedPdf, title: str, suggested: str) -> None:
        if rendered.warnings:  # letters no font has, another record: the PDF is complete
            self._dialogs.warning(self._parent, title, "\n".join(rendered.warnings))
        title = tr(_CONTEXT, "Auskunft (Art. 15) speichern")
        self.printing.save_as(rendered.pdf, suggested, title, private=True)

    def _note_given(self) -> None:
        """Note the saved Auskunft in the audit trail; if that fails (a lost server), say
        so: the file is saved, the note can be made by hand."""
        # No parent: the window kept every one until the program ended.
        job = self.job = Job(lambda _progress: self._note())
        job.failed.connect(
            lambda message: self._warn(
                tr(_CONTEXT, "Auskunft (Art. 15)"),
                tr(
                    _CONTEXT,
                    "Die Auskunft ist gespeichert, aber nicht im Änderungsprotokoll vermerkt: {}",
                ).format(message),
            )
        )
        job.start()

    def _warn(self, title: str, message: str) -> None:
        """The failure of the job just ended, with the detail of its error."""
        error = self.job.error if self.job is not None else None
        self._dialogs.warning(self._parent, title, message, error.detail if error else "")
