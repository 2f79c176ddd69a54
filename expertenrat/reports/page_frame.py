"""The page every document is laid out on: A4 with the house margins
(:mod:`page_geometry`), the header and footer (:mod:`page_header`), "Seite x von y"
(:mod:`numbered_canvas`) and the PDF's metadata.

Documents build a story of flowables and hand it to :func:`build_pdf` together with a
:class:`DocumentInfo` and their own warnings; the page frame adds what it had to leave out
(a stored logo it cannot draw), so every document reports that the same way.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from expertenrat.domain.documents import RenderedPdf
from expertenrat.reports.house_style import FONT, styles
from expertenrat.reports.numbered_canvas import NumberedCanvas, UnnumberedCanvas
from expertenrat.reports.page_geometry import MARGINS, content_height, content_width, page_size
from expertenrat.reports.page_header import PageDecor
from expertenrat.reports.subset_tags import retag_subsets
from expertenrat.reports.user_text import printable
from expertenrat.reports.widowless_table import KeepWithStart

if TYPE_CHECKING:
    from pypdf import PdfWriter

CREATOR = "Expertenrat"
LANGUAGE = "de-DE"  # the documents' language: screen readers and archives read it


def finish_bundle(writer: PdfWriter, metadata: dict[str, str]) -> None:
    """Give a PDF put together with pypdf (a bundle, a mail merge) what reportlab writes
    into every document it makes: ``metadata`` with the creator, the creation and
    modification date (now) and the document language; it opens with its bookmarks, and a
    viewer shows its title, not its file name. Its font subsets get names of their own."""
    from pypdf.generic import NameObject, TextStringObject  # pypdf: on demand

    stamp = datetime.now(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata(
        {**metadata, "/Creator": CREATOR, "/CreationDate": stamp, "/ModDate": stamp}
    )
    writer.root_object[NameObject("/Lang")] = TextStringObject(LANGUAGE)
    writer.page_mode = "/UseOutlines"
    writer.create_viewer_preferences().display_doctitle = True
    retag_subsets(writer)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the page frame and the PDF metadata show."""

    title: str  # in the page header, and the PDF's title unless ``pdf_title`` is given
    council_name: str
    city: str
    date: date
    logo_png: bytes | None = None
    # A meeting's last day where it ran over midnight: the header says "11./12.12.2026".
    last_date: date | None = None
    landscape: bool = False
    subject: str = ""
    # the words before the date in the header, as printed: "Stand:", "Sitzung vom" (a
    # preposition takes no colon)
    date_label: str = "Stand:"
    footer_note: str = ""
    keywords: str = ""
    watermark: str = ""  # drawn large and light across every page, e.g. "ENTWURF"
    # The same bytes for the same content (no creation time, a fixed file id): for files
    # that are published again and again, such as the open-data export.
    reproducible: bool = False
    # False: no "Seite x von y" (a part of a Sitzungsmappe, numbered by the bundle).
    page_numbers: bool = True
    pdf_title: str = ""  # the PDF's title where it says more than the page header


def build_pdf(
    story: list[Flowable], info: DocumentInfo, warnings: Iterable[str] = (), records: int = 0
) -> RenderedPdf:
    """Lay out ``story`` on A4 pages with the house header and footer; return the PDF with
    the document's ``warnings`` and the page frame's own (each once), and ``records``."""
    return build_counted_pdf(story, info, warnings, records)[0]


def build_counted_pdf(
    story: list[Flowable], info: DocumentInfo, warnings: Iterable[str] = (), records: int = 0
) -> tuple[RenderedPdf, int]:
    """:func:`build_pdf` and the number of pages it laid out."""
    styles()
    buffer = io.BytesIO()
    size = page_size(info.landscape)
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGINS.left,
        rightMargin=MARGINS.right,
        topMargin=MARGINS.top,
        bottomMargin=MARGINS.bottom,
        title=printable(info.pdf_title or info.title),
        author=printable(info.council_name),
        subject=printable(info.subject),
        keywords=printable(info.keywords),
        creator=CREATOR,
        lang=LANGUAGE,
        initialFontName=FONT,
        initialFontSize=10,
        initialLeading=13.5,
        invariant=True if info.reproducible else None,
        keepTogetherClass=KeepWithStart,  # a heading keeps with the start of what follows
    )
    frame = Frame(
        MARGINS.left,
        MARGINS.bottom,
        content_width(info.landscape),
        content_height(info.landscape),
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    decor = PageDecor(info)
    template = PageTemplate(
        "page", [frame], onPage=decor.draw, onPageEnd=decor.draw_over, pagesize=size
    )
    doc.addPageTemplates([template])
    doc.build(story, canvasmaker=NumberedCanvas if info.page_numbers else UnnumberedCanvas)
    said = tuple(dict.fromkeys((*warnings, *decor.warnings)))
    return RenderedPdf(buffer.getvalue(), said, records), doc.page
