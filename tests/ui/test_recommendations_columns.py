"""Empfehlungen on the demo council in the main window: the title gets the room, the short
columns show their content and header whole, and nothing scrolls sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from table_widths import NARROW_WINDOW, fits, shows_start, shows_whole

from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel as M
from tests.ui.settling import exposed

WHOLE = (M.COLUMN_CODE, M.COLUMN_DUE, M.COLUMN_STATUS, M.COLUMN_OVERDUE)


@pytest.fixture
def services(demo_services, today):
    """The demo's project names and a recommendation with a long title."""
    rostock = demo_services.settings.councils()[0]
    title = "Die Daten der Klimasensoren sollen unter einer offenen Lizenz veröffentlicht werden"
    demo_services.recommendations.create(rostock.id, RecommendationContent(title), today)
    return demo_services


def register(make_window, qtbot, width: int, height: int):
    window = make_window()
    window.resize(width, height)
    window.show()
    page = next(page for label, page in window.areas if label == "Empfehlungen")
    window.show_area(page)
    exposed(window)
    return page


@pytest.mark.parametrize(("width", "height", "title_width"), [(1440, 900, 240), (1280, 800, 190)])
def test_the_title_gets_the_room_and_nothing_scrolls_sideways(
    make_window, qtbot, width, height, title_width
) -> None:
    page = register(make_window, qtbot, width, height)
    view, header = page.view, page.view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]

    assert fits(view) and view.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(M.COLUMN_TITLE) >= title_width
    assert header.sectionSize(M.COLUMN_TITLE) == max(header.sectionSize(c) for c in shown)
    assert [c for c in WHOLE if not shows_whole(view, c)] == []


def test_in_the_window_on_a_1280_px_screen_the_titles_show_20_characters(
    app_style_sheet, make_window, qtbot
):
    page = register(make_window, qtbot, *NARROW_WINDOW)
    view, header = page.view, page.view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    bold = header.font()
    bold.setBold(True)
    heads = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in shown]

    assert fits(view) and shows_start(view, M.COLUMN_TITLE, 20)
    assert [c for c in WHOLE if not shows_whole(view, c)] == []
    widths = [header.sectionSize(c) for c in shown]
    texts = [QFontMetrics(bold).horizontalAdvance(h) for h in heads]
    assert all(t < w for t, w in zip(texts, widths, strict=True))

    view.sortByColumn(M.COLUMN_FIELD, Qt.SortOrder.AscendingOrder)  # its header: the arrow too
    assert header.sectionSize(M.COLUMN_FIELD) >= header.sectionSizeHint(M.COLUMN_FIELD)
    assert fits(view)


def test_the_step_buttons_beside_the_detail_show_their_labels_whole(make_window, qtbot) -> None:
    page = register(make_window, qtbot, 1280, 800)
    steps = (page.edit_button, page.adopt_button, page.send_button, page.draft_button,
             page.due_button, page.response_button, page.close_button, page.reopen_button,
             page.withdraw_button)  # fmt: skip
    for button in steps:
        text_width = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() > text_width, button.text()
    assert page.response_button.toolTip() == "Stellungnahme des Projekts erfassen"


def test_a_column_shown_from_the_header_menu_fits_too(make_window, qtbot) -> None:
    page = register(make_window, qtbot, 1440, 900)
    page.columns.set_shown(M.COLUMN_LEAD, True)
    assert not page.view.horizontalHeader().isSectionHidden(M.COLUMN_LEAD)
    assert fits(page.view)
