"""The two charts of the recommendations report, drawn with reportlab graphics: the status
per action field (stacked bars) and the share answered in time per year (bars in percent).

Labels are drawn as plain strings (no markup), fitted to their room with "…"; letters the
house font lacks become "�" as in the page header.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendations_report import InTimeYear, StatusChart
from expertenrat.reports import theme

S = RecommendationStatus
STATUS_COLOURS = {
    S.DRAFT: colors.HexColor("#c9d1d9"),
    S.ADOPTED: colors.HexColor("#9db4cc"),
    S.SENT: colors.HexColor("#e0a526"),
    S.ANSWERED: colors.HexColor("#4a86c5"),
    S.IMPLEMENTED: colors.HexColor("#2e8b57"),
    S.PARTLY_IMPLEMENTED: colors.HexColor("#8cc084"),
    S.NOT_IMPLEMENTED: colors.HexColor("#c0504d"),
    S.WITHDRAWN: colors.HexColor("#8a8f94"),
}
_LABEL_SIZE = 8
_BAR_ROW = 9 * mm
_LABEL_ROOM = 48 * mm


def status_per_field(chart: StatusChart, width: float) -> Drawing:
    """One stacked bar per action field, a segment per status, the legend below."""
    legend_rows = (len(chart.statuses) + 3) // 4
    legend_height = legend_rows * 5 * mm + 2 * mm
    plot_height = _BAR_ROW * max(len(chart.fields), 1)
    height = plot_height + legend_height + 8 * mm
    drawing = house_drawing(width, height)
    bars = HorizontalBarChart()
    bars.x, bars.y = _LABEL_ROOM, legend_height + 6 * mm
    bars.width, bars.height = width - _LABEL_ROOM - 4 * mm, plot_height
    # The first field on top, as it is read.
    bars.data = [tuple(reversed(row)) for row in chart.counts] or [(0,)]
    names = [fit_label(name, _LABEL_ROOM - 3 * mm) for name in reversed(chart.fields)]
    bars.categoryAxis.categoryNames = names or [""]
    bars.categoryAxis.style = "stacked"
    bars.categoryAxis.labels.fontName = theme.FONT
    bars.categoryAxis.labels.fontSize = _LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -3
    bars.categoryAxis.strokeColor = theme.RULE
    bars.valueAxis.valueMin = 0
    top = max((sum(column) for column in zip(*chart.counts, strict=True)), default=0)
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
    for index, status in enumerate(chart.statuses):
        bars.bars[index].fillColor = STATUS_COLOURS[status]
        bars.bars[index].strokeColor = colors.white
        bars.bars[index].strokeWidth = 0.4
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = 4 * mm, legend_height
    legend.alignment = "right"
    legend.columnMaximum = legend_rows
    legend.deltax = (width - 8 * mm) / 4
    legend.dx, legend.dy = 7, 7
    legend.fontName = theme.FONT
    legend.fontSize = _LABEL_SIZE
    legend.strokeColor = None
    legend.colorNamePairs = [(STATUS_COLOURS[s], s.label) for s in chart.statuses]
    drawing.add(legend)
    return drawing


def answered_in_time(years: tuple[InTimeYear, ...], width: float) -> Drawing:
    """One bar per year of sending: the share answered by the due date, with the count."""
    height = 62 * mm
    drawing = house_drawing(width, height)
    bars = VerticalBarChart()
    bars.x, bars.y = 14 * mm, 12 * mm
    bars.width = min(width - 20 * mm, 24 * mm * max(len(years), 2))
    bars.height = height - 20 * mm
    bars.data = [tuple(year.percent for year in years)]
    bars.categoryAxis.categoryNames = [str(year.year) for year in years]
    bars.categoryAxis.labels.fontName = theme.FONT
    bars.categoryAxis.labels.fontSize = _LABEL_SIZE
    bars.categoryAxis.labels.dy = -3
    bars.categoryAxis.strokeColor = theme.RULE
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, 100, 25
    bars.valueAxis.labelTextFormat = "%d %%"
    bars.valueAxis.labels.fontName = theme.FONT
    bars.valueAxis.labels.fontSize = _LABEL_SIZE - 0.5
    bars.valueAxis.strokeColor = theme.RULE
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = theme.ZEBRA
    bars.bars[0].fillColor = theme.ACCENT
    bars.bars[0].strokeColor = None
    bars.barWidth = 10 * mm
    drawing.add(bars)
    step = bars.width / max(len(years), 1)
    for index, year in enumerate(years):
        top = bars.y + bars.height * year.percent / 100
        drawing.add(
            String(
                bars.x + step * (index + 0.5),
                top + 2,
                f"{year.percent} % ({year.in_time} von {year.counted})",
                fontName=theme.FONT,
                fontSize=_LABEL_SIZE - 1,
                fillColor=theme.INK,
                textAnchor="middle",
            )
        )
    return drawing


def house_drawing(width: float, height: float) -> Drawing:
    """A drawing that starts in the house font: reportlab's default (Helvetica) would
    otherwise be set, and so listed in the PDF, though no text is drawn in it."""
    drawing = Drawing(width, height)
    drawing.initialFontName = theme.FONT
    return drawing


def fit_label(text: str, width: float) -> str:
    """A chart label in the labels' font, shortened with "…" to ``width``."""
    return theme.fit_line(text, theme.FONT, _LABEL_SIZE, width)


def value_step(top: int) -> int:
    """A value step that gives at most about six grid lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return max(top // 5, 1)
