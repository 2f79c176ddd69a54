"""The running page numbers of a Sitzungsmappe: "Sitzungsmappe, Seite 3 von 12" in the top
right corner of every page of the bundle, above the header of the parts Expertenrat makes
(rendered for the bundle without their own "Seite x von y"; annexes and stored approved
minutes keep theirs), so the bundle can be found through page by page as the cover's list
of contents gives it. An annex's pages add which annex they are, and a non-public one
says so ("Sitzungsmappe, Seite 7 von 8 · Anlage 1 – nichtöffentlich").

The cover's list of contents links each part to the page it starts on: drawn on its own,
the cover links to :func:`page_link`, which :func:`resolve_page_links` turns into a jump
to that page of the bundle."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from expertenrat.reports import fonts
from expertenrat.reports.house_style import FONT, MUTED, RULE
from expertenrat.reports.page_geometry import MARGINS

if TYPE_CHECKING:
    from pypdf import PdfWriter

STAMP_SIZE = 7
_PAGE_LINK = "expertenrat-seite:"  # a link of the cover to a page of the bundle
# The baseline, below the top edge: the letters' tops 4.4 mm below it, where a printer
# that cannot print the outer 4.2 mm of the paper prints them whole (the app prints a page
# 1:1; found by a tester: at 5.5 mm their tops were cut off), and the label's lower edge
# 7.5 mm below it, above the house header's highest letters (7.9 mm where it has four rows).
_FROM_TOP = 6.2 * mm
_FROM_RIGHT = MARGINS.right  # in line with the header's right edge
_PAD = 0.8 * mm  # around the text, inside its label


def stamp_text(number: int, total: int, mark: str = "") -> str:
    return f"Sitzungsmappe, Seite {number} von {total}" + (f" · {mark}" if mark else "")


def page_stamps(sizes: Sequence[tuple[float, float]], marks: Sequence[str] = ()) -> bytes:
    """A PDF of one page per ``(width, height)`` in ``sizes`` (the bundle's pages, in
    points), each holding only its stamp (with the page's entry of ``marks``, if any):
    laid over the bundle's pages."""
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True, initialFontName=FONT)
    total = len(sizes)
    for number, (width, height) in enumerate(sizes, start=1):
        canvas.setPageSize((width, height))
        text = stamp_text(number, total, marks[number - 1] if number <= len(marks) else "")
        right = width - min(_FROM_RIGHT, width * 0.08)
        baseline = height - _FROM_TOP
        text_width = pdfmetrics.stringWidth(text, FONT, STAMP_SIZE)
        # On a white label: legible over an annex that prints to its top edge.
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.roundRect(
            right - text_width - _PAD,
            baseline - _PAD - 0.2 * STAMP_SIZE,
            text_width + 2 * _PAD,
            STAMP_SIZE + 2 * _PAD,
            1.2,
            stroke=1,
            fill=1,
        )
        canvas.setFont(FONT, STAMP_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(right, baseline, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def page_link(number: int) -> str:
    """The link of the cover to page ``number`` of the bundle (see :func:`resolve_page_links`)."""
    return f"{_PAGE_LINK}{number}"


def resolve_page_links(writer: PdfWriter) -> None:
    """The :func:`page_link` links on the pages of ``writer`` made jumps to their pages (a
    link to a page the bundle does not have does nothing)."""
    from pypdf.generic import ArrayObject, NameObject  # pypdf: on demand

    for page in writer.pages:
        for annotation in page.get("/Annots") or ():
            link = annotation.get_object()
            action = link.get("/A")
            target = str(action.get_object().get("/URI", "")) if action is not None else ""
            if not target.startswith(_PAGE_LINK):
                continue
            del link["/A"]
            number = target.removeprefix(_PAGE_LINK)
            if number.isdigit() and 1 <= int(number) <= len(writer.pages):
                jump = writer.pages[int(number) - 1].indirect_reference
                link[NameObject("/Dest")] = ArrayObject([jump, NameObject("/Fit")])
