"""The look all printed documents share: fonts, colours, styles, the page frame.

Documents build a story of flowables and hand it to :func:`build_pdf` together with a
:class:`DocumentInfo`; the theme draws the header (logo, council, city, title, date) and the
footer ("Seite x von y") on every page. User text goes through :func:`esc` before it enters
paragraph markup: that escapes it, puts right-to-left text in visual order and gives letters
that a face lacks to a fallback font (see :mod:`expertenrat.reports.fonts`).
"""

from __future__ import annotations

import functools
import io
import logging
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import paragraph as platypus_paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from expertenrat.reports import fonts
from expertenrat.reports.line_breaks import keep_together
from expertenrat.reports.widowless_table import WidowlessTable

log = logging.getLogger(__name__)

CREATOR = "Expertenrat"

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = fonts.HOUSE.face_names
register_fonts = fonts.register_fonts

INK = colors.HexColor("#1f2328")
_MUTED_HEX = "#5b6670"
MUTED = colors.HexColor(_MUTED_HEX)
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#c3ccd4")
HEAD_FILL = colors.HexColor("#e6edf4")
ZEBRA = colors.HexColor("#f4f6f8")
WATERMARK = colors.HexColor("#e3e7eb")

# Inline markup for one line of a table cell; "{}" is replaced by the escaped text.
PLAIN = "{}"
BOLD = "<b>{}</b>"
SMALL = f'<font size="7.5" color="{_MUTED_HEX}">{{}}</font>'

ELLIPSIS = "…"
CELL_PADDING = 4  # left and right padding of a data_table cell, in points


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


def page_size(landscape_: bool = False) -> tuple[float, float]:
    return landscape(A4) if landscape_ else A4


def content_width(landscape_: bool = False) -> float:
    return page_size(landscape_)[0] - MARGINS.left - MARGINS.right


def content_height(landscape_: bool = False) -> float:
    return page_size(landscape_)[1] - MARGINS.top - MARGINS.bottom


class Paragraph(platypus_paragraph.Paragraph):
    """A reportlab paragraph that parses each shape of markup once and breaks its lines
    once per width.

    reportlab reads a paragraph's markup with an HTML parser, about a millisecond each.
    The markup of the documents comes from a few shapes ("<b>…</b><br/><font …>…</font>")
    filled with escaped user text, so the parser reads each shape once per style, with a
    placeholder for each text, and a paragraph of that shape gets copies of those
    fragments with its own texts in them (see :func:`_fragments`).

    A table measures every cell when it works out its row heights, again for each part it
    is split into, and once more before it draws the cell; the line breaks depend only on
    the width (the text and style do not change), so the last ones are kept and reused. A
    part split off is a new paragraph with its own breaks.
    """

    _broken: tuple[float, Any, list[float], float] | None = None

    def __init__(self, text: str, style: ParagraphStyle, **kwargs: Any) -> None:
        frags = None if kwargs else _fragments(text := cleanBlockQuotedText(text), style)
        if frags is None:
            super().__init__(text, style, **kwargs)
            return
        super().__init__(text, style, frags=frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        broken = self._broken
        if broken is not None and broken[0] == availWidth:
            self.width, self.blPara, self._wrapWidths, self.height = broken
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= platypus_paragraph._FUZZ:
            self._broken = (availWidth, self.blPara, self._wrapWidths, self.height)
        return size


_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|#39|#x27);")
_ENTITY_TEXT = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'", "#x27": "'"}
_SLOT = "\ue000"  # stands for each text in a shape of markup (texts never enter one)
_SHAPES_PER_STYLE = 256
_SHAPES: weakref.WeakKeyDictionary[ParagraphStyle, dict[str, list[Any] | None]] = (
    weakref.WeakKeyDictionary()
)


def _fragments(markup: str, style: ParagraphStyle) -> list[Any] | None:
    """The fragments reportlab's parser makes of ``markup`` (cleaned), from its shape:
    the markup with each text between tags replaced by a slot, parsed once per style.

    ``None`` (parse it the usual way) for empty markup, an entity other than those
    ``escape`` writes, a stray "<", or a shape the parser does not make one fragment per
    slot of.
    """
    if not markup:
        return None
    pieces = _TAG.split(markup)
    tags = _TAG.findall(markup)
    texts: list[str] = []
    shape: list[str] = []
    for index, piece in enumerate(pieces):
        if piece:
            if "<" in piece:
                return None
            if "&" in piece:
                if "&" in _ENTITY.sub("", piece):
                    return None
                piece = _ENTITY.sub(lambda m: _ENTITY_TEXT[m[1]], piece)
            texts.append(piece)
            shape.append(_SLOT)
        if index < len(tags):
            shape.append(tags[index])
    template = _shape_fragments("".join(shape), style)
    if template is None:
        return None
    found = iter(texts)
    frags = [
        frag.clone(
            text=next(found) if frag.text == _SLOT else frag.text,
            link=list(frag.link),
            us_lines=list(frag.us_lines),
        )
        for frag in template
    ]
    textTransformFrags(frags, style)
    return frags


def _one_per_slot(frags: list[Any], slots: int) -> bool:
    """Whether the parser made exactly one fragment of each slot and nothing else of it."""
    whole = sum(f.text == _SLOT for f in frags)
    return whole == slots and not any(_SLOT in f.text and f.text != _SLOT for f in frags)


def _shape_fragments(shape: str, style: ParagraphStyle) -> list[Any] | None:
    """The parser's fragments of ``shape`` in ``style`` (kept), ``None`` if unusable."""
    shapes = _SHAPES.get(style)
    if shapes is None:
        shapes = _SHAPES[style] = {}
    if shape in shapes:
        return shapes[shape]
    parser = ParaParser()
    parser.caseSensitive = 1  # as Paragraph sets it
    try:
        _, frags, bullet = parser.parse(shape, style)
    except Exception:  # the usual parse reports it
        frags = None
    if frags is not None and (bullet or not _one_per_slot(frags, shape.count(_SLOT))):
        frags = None
    if len(shapes) >= _SHAPES_PER_STYLE:
        shapes.clear()
    shapes[shape] = frags
    return frags


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    title: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    table_head: ParagraphStyle
    cell: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The paragraph styles of all documents (registers the fonts on first use)."""
    register_fonts()
    # embeddedHyphenation=2: a word too long for a line breaks after one of its own hyphens
    # ("Mecklenburg-" / "Vorpommern"), on the next line if need be, before reportlab cuts
    # it anywhere.
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10,
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        embeddedHyphenation=2,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=8, leading=10.5, textColor=MUTED),
        note=ParagraphStyle(
            "note", body, fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor=MUTED
        ),
        title=ParagraphStyle(
            "title", body, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=ACCENT
        ),
        lead=ParagraphStyle("lead", body, fontSize=9.5, leading=13, textColor=MUTED),
        heading=ParagraphStyle(
            "heading",
            body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
        ),
        table_head=ParagraphStyle(
            "table_head", body, fontName=FONT_BOLD, fontSize=8.5, leading=11, textColor=ACCENT
        ),
        cell=ParagraphStyle("cell", body, fontSize=9, leading=11.5),
    )


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # category Cc but the line feed


def printable(text: str) -> str:
    """``text`` composed (NFC), with one kind of line break and without control codes
    (a tab becomes a space)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub("", text.replace("\t", " "))


def esc(text: str, face: str = FONT) -> str:
    """User text made safe for Paragraph markup; line breaks become ``<br/>``.

    Each line is put in visual order; runs of letters that the house family cannot draw in
    every face are set in the fallback family that can, in the weight and slant of ``face``
    (the face the text is set in: a ``<font>`` tag would otherwise drop an outer ``<b>``);
    letters no font has become "�". "e. V.", "Dr. med.", "10 Mitglieder" and the like get
    no-break spaces (see :func:`keep_together`), so a line never ends between their parts.
    """
    fonts.register_fonts()
    _, bold, italic = ps2tt(face)
    lines = keep_together(printable(text)).split("\n")
    return "<br/>".join(_markup(fonts.visual(line), bold + 2 * italic) for line in lines)


def _markup(line: str, slot: int) -> str:
    return "".join(
        escape(run)
        if family is None
        else f'<font face="{family.face_names[slot]}">{escape(run)}</font>'
        for family, run in fonts.font_runs(line)
    )


def _face(style: ParagraphStyle, markup: str = PLAIN) -> str:
    """The face of text in ``style`` wrapped in ``markup`` (bold in ``BOLD``)."""
    family, bold, italic = ps2tt(style.fontName)
    return tt2ps(family, bold or "<b>" in markup, italic)


def missing_scripts(text: str) -> list[str]:
    """The scripts of letters in ``text`` that no bundled font has (printed as "�")."""
    return fonts.missing_scripts(printable(text))


def script_warnings(texts: Iterable[tuple[str, Iterable[str]]]) -> tuple[str, ...]:
    """A warning for each ``(who, texts)`` pair with letters that no bundled font has."""
    warnings: dict[str, None] = {}
    for who, values in texts:
        scripts = missing_scripts("\n".join(values))
        if scripts:
            warnings[
                f"{who}: {', '.join(scripts)} – diese Zeichen hat keine Schrift des Programms, "
                "sie stehen im PDF als „\ufffd“."
            ] = None
    return tuple(warnings)


def wrap_rtl(text: str, font: str, size: float, width: float) -> str:
    """``text`` with line breaks where a line holding right-to-left letters outgrows ``width``.

    reportlab wraps a paragraph after it is put in visual order, which would put the last
    words of a right-to-left sentence on the first line; breaking the logical text first
    keeps the lines in reading order. A mark (RLM or LRM) carries the paragraph's direction
    into each of its lines.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if not fonts.has_rtl(line) or _visual_width(line, font, size) <= width:
            lines.append(line)
            continue
        mark = "\u200f" if fonts.base_rtl(line) else "\u200e"
        current = ""
        for word in line.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and _visual_width(candidate, font, size) > width:
                lines.append(mark + current)
                current = word
            else:
                current = candidate
        lines.append(mark + current)
    return "\n".join(lines)


def _visual_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(fonts.visual(text), font, size)


def clip(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters, ending in "…" when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–\n") + ELLIPSIS


_CELL_HARD_LIMIT = 2000  # characters per line of a cell (the longest one-line field)
_CELL_QUICK_LIMIT = 180  # a cell with less text (counting line breaks) cannot be too tall


def cell(
    lines: Iterable[tuple[str, str]], style: ParagraphStyle, width: float, max_height: float
) -> Paragraph:
    """A table cell of several lines of user text that is never taller than ``max_height``.

    ``lines`` are ``(text, markup)`` pairs, e.g. ``(name, BOLD)``; empty texts are skipped.
    A table row taller than a page makes reportlab fail, so overlong text is shortened
    with "…" (the longest lines first, then trailing lines are dropped) until the cell fits.
    """
    parts = [(clip(text, _CELL_HARD_LIMIT), fmt) for text, fmt in lines if text and text.strip()]

    def paragraph() -> Paragraph:
        # Right-to-left lines are broken before they are reordered, measured in bold (wider).
        return Paragraph(
            "<br/>".join(
                fmt.format(esc(wrap_rtl(text, FONT_BOLD, style.fontSize, width), _face(style, fmt)))
                for text, fmt in parts
            ),
            style,
        )

    para = paragraph()
    if sum(len(text) + 40 * text.count("\n") for text, _ in parts) <= _CELL_QUICK_LIMIT:
        return para
    while parts and para.wrap(width, max_height)[1] > max_height:
        longest = max(len(text) for text, _ in parts)
        if longest > 40:  # shorten the longest lines
            limit = longest * 3 // 4
            parts = [(clip(text, limit), fmt) for text, fmt in parts]
        elif len(parts) > 1:  # many short lines: drop from the end
            parts.pop()
            text, fmt = parts[-1]
            parts[-1] = (text.removesuffix(ELLIPSIS) + ELLIPSIS, fmt)
        else:
            break
        para = paragraph()
    return para


def data_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    split_rows: bool = False,
) -> WidowlessTable:
    """A table in the house style: tinted header repeated on every page, zebra rows, never
    a last row alone on a page; ``split_rows`` lets a row taller than the space left run on
    to the next page."""
    table = WidowlessTable(
        rows,
        colWidths=list(col_widths),
        repeatRows=header_rows,
        hAlign="LEFT",
        splitInRow=int(split_rows),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),  # else reportlab pulls in Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
                ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
                ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ]
        )
    )
    return table


T = TypeVar("T")
Lines = list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """A column of a :func:`column_table`: its header, width and the cell lines of a row."""

    header: str
    share: float  # of the content width
    lines: Callable[[T], Lines]


def column_table(
    rows: Sequence[T], columns: Sequence[Column[T]], wide: bool = False, *, long_rows: bool = False
) -> WidowlessTable:
    """A :func:`data_table` of ``rows`` with one cell per column, never taller than a page;
    with ``long_rows`` a row may run over up to two pages (an agenda item's long title).

    A cell of one short line ("TOP 3", "öffentlich") is a plain string that the table
    draws in the cell style's font, size, leading and colour, where a paragraph would
    set its baseline: it looks the same and costs a fraction of a paragraph.
    """
    s = styles()
    width = content_width(wide)
    widths = [c.share * width for c in columns]
    # A row must fit on a page together with the repeated header row, unless it may split.
    max_height = content_height(wide) * (2 if long_rows else 0.5)
    cells: list[list[Paragraph | str]] = [[Paragraph(c.header, s.table_head) for c in columns]]
    bold: list[tuple[str, tuple[int, int], tuple[int, int], str]] = []
    for row in rows:
        line: list[Paragraph | str] = []
        for c, w in zip(columns, widths, strict=True):
            lines = c.lines(row)
            found = _one_line(lines, s.cell, w - 2 * CELL_PADDING)
            if found is None:
                line.append(cell(lines, s.cell, w - 2 * CELL_PADDING, max_height))
                continue
            line.append(found)
            if _face(s.cell, lines[0][1]) != s.cell.fontName:
                spot = (len(line) - 1, len(cells))
                bold.append(("FONTNAME", spot, spot, FONT_BOLD))
        cells.append(line)
    table = data_table(cells, widths, split_rows=long_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), s.cell.fontName, s.cell.fontSize, s.cell.leading),
                ("TEXTCOLOR", (0, 1), (-1, -1), s.cell.textColor),
                *bold,
            ]
        )
    )
    return table


def _one_line(lines: Lines, style: ParagraphStyle, width: float) -> str | None:
    """The text of a cell that is one line of plain or bold text the house faces draw and
    that fits ``width`` in ``style``; ``None`` for anything else (a paragraph sets it)."""
    if len(lines) != 1 or lines[0][1] not in (PLAIN, BOLD):
        return None
    text, markup = lines[0]
    if not text or not fonts.only_house_letters(text) or " ".join(text.split()) != text:
        return None
    if pdfmetrics.stringWidth(text, _face(style, markup), style.fontSize) > width:
        return None
    return text


def title_block(title: str, lead: str = "") -> list[Flowable]:
    """The document title as the first flowables of a story, with an optional lead line."""
    s = styles()
    story: list[Flowable] = [Paragraph(esc(title, _face(s.title)), s.title)]
    if lead:
        story += [Spacer(0, 1.5 * mm), Paragraph(esc(lead, _face(s.lead)), s.lead)]
    story.append(Spacer(0, 5 * mm))
    return story


def section_heading(
    text: str, *, keep_space: float = 45 * mm, style: ParagraphStyle | None = None
) -> list[Flowable]:
    """A heading (in ``style``, else the theme's heading) that starts a new page unless
    ``keep_space`` is left below it.

    (Not ``keepWithNext``: with a table longer than a page that forces a page break.)
    """
    heading = style or styles().heading
    return [CondPageBreak(keep_space), Paragraph(esc(clip(text, 200), _face(heading)), heading)]


def german_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


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


def build_pdf(story: list[Flowable], info: DocumentInfo) -> bytes:
    """Lay out ``story`` on A4 pages with the house header and footer; return the PDF."""
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
    return buffer.getvalue()


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """One line of ``text`` as ``font`` draws it, shortened with "…" to fit ``width``."""
    covered = fonts.coverage(font)

    def shown(logical: str) -> str:
        return "".join(fonts.drawable(c, covered) for c in fonts.visual(logical))

    text = " ".join(printable(text).split())
    if pdfmetrics.stringWidth(shown(text), font, size) <= width:
        return shown(text)
    while text and pdfmetrics.stringWidth(shown(text + ELLIPSIS), font, size) > width:
        text = text[: max(len(text) * 9 // 10, len(text) - 8)] if len(text) > 40 else text[:-1]
    return shown(text.rstrip() + ELLIPSIS)


@dataclass(frozen=True, slots=True)
class _HeaderLines:
    """The texts of the header and footer, fitted to their room once per document."""

    council: str
    city: str
    title: str
    dated: str
    footer_note: str


class _PageDecor:
    """Draws header and footer (all but the page count) on each page."""

    def __init__(self, info: DocumentInfo) -> None:
        self.info = info
        self.logo = _logo(info.logo_png)
        self._lines: _HeaderLines | None = None

    def _fitted(self, left: float, right: float, usable: float) -> _HeaderLines:
        """The header and footer texts, shortened to fit (the same on every page)."""
        if self._lines is None:
            info = self.info
            title = fit_line(info.title, FONT_BOLD, 9.5, usable * 0.48)
            dated = german_date(info.date)
            if info.date_label:
                dated = f"{info.date_label}: {dated}"
            text_room = right - left - pdfmetrics.stringWidth(title, FONT_BOLD, 9.5) - 8 * mm
            self._lines = _HeaderLines(
                council=fit_line(info.council_name, FONT_BOLD, 9.5, text_room),
                city=fit_line(info.city, FONT, 8.5, text_room),
                title=title,
                dated=dated,
                footer_note=fit_line(info.footer_note, FONT, 7.5, usable * 0.75)
                if info.footer_note
                else "",
            )
        return self._lines

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        info = self.info
        width, height = doc.pagesize
        left, right = MARGINS.left, width - MARGINS.right
        usable = right - left
        line1, line2 = height - _HEADER_TOP - 4 * mm, height - _HEADER_TOP - 8.5 * mm
        canvas.saveState()
        if info.watermark:
            _draw_watermark(canvas, info.watermark, width, height)
        if self.logo is not None:
            image, logo_width, logo_height = self.logo
            bottom = height - _HEADER_TOP - (_LOGO_BOX[1] + logo_height) / 2
            canvas.drawImage(image, left, bottom, logo_width, logo_height, mask="auto")
            left += logo_width + 4 * mm
        lines = self._fitted(left, right, usable)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 9.5)
        canvas.drawString(left, line1, lines.council)
        canvas.drawRightString(right, line1, lines.title)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(left, line2, lines.city)
        canvas.drawRightString(right, line2, lines.dated)
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


def _logo(png: bytes | None) -> tuple[ImageReader, float, float] | None:
    """The logo with its size scaled into the header's logo box; ``None`` if unusable."""
    if not png:
        return None
    try:
        image = ImageReader(io.BytesIO(png))
        pixel_width, pixel_height = image.getSize()
    except Exception:  # a broken logo must not cost the user the document
        log.warning("Das Logo konnte nicht gelesen werden und wird weggelassen.", exc_info=True)
        return None
    if pixel_width <= 0 or pixel_height <= 0:
        return None
    scale = min(_LOGO_BOX[0] / pixel_width, _LOGO_BOX[1] / pixel_height)
    return image, pixel_width * scale, pixel_height * scale


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
