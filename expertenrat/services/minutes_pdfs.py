"""The minutes of a held meeting as PDF (full or public): rendered fresh, or the stored
approved file (:class:`~expertenrat.services.minutes_documents.MinutesDocumentsService`
hands them out and packs them into the Sitzungsmappe).

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
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MinutesState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_versions import pdf_fingerprint
from expertenrat.services.approved_minutes_pdfs import approved_pdfs
from expertenrat.services.minutes_assembly import (
    latest_version,
    minutes_document,
    public_minutes,
)
from expertenrat.services.minutes_finishing import draft_finish
from expertenrat.services.minutes_rows import held_meeting
from expertenrat.services.minutes_snapshot import changed_since
from expertenrat.store import models


class MeetingNotHeldError(ExpertenratError):
    """Minutes exist only for a meeting that took place."""


def render_minutes(doc: MinutesDocument, *, reproducible: bool = False) -> bytes:
    """The minutes PDF of ``doc`` (see the module doc); ``reproducible``: the same bytes
    for the same document."""
    return render_pdf(doc, reproducible=reproducible).pdf


@dataclass(frozen=True, slots=True)
class MinutesPdf:
    """A minutes PDF with what the caller should know: whether it is the stored approved
    file (``approved``) and its SHA-256 if it is."""

    rendered: RenderedPdf
    approved: bool = False
    sha256: str | None = None


def current_document(session: Session, meeting_id: int, *, public: bool) -> MinutesDocument:
    """The minutes document, full or ``public``, as :func:`current_full_document` says."""
    meeting = held_meeting(session, meeting_id)
    full = current_full_document(session, meeting)
    return public_minutes(session, full, meeting.council_id) if public else full


def current_full_document(session: Session, meeting: models.Meeting) -> MinutesDocument:
    """The full minutes document; a draft not sent yet says whether it is finished (as long
    as it is unchanged since), a sent one whether it was changed after its latest version
    (the members then had another text). The snapshot either compares with reads this
    document, read once (the public minutes are made of it)."""
    doc = minutes_document(session, meeting)
    if doc.state is MinutesState.CIRCULATED:
        latest = latest_version(session, meeting.id)
        changed = latest is not None and changed_since(session, meeting, latest.content, doc)
        return replace(doc, changed_since_sent=changed)
    if doc.state is not MinutesState.DRAFT:
        return doc
    finish = draft_finish(session, meeting, doc)
    return replace(doc, finished_on=finish.finished_on) if finish.finished else doc


def render_pdf(
    doc: MinutesDocument, *, reproducible: bool = False, page_numbers: bool = True
) -> RenderedPdf:
    """The minutes PDF of ``doc`` with its warnings; without ``page_numbers`` no "Seite x
    von y" (for a Sitzungsmappe)."""
    from expertenrat.reports.minutes_pdf import render_minutes as render  # reportlab: on demand

    return render(doc, reproducible=reproducible, page_numbers=page_numbers)


def stored_pdf(session: Session, meeting_id: int, *, public: bool) -> MinutesPdf | None:
    """The stored PDF of the approved minutes; ``None`` before they are approved."""
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
