"""What the council's letters share (the invitation and the reminder to a project): the
page frame's data, the address with place and date beside it, the subject with the
salutation, and the closing with greeting and signature."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.wording import isolated
from expertenrat.reports import theme
from expertenrat.reports.meeting_parts import paragraph

_PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
_GUTTER = 6 * mm  # between the address and the place and date beside it


def letter_info(
    head: Letterhead,
    title: str,
    on: date,
    *,
    subject: str = "",
    keywords: str = "",
    reproducible: bool = False,
) -> theme.DocumentInfo:
    """The page frame of a letter titled ``title`` and dated ``on``: the header shows the
    date without a label; ``subject`` (the PDF's metadata) defaults to the title."""
    return theme.DocumentInfo(
        title=title,
        council_name=head.council_name,
        city=head.city,
        date=on,
        logo_png=head.logo_png,
        subject=subject or title,
        date_label="",
        keywords=keywords,
        reproducible=reproducible,
    )


def address_block(lines: Sequence[str], city: str, on: date) -> list[Flowable]:
    """The address (its non-empty ``lines``) on the left and, beside its first line, place
    and date on the right ("Rostock, 24.02.2026"; the date alone without a place), as the
    information block of a DIN 5008 letter; place and date take the width they need, the
    address the rest."""
    s = theme.styles()
    dated = ParagraphStyle("dated", s.body, alignment=TA_RIGHT)
    place = " ".join(city.split())
    day = theme.german_date(on)
    text = f"{place}, {day}" if place else day
    width = theme.content_width()
    beside = _date_width(text, s.body, width * 0.38)
    text = f"{isolated(place)}, {day}" if place else day  # measured without the isolates
    block = Table(
        [[paragraph("\n".join(line for line in lines if line.strip())), paragraph(text, dated)]],
        colWidths=[width - beside, beside],
        hAlign="LEFT",
    )
    block.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.FONT, 10),  # else a Helvetica not embedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *((side, (0, 0), (-1, -1), 0) for side in _PADDINGS),
                ("RIGHTPADDING", (0, 0), (0, 0), _GUTTER),
            ]
        )
    )
    return [Spacer(0, 2 * mm), block, Spacer(0, 4 * mm)]


def _date_width(text: str, style: ParagraphStyle, most: float) -> float:
    """The width place and date need: one line where it fits in ``most``, else the least
    for two lines ("Hanse- und Universitätsstadt" / "Rostock, 24.02.2026"), so that the
    address beside it gets the rest; never more than ``most``."""
    words = text.split(" ")

    def width(part: list[str]) -> float:  # 2 points of air against rounding at the edge
        return stringWidth(" ".join(part), style.fontName, style.fontSize) + 2

    if width(words) <= most or len(words) < 2:
        return min(most, width(words))
    return min(most, *(max(width(words[:n]), width(words[n:])) for n in range(1, len(words))))


def opening(subject: str, salutation: str) -> list[Flowable]:
    """The subject as the letter's heading, then the salutation."""
    return [
        paragraph(subject, "heading", theme.BOLD),
        Spacer(0, 2 * mm),
        paragraph(salutation),
        Spacer(0, 3 * mm),
    ]


def closing(signature: str, council_name: str) -> list[Flowable]:
    """Greeting, who signs and the council (to be kept together, with the letter's last
    rows where it ends in a table: ``widowless_table.TableWithClosing``)."""
    return [
        paragraph("Mit freundlichen Grüßen"),
        Spacer(0, 6 * mm),
        paragraph(signature),
        paragraph(council_name, "small"),
    ]
