"""The Übersicht's lines are as tall as the text they show: a wrapped line measured for
one width and painted at another gets an empty line's gap above and below its text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from expertenrat.domain.overview import Area, Line, Target
from expertenrat.ui.overview_lists import LinkLine

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

OVERDUE = (
    "E-2025-02 Datenschutz-Folgenabschätzung vor dem Start (Klimasensoren an Schulen): "
    "Umsetzung geplant bis 20.11.2026, seit 12 Tagen überfällig"
)


def inked_rows(label: QLabel) -> tuple[int, int]:
    """The first and the last pixel row of ``label`` with text on it."""
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    label.render(image)
    rows = [
        y
        for y in range(image.height())
        if any(QColor(image.pixel(x, y)).lightness() < 160 for x in range(image.width()))
    ]
    return rows[0], rows[-1]


@pytest.mark.parametrize("urgent", [True, False])
def test_a_wrapped_line_leaves_no_empty_line_above_or_below_its_text(
    app_style_sheet, qtbot, urgent
):
    line = LinkLine(Line(OVERDUE, Target(Area.RECOMMENDATIONS), urgent=urgent))
    qtbot.addWidget(line)
    line.ensurePolished()
    spacing = line.fontMetrics().lineSpacing()
    gaps = []
    for width in range(160, 700, 3):
        line.resize(width, line.heightForWidth(width))
        top, bottom = inked_rows(line)
        gaps.append((width, top, line.height() - 1 - bottom))
    # The label's frame (room for the focus border) adds a pixel or two; an extra line is
    # a line spacing of empty room.
    assert [g for g in gaps if max(g[1], g[2]) > spacing // 2] == []


@pytest.fixture
def services(demo_services):
    return demo_services


def test_the_backup_warning_is_as_tall_as_its_text(app_style_sheet, make_window, qtbot):
    window = make_window()
    page = window.overview_page
    page.set_backup_warning(lambda: OVERDUE)
    label = page.backup_warning
    label.ensurePolished()
    spacing = label.fontMetrics().lineSpacing()
    for width in range(160, 700, 3):
        label.resize(width, label.heightForWidth(width))
        top, bottom = inked_rows(label)
        assert max(top, label.height() - 1 - bottom) <= spacing // 2, width


def test_the_cards_of_a_row_show_their_numbers_and_captions_in_line(
    app_style_sheet, make_window, qtbot
):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    page = window.overview_page
    window.show_area(page)
    qtbot.waitUntil(lambda: page.upcoming_card.detail.isVisible(), timeout=WAIT)
    assert not page.overdue_card.detail.isVisible()  # a card without a detail line
    for row in (page.cards[:3], page.cards[3:]):
        assert len({card.value.y() for card in row}) == 1
        assert len({card.caption.y() for card in row}) == 1
