"""What a viewer shows of a document before a page is read: its title, not its file name."""

from __future__ import annotations

import io

from meeting_sample import meeting
from pypdf import PdfReader

from expertenrat.reports.invitation_letters_pdf import render_invitation_letters
from expertenrat.reports.invitation_pdf import render_invitation


def test_a_viewer_shows_the_title_of_a_document_and_of_a_bundle() -> None:
    """(found by a tester) On a tablet the Sitzungsmappe, the minutes and every other PDF
    showed their file name ("Protokoll 6. Sitzung 2026-04-16.pdf") in the title bar: the
    catalog had no /DisplayDocTitle, so the title in the metadata stayed unseen."""
    doc = meeting()
    for pdf in (render_invitation(doc).pdf, render_invitation_letters([("Kim Lee", doc)]).pdf):
        reader = PdfReader(io.BytesIO(pdf))

        assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True
        assert reader.metadata.title
