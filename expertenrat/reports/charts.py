"""The house style of the reports' charts (reportlab graphics): a drawing in the house font,
stacked horizontal bars with their axes, a legend, and labels fitted with "…".

Labels are drawn as plain strings (no markup); letters the house font lacks become "�" as in
the page header.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from expertenrat.reports import theme

LABEL_SIZE = 8


def house_drawing(width: float, height: float) -> Drawing:
    """A drawing that starts in the house font: reportlab's default (Helvetica) would
    otherwise be set, and so listed in the PDF, though no text is drawn in it."""
    drawing = Drawing(width, height)
    drawing.initialFontName = theme.FONT
    return drawing


def captioned(
    caption: Flowable, chart: Drawing, *, space_above: float, at_least: float
) -> list[Flowable]:
    """A chart under its caption ("Status je Handlungsfeld"), on a new page unless both fit
    (and ``at_least`` is left): with a fixed room asked for, the caption of a tall chart (a
    year of many meetings) stood alone at the foot of a page, the chart overleaf."""
    width = chart.width
    needed = space_above + caption.wrap(width, chart.height)[1] + caption.getSpaceAfter()
    needed += chart.height
    return [CondPageBreak(max(needed, at_least)), Spacer(0, space_above), caption, chart]


def fit_label(text: str, width: float) -> str:
    """A chart label in the labels' font, shortened with "…" to ``width``."""
    return theme.fit_line(text, theme.FONT, LABEL_SIZE, width)


def value_step(top: int) -> int:
    """A value step that gives at most about six grid lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return max(top // 5, 1)


def stacked_bars(
    segments: Sequence[tuple[int, ...]],
    names: Sequence[str],
    segment_colours: Sequence[colors.Color],
    *,
    row: float,
) -> HorizontalBarChart:
    """Horizontal bars, one per name (the first at the bottom), each stacked from
    ``segments`` (one tuple per segment, a value per bar) in ``segment_colours``, with a
    grid; the caller places and sizes the chart."""
    bars = HorizontalBarChart()
    bars.data = list(segments) or [(0,)]
    bars.categoryAxis.categoryNames = list(names) or [""]
    bars.categoryAxis.style = "stacked"
    bars.categoryAxis.labels.fontName = theme.FONT
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -3
    bars.categoryAxis.strokeColor = theme.RULE
    top = max((sum(column) for column in zip(*bars.data, strict=True)), default=0)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(top, 1)
    bars.valueAxis.valueStep = value_step(top)
    bars.valueAxis.labels.fontName = theme.FONT
    bars.valueAxis.labels.fontSize = LABEL_SIZE - 0.5
    bars.valueAxis.labelTextFormat = "%d"
    bars.valueAxis.strokeColor = theme.RULE
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = theme.ZEBRA
    bars.barWidth = row * 0.6
    bars.groupSpacing = row * 0.4
    for index, colour in enumerate(segment_colours):
        bars.bars[index].fillColor = colour
        bars.bars[index].strokeColor = colors.white
        bars.bars[index].strokeWidth = 0.4
    return bars


def legend(
    x: float,
    y: float,
    pairs: Sequence[tuple[colors.Color, str]],
    *,
    rows: int,
    column_width: float,
) -> Legend:
    """A legend of coloured squares and names, ``rows`` high, columns ``column_width`` apart."""
    shown = Legend()
    shown.x, shown.y = x, y
    shown.alignment = "right"
    shown.columnMaximum = rows
    shown.deltax = column_width
    shown.dx, shown.dy = 7, 7
    shown.fontName = theme.FONT
    shown.fontSize = LABEL_SIZE
    shown.strokeColor = None
    shown.colorNamePairs = list(pairs)
    return shown
