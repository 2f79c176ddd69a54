"""The look all printed documents share, in one module that documents import.

Its parts live in modules of their own, and this module hands their names on:

- :mod:`~expertenrat.reports.house_style`: fonts, colours, inline markup, paragraph styles.
- :mod:`~expertenrat.reports.user_text`: user text goes through :func:`esc` before it enters
  paragraph markup: that escapes it, puts right-to-left text in visual order and gives
  letters that a face lacks to a fallback font; shortening and fitting text.
- :mod:`~expertenrat.reports.paragraph`: the paragraph all text is set in.
- :mod:`~expertenrat.reports.tables`: tables of cells in the house style.
- :mod:`~expertenrat.reports.page_frame`: documents build a story of flowables and hand it
  to :func:`build_pdf` together with a :class:`DocumentInfo`; the page frame draws the
  header (logo, council, city, title, date) and the footer ("Seite x von y") on every page.

Here are the title and the headings that start a document and its sections.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from expertenrat.reports.house_style import (
    ACCENT,
    BOLD,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    PLAIN,
    RULE,
    SMALL,
    SMALL_RUN_ON,
    ZEBRA,
    face_of,
    german_date,
    styles,
)
from expertenrat.reports.page_frame import (
    CREATOR,
    DocumentInfo,
    build_counted_pdf,
    build_pdf,
    content_height,
    content_width,
)
from expertenrat.reports.paragraph import Paragraph
from expertenrat.reports.tables import (
    CELL_PADDING,
    Column,
    Lines,
    cell,
    column_table,
    fitted_share,
)
from expertenrat.reports.user_text import (
    clip,
    esc,
    fit_line,
    printable,
    script_warnings,
    wrap_rtl,
)

__all__ = [
    "ACCENT",
    "BOLD",
    "CELL_PADDING",
    "CREATOR",
    "FONT",
    "FONT_BOLD",
    "INK",
    "MUTED",
    "PLAIN",
    "RULE",
    "SMALL",
    "SMALL_RUN_ON",
    "ZEBRA",
    "Column",
    "DocumentInfo",
    "Lines",
    "Paragraph",
    "build_counted_pdf",
    "build_pdf",
    "cell",
    "clip",
    "column_table",
    "content_height",
    "content_width",
    "esc",
    "fit_line",
    "fitted_share",
    "german_date",
    "printable",
    "script_warnings",
    "section_heading",
    "styles",
    "title_block",
    "wrap_rtl",
]


def title_block(title: str, lead: str = "") -> list[Flowable]:
    """The document title as the first flowables of a story, with an optional lead line."""
    s = styles()
    story: list[Flowable] = [Paragraph(esc(title, face_of(s.title)), s.title)]
    if lead:
        story += [Spacer(0, 1.5 * mm), Paragraph(esc(lead, face_of(s.lead)), s.lead)]
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
    return [CondPageBreak(keep_space), Paragraph(esc(clip(text, 200), face_of(heading)), heading)]
