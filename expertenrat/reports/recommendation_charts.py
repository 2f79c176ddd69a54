"""The two charts of the recommendations report, in the house style of ``charts``: the
status per action field (stacked bars) and the share answered in time per year (bars in
percent)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendations_charts import InTimeYear, StatusChart
from expertenrat.reports import theme
from expertenrat.reports.charts import LABEL_SIZE, fit_label, house_drawing, legend, stacked_bars

S = RecommendationStatus
# Each status a step darker than the one before it (a grey of about 21 steps of 255
# apart), as the legend lists them and the bars stack them: printed in black and white the
# segments stay apart and in order (found by a tester: "beschlossen", "übermittelt" and
# "teilweise umgesetzt" were one grey, "beantwortet", "umgesetzt" and "nicht umgesetzt"
# another). The hues keep their sense: amber sent, blue answered, green done, red not.
STATUS_COLOURS = {
    S.DRAFT: colors.HexColor("#c9d1d9"),
    S.ADOPTED: colors.HexColor("#a9bfd6"),
    S.SENT: colors.HexColor("#d99e22"),
    S.ANSWERED: colors.HexColor("#5a93d0"),
    S.IMPLEMENTED: colors.HexColor("#3f8f61"),
    S.PARTLY_IMPLEMENTED: colors.HexColor("#5a6a22"),
    S.NOT_IMPLEMENTED: colors.HexColor("#962724"),
    S.WITHDRAWN: colors.HexColor("#2f3439"),
}
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
        [STATUS_COLOURS[status] for status in chart.statuses],
        row=_BAR_ROW,
    )
    bars.x, bars.y = _LABEL_ROOM, legend_height + 6 * mm
    bars.width, bars.height = width - _LABEL_ROOM - 4 * mm, plot_height
    drawing.add(bars)
    drawing.add(
        legend(
            4 * mm,
            legend_height,
            [(STATUS_COLOURS[s], s.label) for s in chart.statuses],
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
