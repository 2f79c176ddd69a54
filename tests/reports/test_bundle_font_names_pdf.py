"""The fonts of a bundle put together from several PDFs, as an archive's validator reads
them: each embedded subset under a name of its own (found by a tester)."""

from __future__ import annotations

import io

from meeting_sample import meeting
from pypdf import PdfReader

from expertenrat.reports.invitation_pdf import render_invitation, render_invitation_letters


def subset_names(reader: PdfReader) -> dict[int, tuple[str, str]]:
    """Each font object on the pages: its name and its descriptor's."""
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            entry = font.get_object()
            descriptor = entry["/FontDescriptor"].get_object()
            found[font.idnum] = (str(entry["/BaseFont"]), str(descriptor["/FontName"]))
    return found


def test_every_subset_of_a_mail_merge_has_a_name_of_its_own_and_prints_the_same() -> None:
    """Every letter brought its own subsets, all named "AAAAAA+DejaVuSans" and
    "AAAAAA+DejaVuSans-Bold": one name for different fonts, which ISO 32000 forbids and
    a printer keeping fonts by name may mix up."""
    doc = meeting()
    letters = PdfReader(io.BytesIO(render_invitation_letters([("A", doc), ("B", doc)]).pdf))
    names = subset_names(letters)

    assert len(names) == 4  # regular and bold, per letter
    assert len({name for name, _ in names.values()}) == 4
    assert all(name == described for name, described in names.values())
    one = PdfReader(io.BytesIO(render_invitation(doc).pdf)).pages[0].extract_text()
    assert [page.extract_text() for page in letters.pages] == [one, one]
