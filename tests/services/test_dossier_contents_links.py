"""The Sitzungsmappe's list of contents on its cover, as a member on a tablet uses it: a
tap on a part (or its "Seite …") opens the page it starts on (found by a tester)."""

from __future__ import annotations

import io
from datetime import date

from meeting_sample import meeting
from minutes_sample import minutes
from pypdf import PdfReader

from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.meeting_pack_cover_pdf import render_pack_cover
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services.pdf_bundles import read_parts, with_cover


def test_each_line_of_the_contents_jumps_to_the_page_its_part_starts_on() -> None:
    """The cover listed "Protokoll … Seite 3", and tapping it did nothing: the reader had
    to page or find the bookmarks, which a tablet's viewer often keeps hidden."""
    doc = meeting()
    parts = read_parts(
        [
            ("Einladung", render_invitation(doc, page_numbers=False).pdf),
            ("Protokoll", render_minutes(minutes(), page_numbers=False).pdf),
        ]
    )
    pdf, _ = with_cover(
        lambda starts: render_pack_cover(
            doc, date(2026, 3, 11), None, (), starts, minutes="Protokoll (Entwurf)"
        ),
        parts,
        {"/Title": "Sitzungsmappe"},
    )
    reader = PdfReader(io.BytesIO(pdf))
    links = [a.get_object() for a in reader.pages[0]["/Annots"]]
    targets = [reader.get_page_number(link["/Dest"][0].get_object()) + 1 for link in links]

    assert targets == [2, 2, 3, 3]  # line and page number of the invitation, the minutes
    assert not any("/A" in link for link in links)  # no web address left behind
