"""User text on its way into a document: made printable, escaped for paragraph markup
(right-to-left text in visual order, letters the house faces lack in a fallback font, see
:mod:`expertenrat.reports.fonts`), broken or shortened to fit, and warnings about letters
no bundled font has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.fonts import ps2tt
from reportlab.pdfbase import pdfmetrics

from expertenrat.domain.wording import listed
from expertenrat.reports import fonts, visual_order
from expertenrat.reports.house_style import FONT
from expertenrat.reports.line_breaks import keep_together

ELLIPSIS = "…"

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # category Cc but the line feed
# The emoji an emoji sequence joins to the first (a family, "woman technologist"): one
# picture on screen. The program's fonts have few emoji and none of these pictures; each
# part was a "\ufffd" of its own in the PDF, three for a family (found by a tester): now
# the sequence is drawn as its first emoji, one "\ufffd" as an emoji alone is.
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_JOINED_EMOJI = re.compile(
    f"(?<=[{_EMOJI}\ufe0f\U0001f3fb-\U0001f3ff])\u200d[{_EMOJI}]\ufe0f?[\U0001f3fb-\U0001f3ff]?"
)


def printable(text: str) -> str:
    """``text`` composed (NFC), with one kind of line break and without control codes
    (a tab becomes a space); an emoji sequence as its first emoji."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\u200d" in text:
        text = _JOINED_EMOJI.sub("", text)
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
    return "<br/>".join(_markup(visual_order.visual(line), bold + 2 * italic) for line in lines)


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
    """A warning for the ``(who, texts)`` pairs with letters that no bundled font has, one
    per kind of letters, naming every ``who`` that has them ("TOP 1, 2, 6.1 und 8:
    Symbole oder Emoji – …"): an emoji in each of 40 items is one warning, not 40."""
    found: dict[tuple[str, ...], list[str]] = {}
    for who, values in texts:
        scripts = tuple(missing_scripts("\n".join(values)))
        if scripts and who not in found.setdefault(scripts, []):
            found[scripts].append(who)
    return tuple(
        f"{_whos_listed(whos)}: {', '.join(scripts)} – diese Zeichen hat keine Schrift des "
        "Programms, sie stehen im PDF als „\ufffd“."
        for scripts, whos in found.items()
    )


def _whos_listed(whos: list[str]) -> str:
    """ "Anwesenheit, TOP 1, 2 und 6.1": "TOP" said once for a run of items."""
    parts = [
        who[4:] if who.startswith("TOP ") and before.startswith("TOP ") else who
        for before, who in zip(["", *whos], whos, strict=False)
    ]
    return listed(parts)


def wrap_rtl(text: str, font: str, size: float, width: float) -> str:
    """``text`` with line breaks where a line holding right-to-left letters outgrows ``width``.

    reportlab wraps a paragraph after it is put in visual order, which would put the last
    words of a right-to-left sentence on the first line; breaking the logical text first
    keeps the lines in reading order. A mark (RLM or LRM) carries the paragraph's direction
    into each of its lines that holds right-to-left letters; a line without any is drawn as
    it is, so a mark there would do nothing but stay in the PDF's text (copied as
    "und \u200everlässt").
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if not visual_order.has_rtl(line) or _visual_width(line, font, size) <= width:
            lines.append(line)
            continue
        mark = "\u200f" if visual_order.base_rtl(line) else "\u200e"
        current = ""
        for word in line.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and _visual_width(candidate, font, size) > width:
                lines.append(_marked(mark, current))
                current = word
            else:
                current = candidate
        lines.append(_marked(mark, current))
    return "\n".join(lines)


def _marked(mark: str, line: str) -> str:
    """``line`` led by the direction ``mark`` where it holds right-to-left letters."""
    return mark + line if visual_order.has_rtl(line) else line


def _visual_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` as :func:`esc` draws it in ``font``: letters the house family
    lacks in their fallback family, those no family has as "�", invisible marks gone."""
    _, bold, italic = ps2tt(font)
    return sum(
        pdfmetrics.stringWidth(
            run, font if family is None else family.face_names[bold + 2 * italic], size
        )
        for family, run in fonts.font_runs(visual_order.visual(printable(text)))
    )


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
    text = " ".join(printable(text).split())
    if _drawn_width(text, font, size) <= width:
        return _shown(text, font)
    while text and _drawn_width(text + ELLIPSIS, font, size) > width:
        text = text[: max(len(text) * 9 // 10, len(text) - 8)] if len(text) > 40 else text[:-1]
    return _shown(text.rstrip() + ELLIPSIS, font)


def fit_lines(text: str, font: str, size: float, widths: Sequence[float]) -> tuple[list[str], bool]:
    """``text`` as ``font`` draws it on at most one line per entry of ``widths`` (the first
    line as wide as the first entry, and so on), and whether the lines hold all of it.

    Lines break at spaces where German typesetting allows (see :func:`keep_together`) and
    are about as long as each other, where their widths allow. A word longer than its line
    is cut; where the text is longer than the lines, the last one ends in "…". A mark
    carries the text's direction into each line (see :func:`wrap_rtl`).
    """
    text = " ".join(printable(text).split())
    if len(widths) == 1 or _drawn_width(text, font, size) <= widths[0]:
        return [fit_line(text, font, size, widths[0])], _drawn_width(text, font, size) <= widths[0]
    mark = (
        ("\u200f" if visual_order.base_rtl(text) else "\u200e")
        if visual_order.has_rtl(text)
        else ""
    )
    rest = keep_together(text)
    even = _even_lines(rest.split(" "), font, size, widths)
    if even is not None:
        return [_shown(mark + line, font) for line in even], True
    lines: list[str] = []
    for width in widths[:-1]:
        if _drawn_width(rest, font, size) <= width:
            break
        line, rest = _first_line(rest, font, size, width)
        lines.append(_shown(mark + line, font))
    last = widths[len(lines)]
    return [*lines, fit_line(mark + rest, font, size, last)], _drawn_width(rest, font, size) <= last


def _even_lines(
    words: list[str], font: str, size: float, widths: Sequence[float]
) -> list[str] | None:
    """``words`` on lines no wider than ``widths`` and as even as they allow: filled under
    the narrowest limit that still holds them all; ``None`` if they do not fit whole."""

    def filled(limit: float) -> list[str] | None:
        lines: list[str] = []
        taken = 0
        for width in widths:
            end = taken
            while end < len(words) and (
                _drawn_width(" ".join(words[taken : end + 1]), font, size) <= min(width, limit)
            ):
                end += 1
            if end == taken:  # not even one word: no empty line
                return None
            lines.append(" ".join(words[taken:end]))
            taken = end
            if taken == len(words):
                return lines
        return None

    if filled(max(widths)) is None:
        return None
    low, high = 0.0, max(widths)
    for _ in range(10):  # to a thousandth of the width
        middle = (low + high) / 2
        low, high = (middle, high) if filled(middle) is None else (low, middle)
    return filled(high)


def _first_line(text: str, font: str, size: float, width: float) -> tuple[str, str]:
    """The words of ``text`` that fit on a line of ``width`` (at least part of the first
    word), and the rest."""
    words = text.split(" ")
    line = words[0]
    if _drawn_width(line, font, size) > width:
        shortest, longest = 1, len(line) - 1  # the longest start of the word that fits
        while shortest < longest:
            middle = (shortest + longest + 1) // 2
            if _drawn_width(line[:middle], font, size) <= width:
                shortest = middle
            else:
                longest = middle - 1
        return line[:shortest], text[shortest:].lstrip()
    taken = 1
    while taken < len(words) and _drawn_width(f"{line} {words[taken]}", font, size) <= width:
        line = f"{line} {words[taken]}"
        taken += 1
    return line, " ".join(words[taken:])


def _shown(logical: str, font: str) -> str:
    """``logical`` as ``font`` draws it: in visual order, without direction marks (their
    work is done), letters it lacks as "�"."""
    covered = fonts.coverage(font)
    ordered = visual_order.visual(logical).translate(visual_order.DIRECTION_MARKS)
    return "".join(fonts.drawable(c, covered) for c in ordered)


def _drawn_width(logical: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(_shown(logical, font), font, size)
