"""The page every document is laid out on: A4 with the house margins, the header (logo,
council, city, title, date; the name and the title fitted side by side by
:mod:`page_header_fit`), the footer ("Seite x von y") and the PDF's metadata.

Documents build a story of flowables and hand it to :func:`build_pdf` together with a
:class:`DocumentInfo` and their own warnings; the page frame adds what it had to leave out
(a stored logo it cannot draw), so every document reports that the same way.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from expertenrat.domain.documents import RenderedPdf
from expertenrat.reports.house_style import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    WATERMARK,
    german_date,
    styles,
)
from expertenrat.reports.logo_image import UnusableLogoError, decoded_logo
from expertenrat.reports.page_header_fit import GAP, beside_logo
from expertenrat.reports.user_text import fit_line, printable
from expertenrat.reports.widowless_table import KeepWithStart

log = logging.getLogger(__name__)

CREATOR = "Expertenrat"


@dataclass(frozen=True, slots=True)
class Margins:
    left: float = 20 * mm
    right: float = 15 * mm
    top: float = 27 * mm  # includes the header band
    bottom: float = 20 * mm  # includes the footer


MARGINS = Margins()
_HEADER_TOP = 8.5 * mm  # distance of the header's upper edge from the top of the page
_HEADER_RULE = 21 * mm  # distance of the rule under the header from the top of the page
_FOOTER_RULE = 14 * mm  # height of the rule above the footer
_FOOTER_BASELINE = 9.5 * mm
_LOGO_BOX = (36 * mm, 10 * mm)
_LOGO_GAP = 4 * mm  # between the logo and the texts beside it
# Baselines below the header's upper edge: council and title, then city and date; three
# rows where the council's name or the title takes two lines, four where one takes three.
_ROWS = {
    1: (4 * mm, 8.5 * mm),
    2: (3 * mm, 6.5 * mm, 10 * mm),
    3: (1.5 * mm, 4.6 * mm, 7.7 * mm, 10.8 * mm),
}
_CITY_SIZE = 8.5


def page_size(landscape_: bool = False) -> tuple[float, float]:
    return landscape(A4) if landscape_ else A4


def content_width(landscape_: bool = False) -> float:
    return page_size(landscape_)[0] - MARGINS.left - MARGINS.right


def content_height(landscape_: bool = False) -> float:
    return page_size(landscape_)[1] - MARGINS.top - MARGINS.bottom


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the page frame and the PDF metadata show."""

    title: str
    council_name: str
    city: str
    date: date
    logo_png: bytes | None = None
    landscape: bool = False
    subject: str = ""
    date_label: str = "Stand"
    footer_note: str = ""
    keywords: str = ""
    watermark: str = ""  # drawn large and light across every page, e.g. "ENTWURF"
    # The same bytes for the same content (no creation time, a fixed file id): for files
    # that are published again and again, such as the open-data export.
    reproducible: bool = False


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
        title=printable(info.title),
        author=printable(info.council_name),
        subject=printable(info.subject),
        keywords=printable(info.keywords),
        creator=CREATOR,
        lang="de-DE",
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
    decor = _PageDecor(info)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=decor.draw, pagesize=size)])
    doc.build(story, canvasmaker=NumberedCanvas)
    said = tuple(dict.fromkeys((*warnings, *decor.warnings)))
    return RenderedPdf(buffer.getvalue(), said, records), doc.page


@dataclass(frozen=True, slots=True)
class _HeaderLines:
    """The texts of the header and footer, fitted to their room once per document."""

    council: tuple[str, ...]  # the council's name on one line, or on two if it is long
    council_size: float
    city: str
    title: tuple[str, ...]  # on one line, or on two to leave a long name room
    title_size: float
    dated: str
    footer_note: str
    logo_scale: float  # of the logo's size in its box: smaller to show name and title whole


class _PageDecor:
    """Draws header and footer (all but the page count) on each page."""

    def __init__(self, info: DocumentInfo) -> None:
        self.info = info
        self.logo, problem = _logo(info.logo_png)
        self.warnings = (logo_left_out(problem),) if problem else ()
        self._lines: _HeaderLines | None = None

    def _fitted(self, left: float, right: float, usable: float) -> _HeaderLines:
        """The header and footer texts, shortened to fit beside the logo (the same on every
        page); ``left``: where the logo stands, or the texts where there is none."""
        if self._lines is None:
            info = self.info
            logo = self.logo[1] if self.logo else 0.0
            room = right - left - (_LOGO_GAP if logo else 0.0)
            title, name, scale = beside_logo(info.title, info.council_name, room, logo, usable)
            left = right - room + logo * scale
            dated = german_date(info.date)
            if info.date_label:
                dated = f"{info.date_label}: {dated}"
            beside_date = right - left - pdfmetrics.stringWidth(dated, FONT, _CITY_SIZE) - GAP
            self._lines = _HeaderLines(
                council=name.lines,
                council_size=name.size,
                city=fit_line(info.city, FONT, _CITY_SIZE, beside_date),
                title=title.lines,
                title_size=title.size,
                dated=dated,
                footer_note=fit_line(info.footer_note, FONT, 7.5, usable * 0.75)
                if info.footer_note
                else "",
                logo_scale=scale,
            )
        return self._lines

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        info = self.info
        width, height = doc.pagesize
        left, right = MARGINS.left, width - MARGINS.right
        usable = right - left
        lines = self._fitted(left, right, usable)
        canvas.saveState()
        if info.watermark:
            _draw_watermark(canvas, info.watermark, width, height)
        if self.logo is not None:
            image, *size = self.logo
            logo_width, logo_height = (side * lines.logo_scale for side in size)
            bottom = height - _HEADER_TOP - (_LOGO_BOX[1] + logo_height) / 2
            canvas.drawImage(image, left, bottom, logo_width, logo_height, mask="auto")
            left += logo_width + _LOGO_GAP
        offsets = _ROWS[max(len(lines.council), len(lines.title))]
        rows = [height - _HEADER_TOP - offset for offset in offsets]
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, lines.council_size)
        for baseline, line in zip(rows, lines.council, strict=False):
            canvas.drawString(left, baseline, line)
        canvas.setFont(FONT_BOLD, lines.title_size)
        for baseline, line in zip(rows, lines.title, strict=False):
            canvas.drawRightString(right, baseline, line)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, _CITY_SIZE)
        canvas.drawString(left, rows[-1], lines.city)
        canvas.drawRightString(right, rows[-1], lines.dated)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGINS.left, height - _HEADER_RULE, right, height - _HEADER_RULE)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGINS.left, _FOOTER_RULE, right, _FOOTER_RULE)
        if lines.footer_note:
            canvas.setFont(FONT, 7.5)
            canvas.drawString(MARGINS.left, _FOOTER_BASELINE, lines.footer_note)
        canvas.restoreState()


def _draw_watermark(canvas: Canvas, text: str, width: float, height: float) -> None:
    """``text`` diagonally across the page, under the content, light enough to read through."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFont(FONT_BOLD, 96)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(54)
    canvas.drawCentredString(0, -34, text)
    canvas.restoreState()


def _logo(png: bytes | None) -> tuple[tuple[ImageReader, float, float] | None, str]:
    """The logo with its size scaled into the header's logo box, or ``None`` and why it is
    unusable (a logo stored before logos were checked) as the end of "Das Logo …"."""
    if not png:
        return None, ""
    try:
        image = ImageReader(decoded_logo(png))
        pixel_width, pixel_height = image.getSize()
    except UnusableLogoError as error:
        return _left_out(png, f"ist {error}")
    except Exception as error:  # a broken logo must not cost the user the document
        return _left_out(png, "kann nicht gezeichnet werden", type(error).__name__)
    scale = min(_LOGO_BOX[0] / pixel_width, _LOGO_BOX[1] / pixel_height)
    return (image, pixel_width * scale, pixel_height * scale), ""


def logo_left_out(problem: str) -> str:
    """The warning of a document without its logo; ``problem`` ends "Das Logo …"."""
    return (
        f"Das Logo in den Einstellungen {problem} und fehlt im Dokument; "
        "bitte unter Einstellungen ein neues Logo wählen."
    )


_logged_logos: set[str] = set()  # the SHA-256 of each unusable logo already logged


def _left_out(png: bytes, problem: str, error: str = "") -> tuple[None, str]:
    """No logo, because of ``problem``; one line in the log per unusable logo and run (a
    letter per member is a document each: the log names the logo once, not per letter)."""
    digest = hashlib.sha256(png).hexdigest()
    if digest not in _logged_logos:
        if len(_logged_logos) > 100:
            _logged_logos.clear()
        _logged_logos.add(digest)
        log.info("Logo left out of the PDF: Das Logo %s%s", problem, f" ({error})" if error else "")
    return None, problem


class NumberedCanvas(Canvas):
    """A canvas that keeps pages back until the end, so the footer can say "Seite x von y".

    Bookmarks (the PDF outline) wait with their page: :meth:`outline_entry` notes them, and
    they are bound when the page is finally written (before that every page is page 1).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []
        self._page_outline: list[tuple[str, str, int, float]] = []

    def outline_entry(self, title: str, level: int = 0) -> None:
        """A bookmark titled ``title`` at the current position of the current page."""
        _, top = self.absolutePosition(0, 0)
        key = f"outline{len(self._page_states)}_{len(self._page_outline)}"
        self._page_outline.append((key, title, level, top))

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._page_outline = []
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            for key, title, level, top in self._page_outline:
                self.bookmarkPage(key, fit="XYZ", left=0, top=top)
                self.addOutlineEntry(printable(title), key, level)
            super().showPage()
        if any(state["_page_outline"] for state in self._page_states):
            self.showOutline()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGINS.right, _FOOTER_BASELINE, f"Seite {number} von {total}")
        self.restoreState()
