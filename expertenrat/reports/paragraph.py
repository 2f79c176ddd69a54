"""The paragraph all documents set text in: reportlab's, made fast for many table cells.

:class:`Paragraph` reads each shape of markup once and breaks its lines once per width; see
its docstring for how.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as platypus_paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from expertenrat.reports import url_breaks


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
    _soft_hyphens = False  # those of url_breaks in its frags

    def __init__(self, text: str, style: ParagraphStyle, **kwargs: Any) -> None:
        frags = None if kwargs else _fragments(text := cleanBlockQuotedText(text), style)
        if frags is None:
            super().__init__(text, style, **kwargs)
        else:
            super().__init__(text, style, frags=frags)
        self._source = self.frags  # breaking its lines may replace them

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        broken = self._broken
        if broken is not None and broken[0] == availWidth:
            self.width, self.blPara, self._wrapWidths, self.height = broken
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        if self.style.embeddedHyphenation and _overflows(self.blPara):
            # reportlab breaks a long word at its first hyphen or slash and then leaves
            # the rest whole, past the margin (a video link "…/j/8473…?pwd=…&lang=de"):
            # broken without that, the word breaks after a slash of its own where one
            # fits (see url_breaks), else where the line ends.
            self.style = _without_embedded_hyphenation(self.style)
            self.frags = url_breaks.with_breaks(self._source, min(self._wrapWidths))
            self._soft_hyphens = True
            size = super().wrap(availWidth, availHeight)
            # reportlab cuts no part too long for a line after a soft hyphen, and loses
            # letters where a paragraph of several fonts or styles breaks over pages
            if self.blPara.kind != 0 or _overflows(self.blPara):
                self.frags, self._soft_hyphens = self._source, False
                size = super().wrap(availWidth, availHeight)
        if self._soft_hyphens:
            url_breaks.without_break_hyphens(self.blPara)
        if availWidth >= platypus_paragraph._FUZZ:
            self._broken = (availWidth, self.blPara, self._wrapWidths, self.height)
        return size


def _overflows(lines: Any) -> bool:
    """Whether a line of the broken paragraph runs past its width."""
    for line in getattr(lines, "lines", ()):
        extra = line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0)
        if extra < -platypus_paragraph._FUZZ:
            return True
    return False


_PLAIN_BREAKING: weakref.WeakKeyDictionary[ParagraphStyle, ParagraphStyle] = (
    weakref.WeakKeyDictionary()
)


def _without_embedded_hyphenation(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` breaking long words where the line ends, not at their hyphens (kept)."""
    plain = _PLAIN_BREAKING.get(style)
    if plain is None:
        plain = _PLAIN_BREAKING[style] = ParagraphStyle(
            f"{style.name}-plain", style, embeddedHyphenation=0
        )
    return plain


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
