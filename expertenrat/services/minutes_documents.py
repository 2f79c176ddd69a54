"""The minutes of a meeting as PDF (full or public) and the Sitzungsmappe (dossier).

Minutes exist for a held meeting. While they are not approved, every call renders a fresh
draft from the database (one reading session). Once a version is approved, the PDFs stored
with it (``minutes_versions.pdf`` / ``public_pdf``) are returned unchanged, byte for byte,
and only while they match the SHA-256 stored with them (``services.approved_minutes_pdfs``).

For another service's transaction (the approval renders, hashes and stores in ONE
transaction), ``render_minutes(doc) -> bytes`` renders a minutes document it has read
(``services.minutes_assembly``); with an ``approval`` stamp in the document
(``domain.minutes_document.ApprovalStamp``: approved_on, approved_in such as
"7. Sitzung am 12.03.2027", fingerprint = SHA-256 hex of the approved content snapshot,
see :func:`domain.minutes_versions.fingerprint`) the PDF says "Genehmigt am …
in der …" with the fingerprint and carries no "ENTWURF"; without, it is a draft.

The Sitzungsmappe merges the invitation, the full minutes and the meeting's annexes
(``services.annexes``) into one PDF with a bookmark for each part. Before the meeting
(planned or invited) it is a cover dated the day it was made, the invitation with the
agenda and the annexes: what the members get to prepare. Every page of it carries its
number in the whole bundle; the parts Expertenrat renders for it leave out their own
"Seite x von y", so no page shows two numbers. Annexes and approved minutes are put in as
they are stored (the approved file is the record, checked by its SHA-256), with their
own page numbers, if any.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.annexes import Annex
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState, MinutesState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meeting_documents import public_invitation
from expertenrat.domain.meetings import list_label
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_versions import pdf_fingerprint
from expertenrat.services.annexes import (
    AnnexesService,
    damaged_annex_error,
    pypdf_quiet,
    read_pdf,
)
from expertenrat.services.approved_minutes_pdfs import approved_pdfs
from expertenrat.services.attendance_rows import live_meeting
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_assembly import latest_version, meeting_label, minutes_document
from expertenrat.services.minutes_finishing import draft_finish
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database

if TYPE_CHECKING:
    from pypdf import PdfReader


class MeetingNotHeldError(ExpertenratError):
    """Minutes exist only for a meeting that took place."""


def render_minutes(doc: MinutesDocument, *, reproducible: bool = False) -> bytes:
    """The minutes PDF of ``doc`` (see the module doc); ``reproducible``: the same bytes
    for the same document."""
    return _render(doc, reproducible=reproducible).pdf


def _document(session: Session, meeting_id: int, *, public: bool) -> MinutesDocument:
    """The minutes document; a draft not sent yet says whether it is finished (as long as
    it is unchanged since)."""
    meeting = held_meeting(session, meeting_id)
    doc = minutes_document(session, meeting, public=public)
    if doc.state is not MinutesState.DRAFT:
        return doc
    finish = draft_finish(session, meeting)
    return replace(doc, finished_on=finish.finished_on) if finish.finished else doc


def _render(
    doc: MinutesDocument, *, reproducible: bool = False, page_numbers: bool = True
) -> RenderedPdf:
    from expertenrat.reports.minutes_pdf import render_minutes as render  # reportlab: on demand

    return render(doc, reproducible=reproducible, page_numbers=page_numbers)


def held_meeting(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting if it took place; otherwise a German message why there are no minutes."""
    meeting = live_meeting(session, meeting_id)
    if meeting.state != MeetingState.HELD.value:
        state = MeetingState(meeting.state).label
        raise MeetingNotHeldError(
            f"Die {meeting_label(meeting)} ist {state}, nicht durchgeführt: ein Protokoll gibt "
            "es erst für eine durchgeführte Sitzung."
        )
    return meeting


@dataclass(frozen=True, slots=True)
class MinutesPdf:
    """A minutes PDF with what the caller should know: whether it is the stored approved
    file (``approved``) and its SHA-256 if it is."""

    rendered: RenderedPdf
    approved: bool = False
    sha256: str | None = None


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
            return _document(session, meeting_id, public=public)

    def minutes(
        self, meeting_id: int, *, public: bool = False, page_numbers: bool = True
    ) -> MinutesPdf:
        """The minutes PDF: the stored bytes once approved, a fresh draft before (without
        "Seite x von y" if not ``page_numbers``: for a Sitzungsmappe)."""
        with reading(self._db) as session:
            held_meeting(session, meeting_id)
            stored = _stored(session, meeting_id, public=public)
            if stored is not None:
                return stored
            doc = _document(session, meeting_id, public=public)
        return MinutesPdf(_render(doc, page_numbers=page_numbers))

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
        pdf = _merge(
            parts,
            {
                "/Title": f"{_dossier_name(public)} der {name}",
                "/Author": head.council_name,
                "/Subject": f"Einladung, Protokoll und Anlagen der {name} am {doc.day:%d.%m.%Y}"
                + (" (öffentliche Fassung)" if public else ""),
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
        contents = _read_parts(
            [
                ("Einladung mit Tagesordnung", invitation.pdf),
                *((a.label, content) for a, content in annexes),
            ]
        )
        labels = [a.label for a, _ in annexes]
        counts = _page_counts(contents)
        cover_pages = 1
        while True:  # the list of contents gives each part's first page in the bundle
            starts = [cover_pages + 1 + sum(counts[:n]) for n in range(len(counts))]
            cover = render_pack_cover(
                meeting, today, invitation_sent_on, labels, starts, public=public
            )
            pages = _page_counts(_read_parts([("Deckblatt", cover.pdf)]))[0]
            if pages == cover_pages:
                break
            cover_pages = pages
        parts = [*_read_parts([("Deckblatt", cover.pdf)]), *contents]
        name = list_label(meeting.number, meeting.kind, meeting.title)
        head = meeting.letterhead
        pdf = _merge_read(
            parts,
            {
                "/Title": f"{_dossier_name(public)} der {name} "
                f"(vor der Sitzung, Stand {today:%d.%m.%Y})",
                "/Author": head.council_name,
                "/Subject": f"Einladung, Tagesordnung und Anlagen der {name} am "
                f"{meeting.start:%d.%m.%Y}",
                "/Keywords": f"Sitzungsmappe, Einladung, Tagesordnung, {head.council_name}"
                + (", öffentliche Fassung" if public else ""),
            },
        )
        warnings = (*cover.warnings, *invitation.warnings)
        return RenderedPdf(pdf, tuple(dict.fromkeys(warnings)), len(parts))


def _dossier_name(public: bool) -> str:
    return "Öffentliche Sitzungsmappe" if public else "Sitzungsmappe"


def _stored(session: Session, meeting_id: int, *, public: bool) -> MinutesPdf | None:
    version = latest_version(session, meeting_id)
    if version is None or version.state != MinutesState.APPROVED.value:
        return None
    data = approved_pdfs(session, [version.id], public=public).get(version.id)
    if data is None:
        return None  # approved before PDFs were stored: a fresh rendering with the stamp
    rendered = RenderedPdf(data, (), _item_count(session, meeting_id))
    return MinutesPdf(rendered, True, pdf_fingerprint(data))


def _item_count(session: Session, meeting_id: int) -> int:
    return len(
        session.scalars(
            select(models.AgendaItem.id).where(
                models.AgendaItem.meeting_id == meeting_id, models.AgendaItem.deleted_at.is_(None)
            )
        ).all()
    )


def _read_parts(parts: list[tuple[str, bytes]]) -> list[tuple[str, PdfReader]]:
    """Each part read, with its title; a part that cannot be read is a damaged annex."""
    read = []
    for title, data in parts:
        try:
            read.append((title, read_pdf(data, title)))
        except ExpertenratError:
            raise
        except Exception as error:  # pypdf fails in many ways on a damaged file
            raise damaged_annex_error(title) from error
    return read


def _page_counts(parts: list[tuple[str, PdfReader]]) -> list[int]:
    counts = []
    for title, reader in parts:
        try:
            with pypdf_quiet():
                counts.append(len(reader.pages))
        except Exception as error:
            raise damaged_annex_error(title) from error
    return counts


def _merge(parts: list[tuple[str, bytes]], metadata: dict[str, str]) -> bytes:
    return _merge_read(_read_parts(parts), metadata)


def _merge_read(parts: list[tuple[str, PdfReader]], metadata: dict[str, str]) -> bytes:
    """The parts in one PDF, a bookmark each, every page stamped with its number in the
    whole bundle ("Sitzungsmappe, Seite 3 von 12"; :mod:`reports.pack_pages`)."""
    from pypdf import PdfReader, PdfWriter, Transformation

    from expertenrat.reports.pack_pages import page_stamps  # reportlab: on demand

    writer = PdfWriter()
    for title, reader in parts:
        try:
            with pypdf_quiet():
                writer.append(reader, outline_item=title)
        except Exception as error:  # pypdf fails in many ways on a damaged file
            raise damaged_annex_error(title) from error
    with pypdf_quiet():
        for page in writer.pages:
            if page.get("/Rotate", 0) % 360:
                page.transfer_rotation_to_content()  # upright, so the stamp is too
        boxes = [page.cropbox for page in writer.pages]
        stamps = PdfReader(io.BytesIO(page_stamps([(b.width, b.height) for b in boxes])))
        for page, stamp, box in zip(writer.pages, stamps.pages, boxes, strict=True):
            page.merge_transformed_page(
                stamp, Transformation().translate(float(box.left), float(box.bottom))
            )
    writer.add_metadata({**metadata, "/Creator": "Expertenrat"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
