"""The documents of the Sitzungen page: invitation, run sheet and calendar files to save.

Two columns of buttons (each says in its tooltip what file it saves). Before the meeting:
"Einladung …", "Serienbrief …" (one letter per member in one file), "Ablaufplan …" (PDFs)
and "Kalender …" (.ics); after it: "Protokoll …" and "Öffentliches Protokoll …" (approved
minutes are the stored file), "Sitzungsmappe …", and "Alle Sitzungen …" (the council's
calendar file). The user names the
file first; the service renders it and ``services.files`` writes it in a worker, behind a
progress dialog. Letters a PDF cannot print are listed under the buttons (the PDF is still
complete); a file that cannot be written is a German warning.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meetings import Meeting
from expertenrat.domain.progress import Progress
from expertenrat.services.context import Services
from expertenrat.services.files import write_file
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind
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
        self._minutes = services.minutes_documents
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._meeting: Meeting | None = None
        self.job: Job | None = None

        self.invitation_button = self._button(
            tr(_CONTEXT, "Einladung …"), tr(_CONTEXT, "Die Einladung als PDF-Datei speichern")
        )
        self.letters_button = self._button(
            tr(_CONTEXT, "Serienbrief …"),
            tr(_CONTEXT, "Je Mitglied eine persönlich adressierte Einladung, in einer PDF-Datei"),
        )
        self.run_sheet_button = self._button(
            tr(_CONTEXT, "Ablaufplan …"),
            tr(
                _CONTEXT,
                "Intern, für die Sitzungsleitung: Zeitplan, Vortragende, Befangenheiten (PDF)",
            ),
        )
        self.ics_button = self._button(
            tr(_CONTEXT, "Kalender …"), tr(_CONTEXT, "Die Sitzung als Kalenderdatei (.ics)")
        )
        self.minutes_button = self._button(
            tr(_CONTEXT, "Protokoll …"),
            tr(
                _CONTEXT,
                "Das Protokoll als PDF-Datei (ein genehmigtes: die bei der Genehmigung "
                "gespeicherte Datei)",
            ),
        )
        self.public_minutes_button = self._button(
            tr(_CONTEXT, "Öffentliches Protokoll …"),
            tr(_CONTEXT, "Das Protokoll ohne die nichtöffentlichen Tagesordnungspunkte (PDF)"),
        )
        self.dossier_button = self._button(
            tr(_CONTEXT, "Sitzungsmappe …"),
            tr(_CONTEXT, "Einladung, Protokoll und Anlagen in einer PDF-Datei"),
        )
        self.all_ics_button = self._button(
            tr(_CONTEXT, "Alle Sitzungen …"),
            tr(
                _CONTEXT,
                "Alle Sitzungen des Gremiums in einer Kalenderdatei (.ics; abgesagte als abgesagt)",
            ),
        )
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("warningLabel")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)  # titles may hold "<"
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

        self.invitation_button.clicked.connect(self.ask_invitation)
        self.letters_button.clicked.connect(self.ask_letters)
        self.run_sheet_button.clicked.connect(self.ask_run_sheet)
        self.ics_button.clicked.connect(self.ask_ics)
        self.all_ics_button.clicked.connect(self.ask_all_ics)
        self.minutes_button.clicked.connect(lambda: self.ask_minutes(public=False))
        self.public_minutes_button.clicked.connect(lambda: self.ask_minutes(public=True))
        self.dossier_button.clicked.connect(self.ask_dossier)
        self._update_buttons()

    def set_council(self, council_id: int | None) -> None:
        self._council_id = council_id
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

    # --- the documents ------------------------------------------------------------------

    def ask_invitation(self) -> None:
        meeting, today = self._meeting, self._today()
        if meeting is None:
            return
        documents = self._documents
        self._ask_pdf(
            tr(_CONTEXT, "Einladung speichern"),
            tr(_CONTEXT, "Einladung {}").format(_file_stem(meeting)),
            lambda: documents.invitation_pdf(meeting.id, today=today),
        )

    def ask_letters(self) -> None:
        meeting, today = self._meeting, self._today()
        if meeting is None:
            return
        documents = self._documents
        self._ask_pdf(
            tr(_CONTEXT, "Einladungen je Mitglied speichern"),
            tr(_CONTEXT, "Einladungen {}").format(_file_stem(meeting)),
            lambda: documents.invitation_letters_pdf(meeting.id, today=today),
        )

    def ask_run_sheet(self) -> None:
        meeting, today = self._meeting, self._today()
        if meeting is None:
            return
        documents = self._documents
        self._ask_pdf(
            tr(_CONTEXT, "Ablaufplan speichern"),
            tr(_CONTEXT, "Ablaufplan {}").format(_file_stem(meeting)),
            lambda: documents.run_sheet_pdf(meeting.id, today=today),
        )

    def ask_minutes(self, *, public: bool) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        minutes = self._minutes
        stem = (
            tr(_CONTEXT, "Protokoll {} öffentlich") if public else tr(_CONTEXT, "Protokoll {}")
        ).format(_file_stem(meeting))
        self._ask_pdf(
            tr(_CONTEXT, "Protokoll speichern"),
            stem,
            lambda: minutes.minutes_pdf(meeting.id, public=public),
        )

    def ask_dossier(self) -> None:
        meeting, today = self._meeting, self._today()
        if meeting is None:
            return
        minutes = self._minutes
        self._ask_pdf(
            tr(_CONTEXT, "Sitzungsmappe speichern"),
            tr(_CONTEXT, "Sitzungsmappe {}").format(_file_stem(meeting)),
            lambda: minutes.dossier_pdf(meeting.id, today=today),
        )

    def ask_ics(self) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        documents = self._documents
        self._ask_ics(
            tr(_CONTEXT, "Kalender {}").format(_file_stem(meeting)),
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

    def _ask_pdf(self, title: str, stem: str, render: Callable[[], RenderedPdf]) -> None:
        self._dialogs.ask_save_file(
            self,
            title,
            tr(_CONTEXT, "PDF-Dokumente (*.pdf)"),
            f"{stem}.pdf",
            lambda path: self._save(title, Path(path), render),
            FileKind.PDF,
        )

    def _ask_ics(self, stem: str, render: Callable[[], bytes]) -> None:
        title = tr(_CONTEXT, "Kalenderdatei speichern")
        self._dialogs.ask_save_file(
            self,
            title,
            tr(_CONTEXT, "Kalenderdateien (*.ics)"),
            f"{stem}.ics",
            lambda path: self._save(title, Path(path), render),
            FileKind.PDF,
        )

    def _save(self, title: str, target: Path, render: Callable[[], RenderedPdf | bytes]) -> None:
        """Render and write ``target`` in the background; then say so (with its warnings)."""
        if self.busy():
            return

        def work(_progress: Progress) -> tuple[str, ...]:
            rendered = render()
            if isinstance(rendered, RenderedPdf):
                write_file(target, rendered.pdf)
                return tuple(rendered.warnings)
            write_file(target, rendered)
            return ()

        self.job = Job(work)
        self.job.finished.connect(lambda warnings: self._saved(title, target, warnings))
        self.job.failed.connect(lambda message: self._dialogs.warning(self, title, message))
        start_with_progress(self.job, self, title, tr(_CONTEXT, "Das Dokument wird erstellt …"))

    def _saved(self, title: str, target: Path, warnings: tuple[str, ...]) -> None:
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))
        self._dialogs.file_saved(
            self, title, tr(_CONTEXT, "„{}“ wurde gespeichert.").format(target.name), str(target)
        )

    def _update_buttons(self) -> None:
        shown = self._meeting is not None
        for button in (
            self.invitation_button,
            self.letters_button,
            self.run_sheet_button,
            self.ics_button,
        ):
            button.setEnabled(shown)
        self.all_ics_button.setEnabled(self._council_id is not None)
        held = self._meeting is not None and self._meeting.state is MeetingState.HELD
        for button in (self.minutes_button, self.public_minutes_button, self.dossier_button):
            button.setEnabled(held)


def _file_stem(meeting: Meeting) -> str:
    """ "5. Sitzung 2026-12-08" (the number, not the title: titles may hold "/" or ":")."""
    number = f"{meeting.number}. Sitzung" if meeting.number else tr(_CONTEXT, "Sitzung")
    return f"{number} {meeting.starts_at:%Y-%m-%d}"
