"""The annual report's chart of attendance: per held meeting a bar of the members entitled
to vote, split into present and not present, with "7 von 9" beside it.

Drawn like the recommendations report's charts (reportlab graphics, plain-string labels
fitted with "…").
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from expertenrat.domain.annual_report import MeetingLine
from expertenrat.reports import theme
from expertenrat.reports.recommendation_charts import fit_label, house_drawing, value_step

PRESENT = theme.ACCENT
NOT_PRESENT = colors.HexColor("#c9d1d9")
_LABEL_SIZE = 8
_BAR_ROW = 8 * mm
_LABEL_ROOM = 40 * mm
_VALUE_ROOM = 18 * mm
_LEGEND = 14 * mm


def meeting_caption(meeting: MeetingLine) -> str:
    """ "5. Sitzung, 12.03.2026"."""
    return f"{meeting.label}, {meeting.day:%d.%m.%Y}"


def attendance_per_meeting(meetings: Sequence[MeetingLine], width: float) -> Drawing:
    """One bar per meeting (the first on top), present and not present stacked."""
    plot_height = _BAR_ROW * max(len(meetings), 1)
    drawing = house_drawing(width, plot_height + _LEGEND + 4 * mm)
    bars = HorizontalBarChart()
    bars.x, bars.y = _LABEL_ROOM, _LEGEND + 2 * mm
    bars.width = width - _LABEL_ROOM - _VALUE_ROOM
    bars.height = plot_height
    shown = list(reversed(meetings))
    bars.data = [
        tuple(m.present for m in shown) or (0,),
        tuple(max(m.entitled - m.present, 0) for m in shown) or (0,),
    ]
    names = [fit_label(meeting_caption(m), _LABEL_ROOM - 3 * mm) for m in shown]
    bars.categoryAxis.categoryNames = names or [""]
    bars.categoryAxis.style = "stacked"
    bars.categoryAxis.labels.fontName = theme.FONT
    bars.categoryAxis.labels.fontSize = _LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -3
    bars.categoryAxis.strokeColor = theme.RULE
    top = max((m.entitled for m in meetings), default=0)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(top, 1)
    bars.valueAxis.valueStep = value_step(top)
    bars.valueAxis.labels.fontName = theme.FONT
    bars.valueAxis.labels.fontSize = _LABEL_SIZE - 0.5
    bars.valueAxis.labelTextFormat = "%d"
    bars.valueAxis.strokeColor = theme.RULE
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = theme.ZEBRA
    bars.barWidth = _BAR_ROW * 0.6
    bars.groupSpacing = _BAR_ROW * 0.4
    for index, colour in enumerate((PRESENT, NOT_PRESENT)):
        bars.bars[index].fillColor = colour
        bars.bars[index].strokeColor = colors.white
        bars.bars[index].strokeWidth = 0.4
    drawing.add(bars)
    step = plot_height / max(len(shown), 1)
    for index, meeting in enumerate(shown):
        drawing.add(
            String(
                bars.x + bars.width + 2 * mm,
                bars.y + step * (index + 0.5) - _LABEL_SIZE / 3,
                f"{meeting.present} von {meeting.entitled}",
                fontName=theme.FONT,
                fontSize=_LABEL_SIZE - 0.5,
                fillColor=theme.INK,
            )
        )
    legend = Legend()
    legend.x, legend.y = _LABEL_ROOM, 4 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 40 * mm
    legend.dx, legend.dy = 7, 7
    legend.fontName = theme.FONT
    legend.fontSize = _LABEL_SIZE
    legend.strokeColor = None
    legend.colorNamePairs = [
        (PRESENT, "anwesend (stimmberechtigt)"),
        (NOT_PRESENT, "nicht anwesend"),
    ]
    drawing.add(legend)
    return drawing
