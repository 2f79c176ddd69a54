"""(found by a tester) The Übersicht's status chart had colours of its own: a status was
one colour on screen and another in the printed recommendations report and Tätigkeitsbericht.
Both take them from one place; on a dark palette none vanishes in the window.

(found by a helper) On the light window the pale statuses ("Entwurf" 1.3:1 on #efefef)
vanished too: each segment and legend box has a frame that stands out by 3:1 (WCAG 1.4.11),
its fill still the printed colour."""

from __future__ import annotations

from PySide6.QtGui import QColor
from reportlab.graphics.charts.legends import Legend

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.overview import FieldStatuses
from expertenrat.domain.recommendations_charts import StatusChart as PrintedChart
from expertenrat.reports.recommendation_charts import status_per_field
from expertenrat.ui.status_chart import StatusChart
from expertenrat.ui.theme_colours import contrast_ratio

S = RecommendationStatus


def printed_colours() -> dict[str, str]:
    """Status label -> "#rrggbb" of the printed chart's legend."""
    chart = PrintedChart(("Umwelt",), tuple(S), tuple((1,) for _status in S))
    drawing = status_per_field(chart, 400)
    (legend,) = [shape for shape in drawing.contents if isinstance(shape, Legend)]
    return {label: "#" + colour.hexval()[2:].lower() for colour, label in legend.colorNamePairs}


def one_of_each(qtbot) -> StatusChart:
    """A chart with one bar of one recommendation per status, painted."""
    chart = StatusChart()
    qtbot.addWidget(chart)
    chart.set_rows((FieldStatuses(None, tuple((status, 1) for status in S)),))
    chart.resize(640, chart.sizeHint().height())
    return chart


def screen_colours(qtbot) -> dict[str, str]:
    """Status label -> "#rrggbb" of the bar segments painted on screen."""
    chart = one_of_each(qtbot)
    image = chart.grab().toImage()
    bar = chart.bar_rect(0)
    segment = bar.width() / len(S)
    return {
        status.label: image.pixelColor(
            round(bar.left() + segment * (position + 0.5)), bar.center().y()
        ).name()
        for position, status in enumerate(S)
    }


def test_every_status_has_the_same_colour_on_screen_as_in_print(qtbot) -> None:
    assert screen_colours(qtbot) == printed_colours()


def test_on_a_dark_palette_every_status_stands_out_from_the_window(qtbot, dark_palette) -> None:
    window = dark_palette.color(dark_palette.ColorRole.Window)
    for label, colour in screen_colours(qtbot).items():
        assert contrast_ratio(QColor(colour), window) >= 3.0, label


def test_on_the_light_window_every_segment_and_legend_box_has_an_edge_that_stands_out(
    qtbot,
) -> None:
    chart = one_of_each(qtbot)
    window = chart.palette().color(chart.palette().ColorRole.Window)
    image = chart.grab().toImage()
    bar = chart.bar_rect(0)
    segment = bar.width() / len(S)
    for position, status in enumerate(S):
        middle = round(bar.left() + segment * (position + 0.5))
        segment_edge = image.pixelColor(middle, bar.top())
        assert contrast_ratio(segment_edge, window) >= 3.0, status.label
        box = chart.legend_box(position)
        legend_edge = image.pixelColor(box.center().x(), box.top())
        assert contrast_ratio(legend_edge, window) >= 3.0, status.label
