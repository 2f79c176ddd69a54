"""The PDF documents of the meeting shown on the Sitzungen page, not rendered yet: the
invitation, one letter per member, the run sheet, the sign-in sheet, the full and the
public minutes and the full and the public dossier. Each names the title of its save
dialog, its name (the file's stem and the print job's name, :func:`file_stem`) and how
the worker renders it (:mod:`ui.meeting_document_actions` saves, previews or prints it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_numbers import meeting_file_stem
from expertenrat.domain.meetings import Meeting
from expertenrat.services.context import Services
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingDocumentActions"


@dataclass(frozen=True)
class PdfDocument:
    """A PDF document of the meeting, not rendered yet."""

    save_title: str  # "Einladung speichern"
    name: str  # "Einladung 5. Sitzung 2026-12-08": the file's stem and the print job's name
    render: Callable[[], RenderedPdf]  # runs in the worker
    # Said once the file is saved, asked in the worker after the render: what to do next
    # (an invitation of a planned meeting, minutes never sent: record the sending).
    next_step: Callable[[], str] = lambda: ""
    # Personal data for the secretariat alone (every member's postal address): the saved
    # file is the user's alone, as the internal roster is.
    private: bool = False


class MeetingPdfDocuments:
    def __init__(
        self,
        services: Services,
        today: Callable[[], date],
        meeting: Callable[[], Meeting | None],
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: none, and no document)."""
        self._documents = services.meeting_documents
        self._minutes = services.minutes_documents
        self._approval = services.minutes_approval
        self._today = today
        self._meeting = meeting

    def invitation(self) -> PdfDocument | None:
        if self._cancelled():  # the letter is the cancellation
            return self._as_of_today(
                tr(_CONTEXT, "Absage speichern"),
                tr(_CONTEXT, "Absage {}"),
                self._documents.invitation_pdf,
            )
        return self._as_of_today(
            tr(_CONTEXT, "Einladung speichern"),
            tr(_CONTEXT, "Einladung {}"),
            self._documents.invitation_pdf,
            self._record_sending(),
        )

    def letters(self) -> PdfDocument | None:
        """One letter per member, each with the member's postal address: private."""
        if self._cancelled():
            return self._as_of_today(
                tr(_CONTEXT, "Absagen je Mitglied speichern"),
                tr(_CONTEXT, "Absagen {}"),
                self._documents.invitation_letters_pdf,
                private=True,
            )
        return self._as_of_today(
            tr(_CONTEXT, "Einladungen je Mitglied speichern"),
            tr(_CONTEXT, "Einladungen {}"),
            self._documents.invitation_letters_pdf,
            self._record_sending(),
            private=True,
        )

    def run_sheet(self) -> PdfDocument | None:
        return self._as_of_today(
            tr(_CONTEXT, "Ablaufplan speichern"),
            tr(_CONTEXT, "Ablaufplan {}"),
            self._documents.run_sheet_pdf,
        )

    def attendance_list(self) -> PdfDocument | None:
        return self._as_of_today(
            tr(_CONTEXT, "Anwesenheitsliste speichern"),
            tr(_CONTEXT, "Anwesenheitsliste {}"),
            self._documents.attendance_list_pdf,
        )

    def minutes(self, *, public: bool) -> PdfDocument | None:
        """Approved minutes are the PDF stored at the approval, byte for byte."""
        meeting = self._meeting()
        if meeting is None:
            return None
        minutes = self._minutes
        name = (
            tr(_CONTEXT, "Protokoll {} öffentlich") if public else tr(_CONTEXT, "Protokoll {}")
        ).format(file_stem(meeting))
        return PdfDocument(
            tr(_CONTEXT, "Protokoll speichern"),
            name,
            lambda: minutes.minutes_pdf(meeting.id, public=public),
            (lambda: "") if public else self._circulation_step(meeting.id),
        )

    def dossier(self, *, public: bool = False) -> PdfDocument | None:
        """The Sitzungsmappe; ``public``: of the public invitation, the public minutes and
        the annexes marked public."""
        if public:
            return self._as_of_today(
                tr(_CONTEXT, "Öffentliche Sitzungsmappe speichern"),
                tr(_CONTEXT, "Sitzungsmappe {} öffentlich"),
                functools.partial(self._minutes.dossier_pdf, public=True),
            )
        return self._as_of_today(
            tr(_CONTEXT, "Sitzungsmappe speichern"),
            tr(_CONTEXT, "Sitzungsmappe {}"),
            self._minutes.dossier_pdf,
        )

    def _cancelled(self) -> bool:
        meeting = self._meeting()
        return meeting is not None and meeting.state is MeetingState.CANCELLED

    def _record_sending(self) -> Callable[[], str]:
        """The next step after saving the invitation of a planned meeting (found by a
        tester: saved as PDF to be printed and posted, it was not recorded as sent, and the
        Übersicht went on asking for it)."""
        meeting = self._meeting()
        planned = meeting is not None and meeting.state is MeetingState.PLANNED
        note = record_sending_note() if planned else ""
        return lambda: note

    def _circulation_step(self, meeting_id: int) -> Callable[[], str]:
        """The next step after saving the full minutes of a held meeting never sent (found
        by a tester, as for the invitation: mailed as a file, the sending was not recorded,
        so no deadline for objections ran and no agenda carried the approval); whether
        they were sent is read in the worker, the words are translated here."""
        note = tr(
            _CONTEXT,
            "Erfassen Sie den Versand danach im Reiter „Genehmigung“ mit „Protokoll "
            "versenden …“ (Frist für Einwände).",
        )
        approval = self._approval

        def step() -> str:
            status = approval.status(meeting_id)
            return note if status.held and not status.versions else ""

        return step

    def _as_of_today(
        self,
        save_title: str,
        name: str,
        render: Callable[..., RenderedPdf],
        next_step: Callable[[], str] = lambda: "",
        *,
        private: bool = False,
    ) -> PdfDocument | None:
        """The shown meeting's document that ``render`` makes as of today (None: no meeting
        shown); ``name`` holds "{}" for the meeting's :func:`file_stem`."""
        meeting, today = self._meeting(), self._today()
        if meeting is None:
            return None
        return PdfDocument(
            save_title,
            name.format(file_stem(meeting)),
            lambda: render(meeting.id, today=today),
            next_step,
            private,
        )


def record_sending_note() -> str:
    """What to do once the invitation of a planned meeting is out, as a file or a mail
    draft: the sending is recorded only by "Einladung versandt"."""
    return tr(_CONTEXT, "Erfassen Sie danach den Versand mit „Einladung versandt“ (Ladungsfrist).")


def file_stem(meeting: Meeting) -> str:
    """ "5. Sitzung 2026-12-08" (the number, not the title: titles may hold "/" or ":");
    without a number "Sitzung …" or "Klausur …", as the documents call the meeting."""
    return meeting_file_stem(meeting.number, meeting.kind, meeting.starts_at.date())
