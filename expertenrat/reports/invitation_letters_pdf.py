"""The invitation as a mail merge: one PDF with a letter per member (an invitation, a
changed one or a cancellation, :mod:`~expertenrat.reports.invitation_pdf`), each on pages
of its own with a bookmark of the member's name."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.invitation_changes import changed_letter
from expertenrat.domain.meeting_document_titles import council_named, meeting_heading
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.wording import counted
from expertenrat.reports.invitation_pdf import invitation_keywords, render_invitation
from expertenrat.reports.page_frame import finish_bundle


def _addressed(warning: str, name: str) -> str:
    """A letter's warning naming whose address it is about ("Anschrift von Kim Lee: …"):
    in one file of letters a bare "Anschrift" could be any of them."""
    who, colon, rest = warning.partition(": ")
    named = re.sub(r"\bAnschrift\b", lambda _m: f"Anschrift von {name}", who, count=1)
    return named + colon + rest


def render_invitation_letters(letters: Sequence[tuple[str, MeetingDocument]]) -> RenderedPdf:
    """One PDF with one invitation per ``(name, document)``, each starting on a new page
    with its own page count and a bookmark with the name; warnings once each."""
    from pypdf import PdfWriter  # pypdf: on demand

    writer = PdfWriter()
    warnings: dict[str, None] = {}
    for name, doc in letters:
        rendered = render_invitation(doc)
        writer.append(io.BytesIO(rendered.pdf), outline_item=name)
        warnings.update(dict.fromkeys(_addressed(w, name) for w in rendered.warnings))
    if letters:
        doc = letters[0][1]
        # What the letters are, as the command line names them: "Geänderte Tagesordnungen"
        letter = (
            "Absagen der"
            if doc.cancelled
            else f"{changed_letter(doc.moved, doc.agenda_changed, plural=True)} zur"
        )
        title = f"{letter} {meeting_heading(doc)}"
        finish_bundle(
            writer,
            {
                "/Title": title,
                "/Author": doc.letterhead.council_name,
                "/Subject": council_named(
                    doc, f"{title}, {counted(len(letters), 'Brief', 'Briefe')}"
                ),
                "/Keywords": invitation_keywords(doc),
            },
        )
    out = io.BytesIO()
    writer.write(out)
    return RenderedPdf(out.getvalue(), tuple(warnings), len(letters))
