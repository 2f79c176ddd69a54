"""The points of a list in user text (:mod:`expertenrat.domain.list_points`) set with a
hanging indent: a point's further lines begin under its text, not under its bullet, as in
the document it was copied from."""

from __future__ import annotations

from reportlab.lib.geomutils import normalizeTRBL
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from expertenrat.reports.line_breaks import NBSP


def hanging_style(style: ParagraphStyle, start: str) -> ParagraphStyle:
    """``style`` for a point whose first line begins with ``start`` (its indentation, its
    bullet and the space after it, as drawn): its further lines begin that much further
    in; a tint behind the text stays where it was."""
    hang = stringWidth(start, style.fontName, style.fontSize)
    extra: dict[str, object] = {}
    if style.backColor:
        top, right, bottom, left = normalizeTRBL(style.borderPadding)
        extra["borderPadding"] = (top, right, bottom, left + hang)
    return ParagraphStyle(
        f"{style.name}-point",
        style,
        leftIndent=style.leftIndent + hang,
        firstLineIndent=style.firstLineIndent - hang,
        **extra,
    )


def point_start(mark: str) -> str:
    """The start of a point's first line as :func:`hanging_style` measures it: its
    indentation as no-break spaces (reportlab drops a paragraph's leading spaces), its mark,
    and a no-break space that keeps the first word beside it."""
    body = mark.lstrip(" ")
    return NBSP * (len(mark) - len(body)) + body + NBSP
