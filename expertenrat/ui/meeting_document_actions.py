"""What the document buttons of the Sitzungen page do (their view:
:mod:`meeting_document_actions_view`): save, preview or print the invitation, the letters,
the run sheet, the minutes (approved minutes are the stored file) and the dossier, save
the calendar files, and save the invitation as an e-mail draft (an .eml to the members
with the PDF and the calendar file).

To save, the user names the file first; the service renders it and ``services.files``
writes it in a worker, behind a progress dialog. To preview or print, the worker renders
it and ``PdfPrintActions`` puts those very pages on the printer. Either renders from the
database once the input typed on the page is saved (``saved_first``: the minutes' last
words were missing, found by a tester); input that cannot be saved is named instead, and
nothing is rendered. Letters a PDF cannot
print are listed under the buttons (the PDF is still complete); a file that cannot be
written or a printer that refuses is a German warning.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.invitation_mail_draft import InvitationMail
from expertenrat.domain.progress import Progress
from expertenrat.services.context import Services
from expertenrat.services.files import write_file
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_document_actions_view import MeetingDocumentActionsView
from expertenrat.ui.meeting_pdf_documents import (
    MeetingPdfDocuments,
    PdfDocument,
    file_stem,
    record_sending_note,
)
from expertenrat.ui.page import SaveThen, go_on_at_once, unsaved_warning
from expertenrat.ui.pdf_printing import PdfPrintActions, shown_title
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "MeetingDocumentActions"


class MeetingDocumentActions(MeetingDocumentActionsView):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        saved_first: SaveThen = go_on_at_once,
    ) -> None:
        """``saved_first`` saves the input typed on the page before a document is made."""
        super().__init__(MeetingPdfDocuments(services, today, lambda: self._meeting), parent)
        self._saved_first = saved_first
        self._documents = services.meeting_documents
        self._settings = services.settings
        self._dialogs = dialogs
        self._today = today
        self.job: Job | None = None
        self.printing = PdfPrintActions(dialogs, self)

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    # --- saving, previewing, printing -------------------------------------------------

    def ask_ics(self) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        documents = self._documents
        self._ask_ics(
            tr(_CONTEXT, "Kalender {}").format(file_stem(meeting)),
            lambda: documents.ics_for_meetings([meeting.id]),
        )

    def ask_all_ics(self) -> None:
        council_id = self._council_id
        if council_id is None:
            return
        documents = self._documents
        self._ask_ics(
            tr(_CONTEXT, "Sitzungen {:%Y-%m-%d}").format(self._today()),
            lambda: documents.ics_for_council(council_id),
        )

    def ask_mail(self, only: tuple[int, ...] = ()) -> None:
        """Ask where to save the invitation (or cancellation) as an e-mail draft to the
        members (``only``: to these memberships alone, to whom it is sent on), with the PDF
        and the calendar file attached; then make and write it."""
        meeting = self._meeting
        if meeting is None:
            return
        documents, today = self._documents, self._today()
        cancelled = meeting.state is MeetingState.CANCELLED
        stem = (tr(_CONTEXT, "Absage {}") if cancelled else tr(_CONTEXT, "Einladung {}")).format(
            file_stem(meeting)
        )
        title = tr(_CONTEXT, "E-Mail-Entwurf speichern")
        self._dialogs.ask_save_file(
            self,
            title,
            tr(_CONTEXT, "E-Mail-Entwürfe (*.eml)"),
            council_file_name(self._settings, self._council_id, f"{stem}.eml"),
            lambda path: self._save(
                title,
                Path(path),
                lambda: documents.invitation_mail(meeting.id, today=today, only=only),
            ),
            FileKind.PDF,
        )

    def ask_save(self, document: PdfDocument | None) -> None:
        """Ask where to save ``document``, then render and write it in the background."""
        if document is None:
            return
        self._dialogs.ask_save_file(
            self,
            document.save_title,
            tr(_CONTEXT, "PDF-Dokumente (*.pdf)"),
            council_file_name(self._settings, self._council_id, f"{document.name}.pdf"),
            lambda path: self._save(
                document.save_title,
                Path(path),
                document.render,
                document.next_step,
                private=document.private,
            ),
            FileKind.PDF,
        )

    def preview(self, document: PdfDocument | None) -> None:
        self.hand_over(document, self.printing.preview)

    def print_pdf(self, document: PdfDocument | None) -> None:
        self.hand_over(document, self.printing.print)

    def hand_over(self, document: PdfDocument | None, use: Callable[[bytes, str], None]) -> None:
        """Render ``document`` in the background, then ``use`` its PDF (preview or print)."""
        if document is None or self.busy():
            return
        name, render = document.name, document.render

        def shown(rendered: RenderedPdf) -> None:
            self._show_warnings(rendered.warnings)
            use(rendered.pdf, name)

        self._start(shown_title(name), lambda _progress: render(), shown)

    def _ask_ics(self, stem: str, render: Callable[[], bytes]) -> None:
        title = tr(_CONTEXT, "Kalenderdatei speichern")
        self._dialogs.ask_save_file(
            self,
            title,
            tr(_CONTEXT, "Kalenderdateien (*.ics)"),
            council_file_name(self._settings, self._council_id, f"{stem}.ics"),
            lambda path: self._save(title, Path(path), render),
            FileKind.PDF,
        )

    def _save(
        self,
        title: str,
        target: Path,
        render: Callable[[], RenderedPdf | InvitationMail | bytes],
        next_step: Callable[[], str] = lambda: "",
        *,
        private: bool = False,
    ) -> None:
        """Render and write ``target`` in the background; then say so (with its warnings,
        and a PDF's ``next_step``); ``private``: a PDF for the user alone."""
        if self.busy():
            return

        def work(progress: Progress) -> tuple[tuple[str, ...], str]:
            rendered = render()
            progress(1, 1)  # "Abbrechen" until here: nothing is written
            if isinstance(rendered, RenderedPdf):
                write_file(target, rendered.pdf, private=private)
                return tuple(rendered.warnings), next_step()
            if isinstance(rendered, InvitationMail):
                write_file(target, rendered.eml, private=True)  # the members' addresses
                return rendered.notes, _mail_note(rendered)
            write_file(target, rendered)
            return (), ""

        self._start(title, work, lambda done: self._saved(title, target, *done))

    def _start(
        self, title: str, work: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> None:
        """Save the input typed on the page, then run ``work`` behind a progress dialog;
        ``done`` gets its result, an expected error becomes a warning titled ``title``."""

        def start() -> None:
            if self.busy():
                return
            self.job = Job(work)
            self.job.finished.connect(done)
            self.job.failed.connect(lambda message: self._dialogs.warning(self, title, message))
            start_with_progress(self.job, self, title, tr(_CONTEXT, "Das Dokument wird erstellt …"))

        not_done = tr(_CONTEXT, "Das Dokument wurde nicht erstellt.")
        self._saved_first(start, unsaved_warning(self._dialogs, self, title, not_done))

    def _saved(self, title: str, target: Path, warnings: tuple[str, ...], note: str) -> None:
        self._show_warnings(warnings)
        text = tr(_CONTEXT, "„{}“ wurde gespeichert.").format(target.name)
        self._dialogs.file_saved(self, title, f"{text} {note}".strip(), str(target))


def _mail_note(mail: InvitationMail) -> str:
    """ "An 8 Mitglieder adressiert; …": what to do with the draft (and, while the meeting
    is planned, that the invitation is recorded as sent only by "Einladung versandt")."""
    who = (
        tr(_CONTEXT, "An 1 Mitglied adressiert")
        if mail.recipients == 1
        else tr(_CONTEXT, "An {} Mitglieder adressiert").format(mail.recipients)
    )
    note = tr(
        _CONTEXT, "{}; öffnen Sie die Datei, um die E-Mail in Ihrem E-Mail-Programm zu senden."
    ).format(who)
    if mail.sent_on_to:
        note += tr(
            _CONTEXT,
            " Erfassen Sie danach den Versand mit „Einladung nachgesandt …“ (die Ladungsfrist "
            "bleibt, wie sie ist).",
        )
    if mail.not_sent_yet:
        note += f" {record_sending_note()}"
    return note
