"""The minutes of a meeting as PDF (full or public) and the Sitzungsmappe (dossier).

The minutes PDFs, fresh drafts or the stored approved files, are
:mod:`expertenrat.services.minutes_pdfs`.

The Sitzungsmappe merges a cover, the invitation, the full minutes and the meeting's
annexes (``services.annexes``) into one PDF with a bookmark for each part
(:mod:`expertenrat.services.pdf_bundles`). The cover, dated the day the Mappe is made,
lists each part with the page it starts on; once the minutes are approved it gives the
meeting's time as they record it (as the OParl export does), the planned one before.
Before the meeting (planned or invited) the Mappe is the cover, the invitation with the
agenda and the annexes: what the members get to prepare; after it the minutes follow
the invitation. Every page of it carries its
number in the whole bundle; the parts Expertenrat renders for it leave out their own
"Seite x von y", so no page shows two numbers. Annexes and approved minutes are put in as
they are stored (the approved file is the record, checked by its SHA-256), with their
own page numbers, if any.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.german_dates import meeting_days
from expertenrat.domain.meeting_document_titles import council_named, pack_invitation_name
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.meetings import list_label
from expertenrat.domain.minutes import recorded_times
from expertenrat.domain.minutes_checklist_order import non_public_title_warning
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.public_invitation import public_invitation
from expertenrat.domain.unnamed_mentions import unnamed_mentions
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.approved_public_mentions import approved_mentions
from expertenrat.services.attendance_rows import live_meeting
from expertenrat.services.dossier_annexes import annex_parts
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_assembly import (
    latest_version,
    public_minutes,
    unnamed_in_public,
)
from expertenrat.services.minutes_pdfs import (
    MeetingNotHeldError,
    MinutesPdf,
    current_document,
    current_full_document,
    render_pdf,
    stored_pdf,
)
from expertenrat.services.minutes_rows import held_meeting
from expertenrat.services.pdf_bundles import read_parts, with_cover
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
        "Seite x von y" if not ``page_numbers``: for a Sitzungsmappe). A fresh public one
        warns where a text typed into it names a member who may not be named or a guest
        it leaves out, or where "Änderungen der Tagesordnung" names
        a non-public item by its title."""
        return self._minutes(meeting_id, public, page_numbers, document=False)[0]

    def _minutes(
        self, meeting_id: int, public: bool, page_numbers: bool, *, document: bool
    ) -> tuple[MinutesPdf, MinutesDocument | None]:
        """:meth:`minutes` and the document it prints (the stored PDF's: ``document`` says
        whether to assemble it; a fresh PDF's is at hand), assembled once."""
        with reading(self._db) as session:
            meeting = held_meeting(session, meeting_id)
            stored = stored_pdf(session, meeting_id, public=public)
            if stored is not None:
                doc = current_document(session, meeting_id, public=public) if document else None
                if not public:
                    return stored, doc
                version = latest_version(session, meeting_id)
                assert version is not None  # the stored PDF is its
                named = approved_mentions(session, meeting, version)
                return replace(stored, rendered=replace(stored.rendered, warnings=named)), doc
            full = current_full_document(session, meeting)  # the public one is made of it
            doc = public_minutes(session, full, meeting.council_id) if public else full
            named = unnamed_in_public(session, meeting, full=full) if public else ()
        rendered = render_pdf(doc, page_numbers=page_numbers)
        titled = _titled_non_public(full) if public else ""
        mentions = (*unnamed_mentions(doc, named), *filter(None, [titled]))
        return MinutesPdf(replace(rendered, warnings=(*rendered.warnings, *mentions))), doc

    def minutes_pdf(self, meeting_id: int, *, public: bool = False) -> RenderedPdf:
        return self.minutes(meeting_id, public=public).rendered

    def dossier_pdf(
        self, meeting_id: int, *, today: date | None = None, public: bool = False
    ) -> RenderedPdf:
        """The Sitzungsmappe, bookmarked: a cover dated ``today`` (the council's today by
        default) listing the page each part starts on, the invitation with the agenda,
        after the meeting the full minutes, and the annexes (one whose file cannot be read
        as a page saying so, with a warning: :mod:`services.dossier_annexes`). Before the
        meeting (planned or invited) the cover says that agenda and annexes may still
        change; a cancelled meeting has none. ``public``: the public Sitzungsmappe, of the
        public invitation, the public minutes and only the annexes marked public (each
        with its number in the full Mappe; the cover lists the others by their number
        alone, as the public minutes do). ``records``: the annexes put in."""
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
        from expertenrat.reports.invitation_pdf import render_invitation  # reportlab
        from expertenrat.reports.meeting_pack_cover_pdf import render_pack_cover

        before = state in (MeetingState.PLANNED, MeetingState.INVITED)
        invitation_doc = self._meeting_documents.document(meeting_id, today=today)
        if public:
            invitation_doc = public_invitation(invitation_doc)
        invitation = render_invitation(invitation_doc, page_numbers=False)
        title = pack_invitation_name(invitation_doc, public=public) if before else "Einladung"
        documents = [(title, invitation.pdf)]
        warnings = [*invitation.warnings]
        minutes_line, cover_doc = None, invitation_doc
        if not before:
            minutes, doc = self._minutes(meeting_id, public, False, document=True)
            assert doc is not None  # asked for
            documents.append(
                (
                    f"{doc.heading} (öffentliche Fassung)" if public else doc.heading,
                    minutes.rendered.pdf,
                )
            )
            minutes_line = f"{doc.heading} ({_minutes_state(doc, public)})"
            cover_doc = _held(invitation_doc, doc)
            warnings += minutes.rendered.warnings
        # public: the annexes marked public (annexes belong to the meeting, not to an
        # item: the mark is what the public minutes list too), numbered as in the full one
        annex = annex_parts(
            self._annexes.contents(meeting_id, public=public), invitation_doc.letterhead, today
        )
        held = sum(annex.placed)
        pdf, cover = with_cover(
            lambda starts: render_pack_cover(
                cover_doc, today, sent_on, annex.lines,
                [*starts[: len(documents)], *annex.line_starts(starts[len(documents) :])],
                public=public, minutes=minutes_line,
            ),
            [*read_parts(documents), *annex.parts],
            _metadata(invitation_doc, today, public, before, held > 0),
            ["" for _ in documents] + list(annex.marks),
        )  # fmt: skip
        warnings = [*cover.warnings, *warnings, *annex.warnings]
        return RenderedPdf(pdf, tuple(dict.fromkeys(warnings)), held)


def _titled_non_public(full: MinutesDocument) -> str:
    """The warning that the "Änderungen der Tagesordnung" of the full minutes ``full``,
    printed in the public minutes as typed, name a non-public item by its title (as the
    completeness check warns: :func:`domain.minutes_checklist_order.non_public_title_warning`),
    else ""."""
    return non_public_title_warning(
        ((item.number, item.title, item.public) for item in full.items), full.agenda_changes
    )


def _held(meeting: MeetingDocument, minutes: MinutesDocument) -> MeetingDocument:
    """``meeting`` with the times its approved ``minutes`` record (as the OParl export
    gives them: :func:`domain.minutes.recorded_times`), the planned ones while a draft."""
    if minutes.approval is None:
        return meeting
    start, end = recorded_times(meeting.start, meeting.end, minutes.opened_at, minutes.closed_at)
    return replace(meeting, start=start, end=end or start)  # no end known: the start alone


def _minutes_state(doc: MinutesDocument, public: bool) -> str:
    """ "genehmigt am 09.06.2026", else "Entwurf"; "öffentliche Fassung, …" for the public."""
    state = (
        f"genehmigt am {doc.approval.approved_on:%d.%m.%Y}"
        if doc.approval is not None
        else "Entwurf"
    )
    return f"öffentliche Fassung, {state}" if public else state


def _metadata(
    meeting: MeetingDocument, today: date, public: bool, before: bool, annexes: bool
) -> dict[str, str]:
    """Title, author, description and keywords of a Sitzungsmappe."""
    name = list_label(meeting.number, meeting.kind, meeting.title)
    head = meeting.letterhead
    document = "Tagesordnung" if before else "Protokoll"
    holds = f"Einladung, {document} und Anlagen" if annexes else f"Einladung und {document}"
    subject = f"{holds} der {name} am {meeting_days(meeting.start.date(), meeting.end.date())}"
    return {
        "/Title": f"{_dossier_name(public)} der {name}"
        + (f" (vor der Sitzung, Stand {today:%d.%m.%Y})" if before else ""),
        "/Author": head.council_name,
        # named as the invitation is, "Digitalbeirat der Stadt Leipzig: Einladung, …"
        "/Subject": council_named(
            meeting, f"{subject} (öffentliche Fassung)" if public else subject
        ),
        "/Keywords": f"Sitzungsmappe, Einladung, {document}, {head.council_name}"
        + (", öffentliche Fassung" if public else ""),
    }


def _dossier_name(public: bool) -> str:
    return "Öffentliche Sitzungsmappe" if public else "Sitzungsmappe"
