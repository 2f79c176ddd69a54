"""The Sitzungen page in the window the app opens on a 1280 x 800 screen: the document
buttons show their labels whole, and a held meeting's tabs fit below the list without a
scroll bar of their own (their lists scroll inside)."""

from __future__ import annotations

import pytest
from scrolling_tabs import scrolling_tabs
from table_widths import NARROW_WINDOW

from expertenrat.ui.meetings_table_model import MeetingsTableModel
from tests.ui.settling import exposed


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def page(app_style_sheet, make_window, qtbot):
    window = make_window()
    window.resize(*NARROW_WINDOW)
    window.show()
    exposed(window)
    page = window.pages.meetings
    window.show_area(page)
    numbers = [
        page.meeting_list.proxy.index(row, MeetingsTableModel.COLUMN_NUMBER).data()
        for row in range(page.meeting_list.proxy.rowCount())
    ]
    page.meeting_list.view.selectRow(numbers.index("6."))  # held, minutes still a draft
    return page


def test_the_document_buttons_show_their_labels_whole(page) -> None:
    documents = page.documents
    buttons = (documents.invitation_button, documents.letters_button,
               documents.run_sheet_button, documents.ics_button, documents.minutes_button,
               documents.public_minutes_button, documents.dossier_button,
               )  # fmt: skip

    assert all(b.isEnabled() and b.width() >= b.sizeHint().width() for b in buttons)
    assert all(b.toolTip() for b in buttons)  # each says what file it saves


def test_the_meeting_tabs_fit_without_scrolling_as_a_whole(page, qtbot) -> None:
    assert scrolling_tabs(page.tabs, qtbot) == []
    assert page.meeting_list.view.viewport().height() >= 4 * page.meeting_list.view.rowHeight(
        0
    )  # four meetings shown
