"""The house style of the printed documents: fonts, colours, inline markup, paragraph styles
and the form of a date.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle

from expertenrat.reports import fonts
from expertenrat.reports.line_breaks import NBSP

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = fonts.HOUSE.face_names

INK = colors.HexColor("#1f2328")
_MUTED_HEX = "#5b6670"
MUTED = colors.HexColor(_MUTED_HEX)
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#c3ccd4")
HEAD_FILL = colors.HexColor("#e6edf4")
ZEBRA = colors.HexColor("#f4f6f8")
# Drawn over the content (page_header): as light as #e3e7eb on white, dark text stays dark.
WATERMARK = colors.HexColor(f"{_MUTED_HEX}33", hasAlpha=True)

# Inline markup for one line of a table cell; "{}" is replaced by the escaped text.
PLAIN = "{}"
BOLD = "<b>{}</b>"
SMALL_SIZE = 7.5
SMALL = f'<font size="{SMALL_SIZE}" color="{_MUTED_HEX}">{{}}</font>'
# SMALL, but in a table cell after the line before it (see tables.cell), joined to its last
# word by a no-break space: the run begins with a separator ("· Projekt: …"), and a
# separator ends a line, never begins one.
SMALL_RUN_ON = f"{NBSP}{SMALL}"


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
    fonts.register_fonts()
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


def face_of(style: ParagraphStyle, markup: str = PLAIN) -> str:
    """The face of text in ``style`` wrapped in ``markup`` (bold in ``BOLD``)."""
    family, bold, italic = ps2tt(style.fontName)
    return tt2ps(family, bold or "<b>" in markup, italic)


def german_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"
