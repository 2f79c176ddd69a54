"""The document buttons of the Sitzungen page and where they sit; :class:`MeetingDocumentActions`
adds what they do (the view/controller split of the house style).

Two columns of buttons (each says in its tooltip what document it makes). Before the
meeting: "Einladung …" ("Absage …" for a cancelled one), "Serienbrief …" (one letter per
member in one file), "Ablaufplan …" (PDFs; none for a cancelled meeting) and "Kalender …"
(.ics: its menu saves "Diese Sitzung …" or "Alle Sitzungen …", the council's calendar file
once it has a meeting); after it: "Protokoll …" and "Öffentliches Protokoll …", and
"Sitzungsmappe …" (before the meeting too) and the sign-in sheet "Anwesenheitsliste …" (none
for a cancelled meeting). Four rows at most: the meetings list beside them stays short, the
tabs below keep their room. A PDF button's menu offers "Als PDF speichern …", "Vorschau …"
and "Drucken …"; the invitation's also "Als E-Mail-Entwurf speichern …", the Sitzungsmappe's
the same three for its "Öffentliche Fassung". Letters a PDF cannot print are listed under
the buttons. On a page too narrow for the two columns beside the list, one "Dokumente"
button holds their menus (:meth:`set_compact`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QMenu, QPushButton, QVBoxLayout, QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meetings import Meeting
from expertenrat.ui.folding_document_buttons import FoldingDocumentButtons
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_document_tips import (
    attendance_list_tip,
    dossier_tips,
    letter_texts,
    run_sheet_tip,
)
from expertenrat.ui.meeting_pdf_documents import MeetingPdfDocuments, PdfDocument
from expertenrat.ui.pdf_menu_button import PdfMenu, PdfMenuButton
from expertenrat.ui.widgets import WholeWrappingLabel

_CONTEXT = "MeetingDocumentActions"


class MeetingDocumentActionsView(QGroupBox):
    def __init__(self, documents: MeetingPdfDocuments, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Dokumente"), parent)
        self._council_id: int | None = None
        self._has_meetings = False  # the council has a meeting ("Alle Sitzungen …")
        self._meeting: Meeting | None = None
        self.documents = documents
        letter, letter_tip, letters_tip = letter_texts(cancelled=False)
        self.invitation_button = self._pdf_button(letter, letter_tip, self.documents.invitation)
        self.mail_action = self.invitation_button.add_action(
            tr(_CONTEXT, "Als &E-Mail-Entwurf speichern …"), lambda: self.ask_mail()
        )
        self.letters_button = self._pdf_button(
            tr(_CONTEXT, "Serienbrief …"), letters_tip, self.documents.letters
        )
        self.run_sheet_button = self._pdf_button(
            tr(_CONTEXT, "Ablaufplan …"),
            run_sheet_tip(cancelled=False),
            self.documents.run_sheet,
        )
        self.ics_button = self._button(
            tr(_CONTEXT, "Kalender …"),
            tr(_CONTEXT, "Die Sitzung oder alle Sitzungen als Kalenderdatei (.ics)"),
        )
        calendar_menu = QMenu(self.ics_button)
        calendar_menu.setToolTipsVisible(True)
        self.ics_action = calendar_menu.addAction(tr(_CONTEXT, "&Diese Sitzung …"))
        self.ics_action.setToolTip(
            tr(
                _CONTEXT,
                "Die Sitzung als Kalenderdatei (.ics) mit der öffentlichen Tagesordnung, etwa "
                "für die Website (die Mitglieder erhalten ihren Termin mit der Einladung)",
            )
        )
        self.all_ics_action = calendar_menu.addAction(tr(_CONTEXT, "&Alle Sitzungen …"))
        self.all_ics_action.setToolTip(
            tr(
                _CONTEXT,
                "Alle Sitzungen des Gremiums in einer Kalenderdatei (.ics; mit der öffentlichen "
                "Tagesordnung, abgesagte als abgesagt)",
            )
        )
        self.ics_button.setMenu(calendar_menu)
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
        self.attendance_list_button = self._pdf_button(
            tr(_CONTEXT, "Anwesenheitsliste …"),
            attendance_list_tip(cancelled=False),
            self.documents.attendance_list,
        )
        # The public version in the same button's menu: the column of buttons keeps the
        # width of "Öffentliches Protokoll …" and the meetings table beside it its room.
        public_dossier = PdfMenu(
            tr(_CONTEXT, "Öffentliche &Fassung"),  # a keyboard set to English has no Ö
            self.dossier_button.menu(),
            **self._pdf_callbacks(lambda: self.documents.dossier(public=True)),
        )
        self.public_dossier_menu = self.dossier_button.add_version(
            public_dossier, dossier_tips(coming=False)[1]
        )
        # Plain text (titles may hold "<"), wrapped, never cut at the bottom of the panel:
        # the pane beside the table grows by the lines the warning needs.
        self.warnings_label = WholeWrappingLabel()
        self.warnings_label.setObjectName("warningLabel")
        self.warnings_label.setVisible(False)
        # Two short columns beside the meetings table, before and after the meeting: the
        # table stays a few rows high and the detail tabs below get the room.
        after = (self.minutes_button, self.public_minutes_button, self.dossier_button)
        columns = (
            (self.invitation_button, self.letters_button, self.run_sheet_button, self.ics_button),
            (*after, self.attendance_list_button),
        )
        # In their place on a narrow page (set_compact): one button, their menus in its.
        self.buttons = FoldingDocumentButtons(
            columns,
            tr(_CONTEXT, "Dokumente"),
            tr(_CONTEXT, "Einladung, Protokoll, Sitzungsmappe und weitere Dokumente der Sitzung"),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.buttons)
        layout.addWidget(self.warnings_label)
        layout.addStretch(1)

        self.ics_action.triggered.connect(self.ask_ics)
        self.all_ics_action.triggered.connect(self.ask_all_ics)
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

    def set_compact(self, compact: bool) -> None:
        """One "Dokumente" button (``compact``) or the two columns of buttons."""
        self.buttons.set_folded(compact)
        self.setTitle("" if compact else tr(_CONTEXT, "Dokumente"))
        self.setFlat(compact)  # no empty frame under the one button

    def full_width(self) -> int:
        """The panel's least width with the two columns of buttons (whichever it shows)."""
        margins = self.layout().contentsMargins()
        frame = self.width() - self.contentsRect().width() + margins.left() + margins.right()
        return frame + self.buttons.columns_width()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        return button

    def _pdf_button(
        self, text: str, tip: str, document: Callable[[], PdfDocument | None]
    ) -> PdfMenuButton:
        return PdfMenuButton(text, tip, parent=self, **self._pdf_callbacks(document))

    def _pdf_callbacks(
        self, document: Callable[[], PdfDocument | None]
    ) -> dict[str, Callable[[], None]]:
        """What a PDF menu's "Als PDF speichern …", "Vorschau …" and "Drucken …" do."""
        return {
            "save": lambda: self.ask_save(document()),
            "preview": lambda: self.preview(document()),
            "print_": lambda: self.print_pdf(document()),
        }

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        """Letters the PDF cannot print are listed under the buttons; the PDF is complete."""
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _update_buttons(self) -> None:
        shown = self._meeting is not None
        for button in (self.invitation_button, self.letters_button):
            button.setEnabled(shown)
        self.ics_action.setEnabled(shown)
        cancelled = self._meeting is not None and self._meeting.state is MeetingState.CANCELLED
        self.run_sheet_button.setEnabled(shown and not cancelled)
        self.run_sheet_button.setToolTip(run_sheet_tip(cancelled=cancelled))
        self.attendance_list_button.setEnabled(shown and not cancelled)
        self.attendance_list_button.setToolTip(attendance_list_tip(cancelled=cancelled))
        letter, letter_tip, letters_tip = letter_texts(cancelled=cancelled)
        self.invitation_button.setText(letter)
        self.invitation_button.setToolTip(letter_tip)
        self.letters_button.setToolTip(letters_tip)
        self.all_ics_action.setEnabled(self._council_id is not None and self._has_meetings)
        self.ics_button.setEnabled(self.ics_action.isEnabled() or self.all_ics_action.isEnabled())
        held = self._meeting is not None and self._meeting.state is MeetingState.HELD
        for button in (self.minutes_button, self.public_minutes_button):
            button.setEnabled(held)
        # Before the meeting the Sitzungsmappe holds the invitation and the annexes; after
        # it the minutes too. Either begins with a cover listing its parts.
        coming = self._meeting is not None and self._meeting.state in (
            MeetingState.PLANNED,
            MeetingState.INVITED,
        )
        self.dossier_button.setEnabled(held or coming)
        dossier_tip, public_dossier_tip = dossier_tips(coming=coming)
        self.dossier_button.setToolTip(dossier_tip)
        self.public_dossier_menu.menuAction().setToolTip(public_dossier_tip)
        self.buttons.sync()

    # --- what the buttons do: MeetingDocumentActions --------------------------------------

    def ask_save(self, document: PdfDocument | None) -> None:
        raise NotImplementedError

    def preview(self, document: PdfDocument | None) -> None:
        raise NotImplementedError

    def print_pdf(self, document: PdfDocument | None) -> None:
        raise NotImplementedError

    def ask_mail(self) -> None:
        raise NotImplementedError

    def ask_ics(self) -> None:
        raise NotImplementedError

    def ask_all_ics(self) -> None:
        raise NotImplementedError
