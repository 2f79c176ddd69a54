"""The welcome page (a database without a council): its column in the middle of the window,
wide enough to read the intro in a few lines."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from expertenrat.ui.welcome_page import COLUMN_WIDTH


def test_the_welcome_column_is_centred_and_comfortably_wide(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    page = window.welcome_page
    assert window.stack.currentWidget() is page

    column = page.column
    left = column.mapTo(page, QPoint(0, 0)).x()
    right = page.width() - left - column.width()

    assert column.width() == COLUMN_WIDTH == 600
    assert abs(left - right) <= 2
    assert column.mapTo(page, QPoint(0, 0)).y() < page.height() / 3  # in the upper part
