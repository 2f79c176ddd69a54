"""The end of the minutes PDF: the meeting's end, the annexes and the signature lines, with
the approval of approved minutes, kept together on one page."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import minutes_blocks as blocks
from expertenrat.reports import theme
from expertenrat.reports.bookmarks import bookmarked_heading
from expertenrat.reports.minutes_keeping import Closing
from expertenrat.reports.theme import BOLD


def minutes_closing(doc: MinutesDocument) -> list[Flowable]:
    """The end of the meeting, the annexes and the signature lines (with the approval note
    of approved minutes, whole) on one page: the signatures close the text, never alone
    overleaf, detached from what they sign (a list of annexes longer than a page breaks,
    its last two lines kept with the signatures)."""
    closed = f"{doc.closed_at:%H:%M} Uhr" if doc.closed_at else "–"
    story: list[Flowable] = [
        parts.paragraph(f"Ende der Sitzung: {closed}", "body", BOLD),
        *bookmarked_heading("Anlagen", keep_space=20 * mm),
    ]
    if doc.annexes:
        story += [parts.paragraph(a.label) for a in doc.annexes]
    else:
        story.append(parts.paragraph("Keine Anlagen.", "note"))
    end = [Spacer(0, 10 * mm), _signatures(doc)]
    if doc.approval is not None:
        end += [Spacer(0, 6 * mm), blocks.approval_box(doc.approval)]
    return [Spacer(0, 4 * mm), Closing(story[:-2], [*story[-2:], *end])]


def _signatures(doc: MinutesDocument) -> Table:
    """Two signature lines side by side: chair and minute-taker, with their names."""
    s = theme.styles()
    width = theme.content_width()
    gap = 12 * mm
    column = (width - gap) / 2
    small = ParagraphStyle("signature", s.small)
    table = Table(
        [
            ["", "", ""],
            [
                parts.paragraph(f"Sitzungsleitung\n{doc.chair}".rstrip(), small),
                "",
                parts.paragraph(f"Protokoll\n{doc.minute_taker}".rstrip(), small),
            ],
        ],
        colWidths=[column, gap, column],
        rowHeights=[14 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.FONT, 9),
                ("LINEABOVE", (0, 1), (0, 1), 0.6, theme.INK),
                ("LINEABOVE", (2, 1), (2, 1), 0.6, theme.INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table
