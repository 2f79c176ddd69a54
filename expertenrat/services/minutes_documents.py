"""The minutes of a meeting as PDF (full or public) and the Sitzungsmappe (dossier).

The minutes PDFs, fresh drafts or the stored approved files, are
:mod:`expertenrat.services.minutes_pdfs`.

The Sitzungsmappe merges the invitation, the full minutes and the meeting's annexes
(``services.annexes``) into one PDF with a bookmark for each part
(:mod:`expertenrat.services.pdf_bundles`). Before the meeting
(planned or invited) it is a cover dated the day it was made, the invitation with the
agenda and the annexes: what the members get to prepare. Every page of it carries its
number in the whole bundle; the parts Expertenrat renders for it leave out their own
"Seite x von y", so no page shows two numbers. Annexes and approved minutes are put in as
they are stored (the approved file is the record, checked by its SHA-256), with their
own page numbers, if any.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.annexes import Annex
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_document_titles import pack_invitation_name
from expertenrat.domain.meetings import list_label
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.public_invitation import public_invitation
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.attendance_rows import live_meeting
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_pdfs import (
    MeetingNotHeldError,
    MinutesPdf,
    current_document,
    render_pdf,
    stored_pdf,
)
from expertenrat.services.minutes_rows import held_meeting
from expertenrat.services.pdf_bundles import merge, merge_read, page_counts, read_parts
from expertenrat.services.unit_of_work import reading
from expertenrat.store.database import Database


class MinutesDocumentsService:
    def __init__(
        self,
        database: Database,
        meeting_documents: MeetingDocumentsService,
        annexes: AnnexesService,
    ) -> None:
        self._db = database
        self._meeting_documents = meeting_documents
        self._annexes = annexes

    def document(self, meeting_id: int, *, public: bool = False) -> MinutesDocument:
        """The minutes as a document (what a fresh PDF would print)."""
        with reading(self._db) as session:
            return current_document(session, meeting_id, public=public)

    def minutes(
        self, meeting_id: int, *, public: bool = False, page_numbers: bool = True
    ) -> MinutesPdf:
        """The minutes PDF: the stored bytes once approved, a fresh draft before (without
        "Seite x von y" if not ``page_numbers``: for a Sitzungsmappe)."""
        with reading(self._db) as session:
            held_meeting(session, meeting_id)
            stored = stored_pdf(session, meeting_id, public=public)
            if stored is not None:
                return stored
            doc = current_document(session, meeting_id, public=public)
        return MinutesPdf(render_pdf(doc, page_numbers=page_numbers))

    def minutes_pdf(self, meeting_id: int, *, public: bool = False) -> RenderedPdf:
        return self.minutes(meeting_id, public=public).rendered

    def dossier_pdf(
        self, meeting_id: int, *, today: date | None = None, public: bool = False
    ) -> RenderedPdf:
        """The Sitzungsmappe: invitation, full minutes and annexes in one PDF, bookmarked.
        Before the meeting (planned or invited) it holds a cover dated ``today`` (the
        council's today by default), the invitation with the agenda and the annexes
        (:meth:`_pack_before_meeting`); a cancelled meeting has none. ``public``: the
        public Sitzungsmappe, of the public invitation, the public minutes and only the
        annexes marked public (numbered as the public minutes list them)."""
        with reading(self._db) as session:
            meeting = live_meeting(session, meeting_id)
            state = MeetingState(meeting.state)
            sent_on = meeting.invitation_sent_on
            today = today or council_clock(session, meeting.council_id).today()
        if state is MeetingState.CANCELLED:
            raise MeetingNotHeldError(
                "Die Sitzung ist abgesagt: für sie gibt es keine Sitzungsmappe (die Absage "
                "steht unter „Einladung …“)."
            )
        if state in (MeetingState.PLANNED, MeetingState.INVITED):
            return self._pack_before_meeting(meeting_id, today, sent_on, public=public)
        minutes = self.minutes(meeting_id, public=public, page_numbers=False)
        invitation = self._meeting_documents.invitation_pdf(
            meeting_id, today=today, page_numbers=False, public=public
        )
        doc = self.document(meeting_id, public=public)
        annexes = self._annex_contents(meeting_id, public=public)
        parts = [
            ("Einladung", invitation.pdf),
            (
                f"{doc.heading} (öffentliche Fassung)" if public else doc.heading,
                minutes.rendered.pdf,
            ),
            *((a.label, content) for a, content in annexes),
        ]
        head = doc.letterhead
        name = list_label(doc.number, doc.kind, doc.title)
        pdf = merge(
            parts,
            {
                "/Title": f"{_dossier_name(public)} der {name}",
                "/Author": head.council_name,
                "/Subject": _marked(
                    f"{_contents(annexes, 'Protokoll')} der {name} am {doc.day:%d.%m.%Y}", public
                ),
                "/Keywords": f"Sitzungsmappe, Protokoll, {head.council_name}"
                + (", öffentliche Fassung" if public else ""),
            },
        )
        warnings = (*invitation.warnings, *minutes.rendered.warnings)
        return RenderedPdf(pdf, tuple(dict.fromkeys(warnings)), len(parts))

    def _annex_contents(self, meeting_id: int, *, public: bool) -> list[tuple[Annex, bytes]]:
        """The annexes with their bytes; ``public``: only those marked public (annexes
        belong to the meeting, not to an item: the mark is what the public minutes list
        too), numbered anew as the public minutes number them."""
        annexes = self._annexes.contents(meeting_id)
        if not public:
            return annexes
        shown = [(a, content) for a, content in annexes if a.public]
        return [(replace(a, number=n), content) for n, (a, content) in enumerate(shown, 1)]

    def _pack_before_meeting(
        self, meeting_id: int, today: date, invitation_sent_on: date | None, *, public: bool
    ) -> RenderedPdf:
        """Cover, invitation (with the agenda) and annexes of a meeting still to come;
        ``records`` counts the parts (cover and invitation, then one per annex)."""
        from expertenrat.reports.meeting_pack_cover_pdf import render_pack_cover

        meeting = self._meeting_documents.document(meeting_id, today=today)
        if public:
            meeting = public_invitation(meeting)
        invitation = self._meeting_documents.invitation_pdf(
            meeting_id, today=today, page_numbers=False, public=public
        )
        annexes = self._annex_contents(meeting_id, public=public)
        contents = read_parts(
            [
                (pack_invitation_name(meeting, public=public), invitation.pdf),
                *((a.label, content) for a, content in annexes),
            ]
        )
        labels = [a.label for a, _ in annexes]
        counts = page_counts(contents)
        cover_pages = 1
        while True:  # the list of contents gives each part's first page in the bundle
            starts = [cover_pages + 1 + sum(counts[:n]) for n in range(len(counts))]
            cover = render_pack_cover(
                meeting, today, invitation_sent_on, labels, starts, public=public
            )
            pages = page_counts(read_parts([("Deckblatt", cover.pdf)]))[0]
            if pages == cover_pages:
                break
            cover_pages = pages
        parts = [*read_parts([("Deckblatt", cover.pdf)]), *contents]
        name = list_label(meeting.number, meeting.kind, meeting.title)
        head = meeting.letterhead
        pdf = merge_read(
            parts,
            {
                "/Title": f"{_dossier_name(public)} der {name} "
                f"(vor der Sitzung, Stand {today:%d.%m.%Y})",
                "/Author": head.council_name,
                "/Subject": _marked(
                    f"{_contents(annexes, 'Tagesordnung')} der {name} am {meeting.start:%d.%m.%Y}",
                    public,
                ),
                "/Keywords": f"Sitzungsmappe, Einladung, Tagesordnung, {head.council_name}"
                + (", öffentliche Fassung" if public else ""),
            },
        )
        warnings = (*cover.warnings, *invitation.warnings)
        return RenderedPdf(pdf, tuple(dict.fromkeys(warnings)), len(parts))


def _contents(annexes: list[tuple[Annex, bytes]], document: str) -> str:
    """What a Sitzungsmappe holds beside the invitation, for its description: "Einladung,
    Protokoll und Anlagen", and without annexes "Einladung und Protokoll" (it said "und
    Anlagen" where there were none)."""
    return f"Einladung, {document} und Anlagen" if annexes else f"Einladung und {document}"


def _marked(subject: str, public: bool) -> str:
    """A Sitzungsmappe's description, "… (öffentliche Fassung)" for the public one, before
    the meeting as after it (the one before it did not say so)."""
    return f"{subject} (öffentliche Fassung)" if public else subject


def _dossier_name(public: bool) -> str:
    return "Öffentliche Sitzungsmappe" if public else "Sitzungsmappe"
