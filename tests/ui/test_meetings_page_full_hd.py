"""The Sitzungen page on a 1920 x 1080 screen (found by review): the list ended ~270 px
short of its edge (its place column stopped at 720 px) and showed four meetings above a
mostly empty "Sitzung" tab."""

from __future__ import annotations

from contextlib import suppress

import pytest
from PySide6.QtWidgets import QSplitter
from pytestqt.exceptions import TimeoutError as NotSettled
from scrolling_tabs import scrolling_tabs
from shown_windows import window_at
from table_widths import NARROW_WINDOW, fits

from expertenrat.ui.meetings_table_model import MeetingsTableModel
from tests.ui.settling import settle

FULL_HD = (1920, 1080)
WAIT = 30_000  # ms: the layouts settle; waits end as soon as they have


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def page(app_style_sheet, make_window, qtbot):
    window = window_at(make_window, FULL_HD)
    page = window.pages.meetings
    window.show_area(page)
    qtbot.waitUntil(lambda: page.isVisible() and page.width() > 0, timeout=WAIT)
    numbers = [
        page.meeting_list.proxy.index(row, MeetingsTableModel.COLUMN_NUMBER).data()
        for row in range(page.meeting_list.proxy.rowCount())
    ]
    page.meeting_list.view.selectRow(numbers.index("6."))  # held, minutes still a draft
    settle(qtbot)
    return page


def _reaches_its_edge(view) -> bool:
    return view.horizontalHeader().length() == view.viewport().width()


def test_the_list_s_columns_reach_its_edge(page, qtbot) -> None:
    view = page.meeting_list.view
    with suppress(NotSettled):
        qtbot.waitUntil(lambda: _reaches_its_edge(view), timeout=WAIT)

    assert _reaches_its_edge(view) and fits(view), (
        view.horizontalHeader().length(),
        view.viewport().width(),
    )
    place = view.horizontalHeader().sectionSize(MeetingsTableModel.COLUMN_PLACE)
    assert place > 720  # the place takes the room, not the last column


def test_the_list_shows_every_meeting_while_the_tabs_keep_their_room(page, qtbot) -> None:
    view = page.meeting_list.view
    rows = view.model().rowCount()
    assert rows == 9

    def all_shown() -> bool:
        return view.verticalScrollBar().maximum() == 0

    with suppress(NotSettled):
        qtbot.waitUntil(all_shown, timeout=WAIT)
    assert all_shown(), (view.viewport().height(), rows * view.rowHeight(0))
    assert scrolling_tabs(page.tabs, qtbot) == []


@pytest.mark.parametrize("height", [980, 1010, 1050])
def test_where_not_every_meeting_fits_the_list_shows_whole_rows(page, qtbot, height) -> None:
    """A list grown to the room the tabs leave cut its last row in half."""
    page.window().resize(1920, height)
    settle(qtbot)
    view = page.meeting_list.view
    splitter = page.findChild(QSplitter)

    assert splitter.sizes()[0] > splitter.widget(0).minimumSizeHint().height()  # grown
    assert view.viewport().height() % view.rowHeight(0) == 0, view.viewport().height()


def test_a_smaller_window_gives_the_tabs_their_room_back(page, qtbot) -> None:
    page.window().resize(*NARROW_WINDOW)
    settle(qtbot)
    view = page.meeting_list.view

    assert scrolling_tabs(page.tabs, qtbot) == []
    assert view.viewport().height() >= 4 * view.rowHeight(0)  # four meetings shown


def test_on_a_1280_x_800_screen_the_tabs_keep_the_room_they_prefer(page, qtbot) -> None:
    """Where the tabs do not have the height their content prefers, the list stays as short
    as its document buttons allow (grown to the tabs' least height, it took 11 px of the
    Sitzung form's fields, which then scrolled further)."""
    page.window().resize(1280, 770)
    settle(qtbot)
    splitter = page.findChild(QSplitter)
    least = splitter.widget(0).minimumSizeHint().height()

    assert splitter.sizes()[0] == least, (splitter.sizes(), least)
