"""The documents of the Sitzungen page: invitation, run sheet, minutes and calendar files.

Two columns of buttons (each says in its tooltip what document it makes). Before the
meeting: "Einladung …", "Serienbrief …" (one letter per member in one file), "Ablaufplan …"
(PDFs) and "Kalender …" (.ics); after it: "Protokoll …" and "Öffentliches Protokoll …"
(approved minutes are the stored file), "Sitzungsmappe …", and "Alle Sitzungen …" (the
council's calendar file, once it has a meeting). A PDF button's menu offers "Als PDF
speichern …", "Vorschau …" and "Drucken …"; the invitation's also "Als E-Mail-Entwurf
speichern …" (an .eml to the members with the PDF and the calendar file). To save, the
user names the file first; the service renders it and ``services.files`` writes it in a
worker, behind a progress dialog. To preview or print, the worker renders it and
``PdfPrintActions`` puts those very pages on the printer. Letters a PDF cannot print are
listed under the buttons (the PDF is still complete); a file that cannot be written or a
printer that refuses is a German warning.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout, QGroupBox, QPushButton, QWidget

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_documents import InvitationMail
from expertenrat.domain.meetings import Meeting
from expertenrat.domain.progress import Progress
from expertenrat.services.context import Services
from expertenrat.services.files import write_file
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_pdf_documents import MeetingPdfDocuments, PdfDocument, file_stem
from expertenrat.ui.pdf_menu_button import PdfMenuButton
from expertenrat.ui.pdf_printing import PdfPrintActions
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.widgets import WholeWrappingLabel
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "MeetingDocumentActions"


class MeetingDocumentActions(QGroupBox):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr(_CONTEXT, "Dokumente"), parent)
        self._documents = services.meeting_documents
        self._settings = services.settings
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._has_meetings = False  # the council has a meeting ("Alle Sitzungen …")
        self._meeting: Meeting | None = None
        self.job: Job | None = None

        self.documents = MeetingPdfDocuments(services, today, lambda: self._meeting)
        self.printing = PdfPrintActions(dialogs, self)
        self.invitation_button = self._pdf_button(
            tr(_CONTEXT, "Einladung …"),
            tr(_CONTEXT, "Die Einladung an die Mitglieder (PDF)"),
            self.documents.invitation,
        )
        self.mail_action = self.invitation_button.add_action(
            tr(_CONTEXT, "Als E-Mail-Entwurf speichern …"), self.ask_mail
        )
        self.letters_button = self._pdf_button(
            tr(_CONTEXT, "Serienbrief …"),
            tr(_CONTEXT, "Je Mitglied eine persönlich adressierte Einladung, in einer PDF-Datei"),
            self.documents.letters,
        )
        self.run_sheet_button = self._pdf_button(
            tr(_CONTEXT, "Ablaufplan …"),
            tr(
                _CONTEXT,
                "Intern, für die Sitzungsleitung: Zeitplan, Vortragende, Befangenheiten (PDF)",
            ),
            self.documents.run_sheet,
        )
        self.ics_button = self._button(
            tr(_CONTEXT, "Kalender …"), tr(_CONTEXT, "Die Sitzung als Kalenderdatei (.ics)")
        )
        self.minutes_button = self._pdf_button(
            tr(_CONTEXT, "Protokoll …"),
            tr(
                _CONTEXT,
                "Das Protokoll als PDF-Datei (ein genehmigtes: die bei der Genehmigung "
                "gespeicherte Datei)",
            ),
            lambda: self.documents.minutes(public=False),
        )
        self.public_minutes_button = self._pdf_button(
            tr(_CONTEXT, "Öffentliches Protokoll …"),
            tr(_CONTEXT, "Das Protokoll ohne die nichtöffentlichen Tagesordnungspunkte (PDF)"),
            lambda: self.documents.minutes(public=True),
        )
        self.dossier_button = self._pdf_button(
            tr(_CONTEXT, "Sitzungsmappe …"),
            tr(_CONTEXT, "Einladung, Protokoll und Anlagen in einer PDF-Datei"),
            self.documents.dossier,
        )
        self.all_ics_button = self._button(
            tr(_CONTEXT, "Alle Sitzungen …"),
            tr(
                _CONTEXT,
                "Alle Sitzungen des Gremiums in einer Kalenderdatei (.ics; abgesagte als abgesagt)",
            ),
        )
        # Plain text (titles may hold "<"), wrapped, never cut at the bottom of the panel:
        # the pane beside the table grows by the lines the warning needs.
        self.warnings_label = WholeWrappingLabel()
        self.warnings_label.setObjectName("warningLabel")
        self.warnings_label.setVisible(False)
        # Two short columns beside the meetings table, before and after the meeting: the
        # table stays a few rows high and the detail tabs below get the room.
        layout = QGridLayout(self)
        columns = (
            (self.invitation_button, self.letters_button, self.run_sheet_button, self.ics_button),
            (
                self.minutes_button,
                self.public_minutes_button,
                self.dossier_button,
                self.all_ics_button,
            ),
        )
        for column, buttons in enumerate(columns):
            for row, button in enumerate(buttons):
                layout.addWidget(button, row, column)
        layout.addWidget(self.warnings_label, len(columns[0]), 0, 1, 2)
        layout.setRowStretch(len(columns[0]) + 1, 1)

        self.ics_button.clicked.connect(self.ask_ics)
        self.all_ics_button.clicked.connect(self.ask_all_ics)
        self._update_buttons()

    def set_council(self, council_id: int | None) -> None:
        """The council whose meetings "Alle Sitzungen …" saves (once it has some: see
        :meth:`set_has_meetings`)."""
        if council_id != self._council_id:
            self._has_meetings = False
        self._council_id = council_id
        self._update_buttons()

    def set_has_meetings(self, has_meetings: bool) -> None:
        """Whether the council has a meeting at all (else "Alle Sitzungen …" is off)."""
        self._has_meetings = has_meetings
        self._update_buttons()

    def set_meeting(self, meeting: Meeting | None) -> None:
        """The meeting whose documents the buttons save (``None``: none is shown)."""
        self._meeting = meeting
        self._update_buttons()

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        return button

    def _pdf_button(
        self, text: str, tip: str, document: Callable[[], PdfDocument | None]
    ) -> PdfMenuButton:
        return PdfMenuButton(
            text,
            tip,
            save=lambda: self.ask_save(document()),
            preview=lambda: self.hand_over(document(), self.printing.preview),
            print_=lambda: self.hand_over(document(), self.printing.print),
            parent=self,
        )

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

    def ask_mail(self) -> None:
        """Ask where to save the invitation (or cancellation) as an e-mail draft to the
        members, with the PDF and the calendar file attached; then make and write it."""
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
                title, Path(path), lambda: documents.invitation_mail(meeting.id, today=today)
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
            lambda path: self._save(document.save_title, Path(path), document.render),
            FileKind.PDF,
        )

    def hand_over(self, document: PdfDocument | None, use: Callable[[bytes, str], None]) -> None:
        """Render ``document`` in the background, then ``use`` its PDF (preview or print)."""
        if document is None or self.busy():
            return
        name, render = document.name, document.render

        def shown(rendered: RenderedPdf) -> None:
            self._show_warnings(rendered.warnings)
            use(rendered.pdf, name)

        self._start(name, lambda _progress: render(), shown)

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
        self, title: str, target: Path, render: Callable[[], RenderedPdf | InvitationMail | bytes]
    ) -> None:
        """Render and write ``target`` in the background; then say so (with its warnings)."""
        if self.busy():
            return

        def work(progress: Progress) -> tuple[tuple[str, ...], str]:
            rendered = render()
            progress(1, 1)  # "Abbrechen" until here: nothing is written
            if isinstance(rendered, RenderedPdf):
                write_file(target, rendered.pdf)
                return tuple(rendered.warnings), ""
            if isinstance(rendered, InvitationMail):
                write_file(target, rendered.eml)
                return rendered.notes, _mail_note(rendered)
            write_file(target, rendered)
            return (), ""

        self._start(title, work, lambda done: self._saved(title, target, *done))

    def _start(
        self, title: str, work: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> None:
        """Run ``work`` behind a progress dialog; ``done`` gets its result, an expected error
        becomes a warning titled ``title``."""
        self.job = Job(work)
        self.job.finished.connect(done)
        self.job.failed.connect(lambda message: self._dialogs.warning(self, title, message))
        start_with_progress(self.job, self, title, tr(_CONTEXT, "Das Dokument wird erstellt …"))

    def _saved(self, title: str, target: Path, warnings: tuple[str, ...], note: str) -> None:
        self._show_warnings(warnings)
        text = tr(_CONTEXT, "„{}“ wurde gespeichert.").format(target.name)
        self._dialogs.file_saved(self, title, f"{text} {note}".strip(), str(target))

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        """Letters the PDF cannot print are listed under the buttons; the PDF is complete."""
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _update_buttons(self) -> None:
        shown = self._meeting is not None
        for button in (
            self.invitation_button,
            self.letters_button,
            self.run_sheet_button,
            self.ics_button,
        ):
            button.setEnabled(shown)
        cancelled = self._meeting is not None and self._meeting.state is MeetingState.CANCELLED
        if cancelled:  # the letter tells the members the meeting does not take place
            self.invitation_button.setText(tr(_CONTEXT, "Absage …"))
            self.invitation_button.setToolTip(tr(_CONTEXT, "Die Absage an die Mitglieder (PDF)"))
            self.letters_button.setToolTip(
                tr(_CONTEXT, "Je Mitglied eine persönlich adressierte Absage, in einer PDF-Datei")
            )
        else:
            self.invitation_button.setText(tr(_CONTEXT, "Einladung …"))
            self.invitation_button.setToolTip(tr(_CONTEXT, "Die Einladung an die Mitglieder (PDF)"))
            self.letters_button.setToolTip(
                tr(
                    _CONTEXT,
                    "Je Mitglied eine persönlich adressierte Einladung, in einer PDF-Datei",
                )
            )
        self.all_ics_button.setEnabled(self._council_id is not None and self._has_meetings)
        held = self._meeting is not None and self._meeting.state is MeetingState.HELD
        for button in (self.minutes_button, self.public_minutes_button):
            button.setEnabled(held)
        # Before the meeting the Sitzungsmappe holds the invitation and the annexes.
        coming = self._meeting is not None and self._meeting.state in (
            MeetingState.PLANNED,
            MeetingState.INVITED,
        )
        self.dossier_button.setEnabled(held or coming)
        self.dossier_button.setToolTip(
            tr(
                _CONTEXT,
                "Deckblatt mit Stand, Einladung mit Tagesordnung und Anlagen in einer "
                "PDF-Datei (das Protokoll folgt nach der Sitzung)",
            )
            if coming
            else tr(_CONTEXT, "Einladung, Protokoll und Anlagen in einer PDF-Datei")
        )


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
    if mail.not_sent_yet:
        note += tr(
            _CONTEXT, " Erfassen Sie danach den Versand mit „Einladung versandt“ (Ladungsfrist)."
        )
    return note
