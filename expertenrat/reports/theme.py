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
- :mod:`~expertenrat.reports.page_geometry`: the page size, the margins, the content's room.

Here are the title and the headings that start a document and its sections, and
:func:`markup`, the user text of a paragraph that wraps Arabic and Hebrew in reading order.
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
from expertenrat.reports.page_frame import CREATOR, DocumentInfo, build_counted_pdf, build_pdf
from expertenrat.reports.page_geometry import content_height, content_width
from expertenrat.reports.paragraph import Paragraph
from expertenrat.reports.tables import (
    CELL_PADDING,
    Column,
    Lines,
    cell,
    column_table,
    fitted_share,
    word_share,
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
    "markup",
    "printable",
    "script_warnings",
    "section_heading",
    "styles",
    "title_block",
    "word_share",
    "wrap_rtl",
]


def markup(
    text: str, style: ParagraphStyle, *, face: str | None = None, width: float | None = None
) -> str:
    """User ``text`` as markup of a paragraph in ``style`` (set in ``face``, else the
    style's) that is ``width`` wide (else the page's content width) less the style's
    indents: escaped as :func:`esc` does, with its lines holding right-to-left letters
    broken in reading order first (:func:`wrap_rtl`). reportlab would break them after
    putting them in visual order, so that a title's last Arabic or Hebrew words stood on
    its first line. Every title, heading and paragraph of user text goes through here."""
    face = face or face_of(style)
    width = (content_width() if width is None else width) - style.leftIndent - style.rightIndent
    return esc(wrap_rtl(text, face, style.fontSize, width), face)


def title_block(title: str, lead: str = "", *, landscape: bool = False) -> list[Flowable]:
    """The document title as the first flowables of a story, with an optional lead line
    (``landscape``: on a landscape page)."""
    s = styles()
    width = content_width(landscape)
    story: list[Flowable] = [Paragraph(markup(title, s.title, width=width), s.title)]
    if lead:
        story += [Spacer(0, 1.5 * mm), Paragraph(markup(lead, s.lead, width=width), s.lead)]
    story.append(Spacer(0, 5 * mm))
    return story


def section_heading(
    text: str,
    *,
    keep_space: float = 45 * mm,
    style: ParagraphStyle | None = None,
    landscape: bool = False,
) -> list[Flowable]:
    """A heading (in ``style``, else the theme's heading) that starts a new page unless
    ``keep_space`` is left below it (``landscape``: on a landscape page), and unless the
    start of what follows fits below it (``keepWithNext``, which the page frame takes as
    :class:`~expertenrat.reports.widowless_table.KeepWithStart`: a table's header and two
    rows, a paragraph's first lines; not the whole of a long table).
    """
    heading = style or styles().heading
    text = markup(clip(text, 200), heading, width=content_width(landscape))
    paragraph = Paragraph(text, heading)
    paragraph.keepWithNext = True
    return [CondPageBreak(keep_space), paragraph]
