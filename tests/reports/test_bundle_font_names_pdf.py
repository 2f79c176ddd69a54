"""The fonts of a bundle put together from several PDFs, as an archive's validator reads
them: each embedded subset under a name of its own (found by a tester)."""

from __future__ import annotations

import io

import pytest
from meeting_sample import meeting
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject
from reportlab.pdfgen.canvas import Canvas

from expertenrat.reports.invitation_letters_pdf import render_invitation_letters
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.services.pdf_bundles import merge_read, read_parts


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


def _annex_with_a_form_field(where: str, key: str) -> bytes:
    """An annex (a form filled in) whose only subset, "AAAAAA+DejaVuSans" as reportlab names
    it, is in the look of its form field (``where`` "appearance") or in the fonts its form
    keeps for its fields (``where`` "form"), under ``key``; its page shows Helvetica only."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 750, "Antrag")
    canvas.acroForm.textfield(name="Name", value="x", x=72, y=650, width=200, height=20)
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(out))
    donor = PdfReader(io.BytesIO(render_invitation(meeting()).pdf)).pages[0]
    font = next(
        f.get_object()
        for f in donor["/Resources"]["/Font"].values()
        if str(f.get_object()["/BaseFont"]) == "/AAAAAA+DejaVuSans"
    )
    fonts = DictionaryObject({NameObject(key): font.clone(writer).indirect_reference})
    if where == "appearance":
        look = writer.pages[0]["/Annots"][0].get_object()["/AP"]["/N"].get_object()
        look[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        look.set_data(f"BT {key} 10 Tf 2 5 Td (x) Tj ET".encode())
    else:
        writer.root_object["/AcroForm"]["/DR"][NameObject("/Font")] = fonts
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def _all_subsets(reader: PdfReader) -> dict[int, str]:
    """Each subset font object of ``reader`` (on its pages, in their forms and annotations'
    looks, and in the form's fonts): its name."""
    found: dict[int, str] = {}

    def visit(resources) -> None:
        for font in (resources.get("/Font") or {}).values():
            if "+" in (name := str(font.get_object()["/BaseFont"])):
                found[font.idnum] = name
        for xobject in (resources.get("/XObject") or {}).values():
            if "/Resources" in xobject.get_object():
                visit(xobject.get_object()["/Resources"])

    for page in reader.pages:
        visit(page["/Resources"])
        for annotation in page.get("/Annots") or ():
            for look in (annotation.get_object().get("/AP") or {}).values():
                visit(look.get_object().get("/Resources") or {})
    visit(reader.trailer["/Root"]["/AcroForm"]["/DR"])
    return found


@pytest.mark.parametrize(("where", "subsets"), [("appearance", 5), ("form", 4)])
def test_a_subset_an_annex_uses_only_for_a_form_field_has_a_name_of_its_own(where, subsets) -> None:
    """(found by review) Only the pages' fonts were named anew: two forms filled in with
    one program, each with its subset "AAAAAA+DejaVuSans" in the look of its field (printed
    with the page) or among its form's fonts, kept that one name in the bundle, which the
    page stamps' subset took too."""
    parts = read_parts(
        [
            ("Anlage 1", _annex_with_a_form_field(where, "/F8")),
            ("Anlage 2", _annex_with_a_form_field(where, "/F9")),
            ("Einladung", render_invitation(meeting()).pdf),
        ]
    )

    bundle = PdfReader(io.BytesIO(merge_read(parts, {"/Title": "Sitzungsmappe"})))
    names = _all_subsets(bundle)

    # the stamps' subset, the invitation's two, the annexes' (the form fonts of the first
    # annex only: pypdf keeps one form)
    assert len(names) == subsets
    assert len(set(names.values())) == subsets
