"""Headings in the annual report (:mod:`expertenrat.reports.annual_report_pdf`): an action
field's within a section, bookmarked under the section's, and the room kept below the
heading of a section without entries."""

from __future__ import annotations

import functools

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from expertenrat.reports import theme
from expertenrat.reports.bookmarks import Bookmark

# Below the heading of a section without entries: its one line ("Keine Sitzungen im Jahr
# 2026.", and "Noch geplant …"). The 40 mm kept for a section with a table pushed such a
# heading onto a page of its own although both lines had room at the bottom.
EMPTY_SECTION_SPACE = 22 * mm


def field_heading(text: str) -> list[Flowable]:
    """An action field's heading within a section, a bookmark under the section's."""
    heading = theme.section_heading(text, keep_space=35 * mm, style=_field_heading_style())
    return [heading[0], Bookmark(text, 1), *heading[1:]]


@functools.cache
def _field_heading_style() -> ParagraphStyle:
    heading = theme.styles().heading
    return ParagraphStyle("field_heading", heading, fontSize=10.5, leading=13, spaceBefore=8)
