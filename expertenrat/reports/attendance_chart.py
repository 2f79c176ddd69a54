"""The annual report's chart of attendance: per held meeting a bar of the members entitled
to vote, split into present and not present, with "7 von 9" beside it.

Drawn in the house style of ``charts``.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from expertenrat.domain.annual_report import MeetingLine
from expertenrat.domain.wording import isolated
from expertenrat.reports import theme
from expertenrat.reports.charts import (
    LABEL_SIZE,
    fit_label,
    house_drawing,
    legend,
    stacked_bars,
)
from expertenrat.reports.user_text import ELLIPSIS

PRESENT = theme.ACCENT
NOT_PRESENT = colors.HexColor("#c9d1d9")
_BAR_ROW = 8 * mm
_LABEL_ROOM = 40 * mm  # at least; more for long labels, up to _LABEL_SHARE of the width
_LABEL_SHARE = 0.5
_VALUE_ROOM = 18 * mm
_LEGEND = 14 * mm


def meeting_caption(meeting: MeetingLine) -> str:
    """ "5. Sitzung, 12.03.2026"."""
    return f"{isolated(meeting.label)}, {meeting.day:%d.%m.%Y}"  # the date outside a title


def _fitted_caption(meeting: MeetingLine, width: float) -> str:
    """The caption in ``width``: a long label (a Klausur's title) gives way, the date stays
    ("8. Sitzung – Klausur: Daten…, 14.12.2026")."""
    caption = fit_label(meeting_caption(meeting), width)
    if not caption.endswith(ELLIPSIS):
        return caption
    day = f", {meeting.day:%d.%m.%Y}"
    room = width - stringWidth(day, theme.FONT, LABEL_SIZE)
    return fit_label(isolated(meeting.label), room) + day  # the label begins left to right


def _label_room(meetings: Sequence[MeetingLine], width: float) -> float:
    """Room for the captions: the widest, within 40 mm and half of the chart's width."""
    widest = max(
        (
            stringWidth(fit_label(meeting_caption(m), width), theme.FONT, LABEL_SIZE)
            for m in meetings
        ),
        default=0,
    )
    return min(max(_LABEL_ROOM, widest + 3 * mm), width * _LABEL_SHARE)


def attendance_per_meeting(meetings: Sequence[MeetingLine], width: float, most: float) -> Drawing:
    """One bar per meeting (the first on top), present and not present stacked; at most
    ``most`` high (the bars closer together): a year of 29 meetings drew a chart taller than
    a page with its caption, one of 37 taller than a page, which reportlab cannot place."""
    label_room = _label_room(meetings, width)
    row = min(_BAR_ROW, (most - _LEGEND - 4 * mm) / max(len(meetings), 1))
    plot_height = row * max(len(meetings), 1)
    drawing = house_drawing(width, plot_height + _LEGEND + 4 * mm)
    shown = list(reversed(meetings))
    bars = stacked_bars(
        [
            tuple(m.present for m in shown),
            tuple(max(m.entitled - m.present, 0) for m in shown),
        ]
        if shown
        else [],
        [_fitted_caption(m, label_room - 3 * mm) for m in shown],
        (PRESENT, NOT_PRESENT),
        row=row,
    )
    bars.x, bars.y = label_room, _LEGEND + 2 * mm
    bars.width = width - label_room - _VALUE_ROOM
    bars.height = plot_height
    drawing.add(bars)
    step = plot_height / max(len(shown), 1)
    for index, meeting in enumerate(shown):
        drawing.add(
            String(
                bars.x + bars.width + 2 * mm,
                bars.y + step * (index + 0.5) - LABEL_SIZE / 3,
                f"{meeting.present} von {meeting.entitled}",
                fontName=theme.FONT,
                fontSize=LABEL_SIZE - 0.5,
                fillColor=theme.INK,
            )
        )
    drawing.add(
        legend(
            label_room,
            4 * mm,
            [(PRESENT, "anwesend (stimmberechtigt)"), (NOT_PRESENT, "nicht anwesend")],
            rows=1,
            column_width=40 * mm,
        )
    )
    return drawing
