"""User text on its way into a document: made printable, escaped for paragraph markup
(right-to-left text in visual order, letters the house faces lack in a fallback font, see
:mod:`expertenrat.reports.fonts`), broken or shortened to fit, and warnings about letters
no bundled font has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.fonts import ps2tt
from reportlab.pdfbase import pdfmetrics

from expertenrat.reports import fonts
from expertenrat.reports.house_style import FONT
from expertenrat.reports.line_breaks import keep_together

ELLIPSIS = "…"

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
