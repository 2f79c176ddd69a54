"""The window at its least size (720 x 480): a page may scroll down, but Übersicht and
Einstellungen do not scroll sideways: the Übersicht's lists and its action fields and
chart go one under the other, Einstellungen' fields give way or go under their labels,
and rows of buttons go on two rows."""

from __future__ import annotations

from contextlib import suppress

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QWidget
from pytestqt.exceptions import TimeoutError as NotSettled

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

LEAST = (720, 480)


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def window(app_style_sheet, make_window, qtbot):
    shown = make_window()
    shown.resize(*LEAST)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def sideways(page: QWidget) -> list[str]:
    """What in ``page`` scrolls sideways, and its buttons cut or out of sight sideways."""
    found = [
        f"scrolls sideways: {type(area).__name__} by {area.horizontalScrollBar().maximum()} px"
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]
    for button in page.findChildren(QPushButton):
        if button.isVisible():
            left = button.mapTo(page, button.rect().topLeft()).x()
            if button.width() < button.sizeHint().width() or left + button.width() > page.width():
                found.append(f"button {button.text()}")
    return found


def test_einstellungen_fit_the_least_window_s_width(window, qtbot):
    page = window.pages.settings
    window.show_area(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT)
    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: sideways(page) == [], timeout=WAIT)
    assert sideways(page) == []
    approval = page.minutes_fields.approval_combo
    assert approval.width() < approval.sizeHint().width()  # gives way, ends in "…"
    assert approval.shown_text().endswith("…")
    assert approval.shown_text() != approval.currentText()


def settled(page: QWidget, qtbot) -> list[str]:
    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: sideways(page) == [], timeout=WAIT)
    return sideways(page)


def test_the_uebersicht_fits_the_least_window_s_width_in_one_column(window, qtbot):
    page = window.pages.overview
    window.show_area(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT)
    assert settled(page, qtbot) == []
    lists = page.next_meetings, page.responses_overdue
    assert lists[0].x() == lists[1].x() and lists[1].y() > lists[0].y()
    assert page.chart_box.y() > page.field_figures.y()


def test_a_wide_window_keeps_the_uebersicht_s_two_columns(window, qtbot):
    window.resize(1366, 768)
    page = window.pages.overview
    window.show_area(page)
    qtbot.waitUntil(lambda: page.responses_overdue.x() > page.next_meetings.x(), timeout=WAIT)
    assert page.responses_overdue.y() == page.next_meetings.y()
    assert page.chart_box.x() > page.field_figures.x()
    assert settled(page, qtbot) == []
