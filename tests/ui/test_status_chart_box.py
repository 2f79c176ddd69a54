"""(found by a tester) "Empfehlungen nach Status" of a council without recommendations (the
demo's Lübeck Beirat) showed an empty band, every action field with a "0" and room for a
legend. It says so in one line now, and the chart keeps to the top of a taller box."""

from __future__ import annotations

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.overview import FieldStatuses
from expertenrat.ui.status_chart import StatusChartBox

FIELDS = [ActionField(1, "Digitale Verwaltung"), ActionField(2, "Klima und Umwelt")]


def shown_box(qtbot, rows: tuple[FieldStatuses, ...], height: int = 0) -> StatusChartBox:
    box = StatusChartBox()
    qtbot.addWidget(box)
    box.set_rows(rows)
    box.resize(400, max(height, box.sizeHint().height()))
    box.show()
    qtbot.waitExposed(box)
    return box


def test_a_council_without_recommendations_reads_one_line_not_an_empty_chart(qtbot) -> None:
    box = shown_box(qtbot, tuple(FieldStatuses(field, ()) for field in FIELDS))
    assert box.empty_label.isVisible()
    assert box.empty_label.text() == "Noch keine Empfehlungen."
    assert not box.chart.isVisible()
    one_line = box.empty_label.sizeHint().height()
    assert box.sizeHint().height() < 3 * one_line + box.fontMetrics().height()


def test_one_recommendation_shows_the_chart_at_the_top_of_a_taller_box(qtbot) -> None:
    rows = (
        FieldStatuses(FIELDS[0], ((RecommendationStatus.DRAFT, 1),)),
        FieldStatuses(FIELDS[1], ()),
    )
    box = shown_box(qtbot, rows, height=500)
    assert box.chart.isVisible()
    assert not box.empty_label.isVisible()
    # The box stands beside the taller action fields; the chart does not float in its middle.
    assert box.chart.y() < box.contentsRect().top() + 20
    assert box.chart.height() == box.chart.sizeHint().height()


def test_a_box_emptied_by_switching_councils_says_so_again(qtbot) -> None:
    box = shown_box(qtbot, (FieldStatuses(FIELDS[0], ((RecommendationStatus.DRAFT, 2),)),))
    box.set_rows(())
    assert box.empty_label.isVisible()
    assert not box.chart.isVisible()
