"""The header and footer every page of a document gets (all but the page count, which
:mod:`~expertenrat.reports.numbered_canvas` adds): the logo, the council's name and city
beside it (the city only where the name does not hold it already: "Digitalbeirat der Stadt
Leipzig" stands alone), the title and date on the right, the rules, the footer's note and a
watermark over the content. The name and the title are fitted side by side by
:mod:`page_header_fit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import BaseDocTemplate

from expertenrat.domain.german_dates import meeting_days
from expertenrat.domain.wording import names_city
from expertenrat.reports.glyph_outlines import outline_path
from expertenrat.reports.header_logo import LOGO_BOX, header_logo, logo_left_out
from expertenrat.reports.house_style import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    WATERMARK,
)
from expertenrat.reports.page_geometry import FOOTER_BASELINE, MARGINS
from expertenrat.reports.page_header_fit import GAP, beside_logo
from expertenrat.reports.user_text import fit_line

if TYPE_CHECKING:
    from expertenrat.reports.page_frame import DocumentInfo

_HEADER_TOP = 8.5 * mm  # distance of the header's upper edge from the top of the page
_HEADER_RULE = 21 * mm  # distance of the rule under the header from the top of the page
_FOOTER_RULE = 14 * mm  # height of the rule above the footer
_LOGO_GAP = 4 * mm  # between the logo and the texts beside it
# Baselines below the header's upper edge: council and title, then city and date; three
# rows where the council's name or the title takes two lines, four where one takes three.
_ROWS = {
    1: (4 * mm, 8.5 * mm),
    2: (3 * mm, 6.5 * mm, 10 * mm),
    3: (1.5 * mm, 4.6 * mm, 7.7 * mm, 10.8 * mm),
}
_CITY_SIZE = 8.5
_WATERMARK_SIZE = 96
_PATH_STEPS = {
    "M": PDFPathObject.moveTo,
    "L": PDFPathObject.lineTo,
    "C": PDFPathObject.curveTo,
    "Z": PDFPathObject.close,
}


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


class PageDecor:
    """Draws header and footer (all but the page count) on each page."""

    def __init__(self, info: DocumentInfo) -> None:
        self.info = info
        self.logo, problem = header_logo(info.logo_png)
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
            dated = meeting_days(info.date, info.last_date)
            if info.date_label:
                dated = f"{info.date_label} {dated}"
            beside_date = right - left - pdfmetrics.stringWidth(dated, FONT, _CITY_SIZE) - GAP
            self._lines = _HeaderLines(
                council=name.lines,
                council_size=name.size,
                city=fit_line(_city_line(info), FONT, _CITY_SIZE, beside_date),
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
        width, height = doc.pagesize
        left, right = MARGINS.left, width - MARGINS.right
        usable = right - left
        lines = self._fitted(left, right, usable)
        canvas.saveState()
        if self.logo is not None:
            image, *size = self.logo
            logo_width, logo_height = (side * lines.logo_scale for side in size)
            bottom = height - _HEADER_TOP - (LOGO_BOX[1] + logo_height) / 2
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
            canvas.drawString(MARGINS.left, FOOTER_BASELINE, lines.footer_note)
        canvas.restoreState()

    def draw_over(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """What lies over the page's content: the watermark, translucent, so that neither
        a table's white and tinted rows nor a shaded box hide it (found by a tester: on
        a page of the agenda or the attendance no "ENTWURF" was left to see)."""
        if self.info.watermark:
            _draw_watermark(canvas, self.info.watermark, *doc.pagesize)


def _city_line(info: DocumentInfo) -> str:
    """The city under the council's name, left out where the name holds it already."""
    return "" if names_city(info.council_name, info.city) else info.city


def _draw_watermark(canvas: Canvas, text: str, width: float, height: float) -> None:
    """``text`` diagonally across the page, light enough to read the content through it;
    drawn as the outlines of its letters, so that it stays out of the text a reader copies
    or extracts (found by a tester: "wirdW der Antrag", "Der EEnergiebedarf")."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(54)
    canvas.translate(-pdfmetrics.stringWidth(text, FONT_BOLD, _WATERMARK_SIZE) / 2, -34)
    canvas.scale(_WATERMARK_SIZE, _WATERMARK_SIZE)
    path = canvas.beginPath()
    for step, values in outline_path(text, FONT_BOLD):
        _PATH_STEPS[step](path, *values)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
    canvas.restoreState()
