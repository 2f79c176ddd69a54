"""The two charts of the recommendations report, in the house style of ``charts``: the
status per action field (stacked bars) and the share answered in time per year (bars in
percent)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from expertenrat.domain.recommendations_charts import InTimeYear, StatusChart
from expertenrat.domain.status_colours import STATUS_COLOURS
from expertenrat.reports import theme
from expertenrat.reports.charts import LABEL_SIZE, fit_label, house_drawing, legend, stacked_bars

# The status colours the screen shows too (:mod:`domain.status_colours`).
_STATUS_FILLS = {status: colors.HexColor(colour) for status, colour in STATUS_COLOURS.items()}
_BAR_ROW = 9 * mm
_LABEL_ROOM = 48 * mm


def status_per_field(chart: StatusChart, width: float) -> Drawing:
    """One stacked bar per action field, a segment per status, the legend below."""
    legend_rows = (len(chart.statuses) + 3) // 4
    legend_height = legend_rows * 5 * mm + 2 * mm
    plot_height = _BAR_ROW * max(len(chart.fields), 1)
    height = plot_height + legend_height + 8 * mm
    drawing = house_drawing(width, height)
    # The first field on top, as it is read.
    bars = stacked_bars(
        [tuple(reversed(row)) for row in chart.counts],
        [fit_label(name, _LABEL_ROOM - 3 * mm) for name in reversed(chart.fields)],
        [_STATUS_FILLS[status] for status in chart.statuses],
        row=_BAR_ROW,
    )
    bars.x, bars.y = _LABEL_ROOM, legend_height + 6 * mm
    bars.width, bars.height = width - _LABEL_ROOM - 4 * mm, plot_height
    drawing.add(bars)
    drawing.add(
        legend(
            4 * mm,
            legend_height,
            [(_STATUS_FILLS[s], s.label) for s in chart.statuses],
            rows=legend_rows,
            column_width=(width - 8 * mm) / 4,
        )
    )
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
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.dy = -3
    bars.categoryAxis.strokeColor = theme.RULE
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, 100, 25
    bars.valueAxis.labelTextFormat = "%d %%"
    bars.valueAxis.labels.fontName = theme.FONT
    bars.valueAxis.labels.fontSize = LABEL_SIZE - 0.5
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
                fontSize=LABEL_SIZE - 1,
                fillColor=theme.INK,
                textAnchor="middle",
            )
        )
    return drawing
