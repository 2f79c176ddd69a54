"""The records pages, the Sitzungen page and the Übersicht on a small laptop (found by a
tester): at 1024 px no panel keeps room it does not use; at 720 px, and at 1366 x 768 with
150 % scaling and a 12 pt font, nothing scrolls sideways and nothing is cut; at 1920 x 1080
no panel grows absurdly wide."""

from __future__ import annotations

from contextlib import suppress

import pytest
import sized_demo_window
from laptop_fonts import big_font, dejavu_sans  # noqa: F401 (fixtures)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.exceptions import TimeoutError as NotSettled
from table_widths import fits, headers_whole

from tests.ui.settling import settle
from tests.ui.test_narrow_window import cut_off, header_widths

WAIT = 30_000  # ms: the layouts settle; waits end as soon as they have

SMALL = (1024, 640)
LEAST = (720, 480)  # the window's minimum
LAPTOP_150 = (837, 480)  # 1366 x 768 at 150 %: the window at 92 % of 911 x 512
FULL_HD = (1920, 1080)


# The window on the demo council at a size (its fixtures, see sized_demo_window).
services = sized_demo_window.services
window = sized_demo_window.window


def shown_page(window, qtbot, page: QWidget) -> QWidget:
    window.show_area(page)
    qtbot.waitUntil(lambda: page.isVisible() and page.width() > 0, timeout=WAIT)
    settle(qtbot)
    return page


def right_edge(widget: QWidget, page: QWidget) -> int:
    return widget.mapTo(page, QPoint(widget.width(), 0)).x()


def shown_columns(view) -> list[int]:
    header = view.horizontalHeader()
    return [c for c in range(header.count()) if not header.isSectionHidden(c)]


def whole_buttons(widget: QWidget) -> bool:
    return all(
        b.width() >= b.sizeHint().width() for b in widget.findChildren(QPushButton) if b.isVisible()
    )


@pytest.mark.parametrize("size", [SMALL, FULL_HD])
def test_recommendations_without_a_selection_give_the_detail_s_room_to_the_table(
    window, qtbot, size
) -> None:
    # At 1024 px the empty detail panel ("Wählen Sie eine Empfehlung …" over seven disabled
    # buttons) kept 170 px beside the table.
    shown = window(size)
    page = shown_page(shown, qtbot, shown.pages.recommendations)
    view = page.view
    splitter_end = right_edge(page.detail_side.parentWidget(), page)

    assert page.selected() is None and not page.detail_side.isVisible()
    qtbot.waitUntil(lambda: right_edge(view, page) >= splitter_end - 1, timeout=WAIT)
    assert fits(view) and view.horizontalScrollBar().maximum() == 0

    view.selectRow(1)
    qtbot.waitUntil(page.detail_side.isVisible, timeout=WAIT)
    side, detail = page.detail_side, page.detail

    def settled() -> bool:
        return whole_buttons(side) and fits(view) and not detail.horizontalScrollBar().isVisible()

    with suppress(NotSettled):
        qtbot.waitUntil(settled, timeout=WAIT)
    assert page.selected().code in detail.toPlainText()
    assert side.width() >= side.minimumSizeHint().width() and whole_buttons(side)
    assert not detail.horizontalScrollBar().isVisible()  # the text wraps
    assert right_edge(view, page) < side.mapTo(page, QPoint(0, 0)).x()
    assert side.width() <= 300  # a panel beside, not half of a wide screen
    assert fits(view) and view.horizontalScrollBar().maximum() == 0

    view.clearSelection()
    qtbot.waitUntil(lambda: not side.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: right_edge(view, page) >= splitter_end - 1, timeout=WAIT)
    assert cut_off(page) == []


@pytest.mark.usefixtures("big_font")
@pytest.mark.parametrize("size", [LAPTOP_150, LEAST])
def test_the_overview_fits_a_small_window_with_a_larger_font(window, qtbot, size) -> None:
    # At 1366 x 768 and 150 % it scrolled sideways by 25 px and cut "Tätigkeitsbericht …":
    # the figures of the action fields kept "ohne Handlungsfeld" and "Moderne Verwaltung"
    # on one line. At 720 px their five headers alone needed ~585 px (found by review).
    shown = window(size)
    page = shown_page(shown, qtbot, shown.pages.overview)
    grid = page.field_figures
    qtbot.waitUntil(lambda: len(grid.name_lines) >= 4, timeout=WAIT)
    with suppress(NotSettled):  # the layouts settle; what is left is cut off
        qtbot.waitUntil(lambda: cut_off(page) == [], timeout=WAIT)

    assert cut_off(page) == []
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    assert right_edge(grid, page) <= page.scroll_area.viewport().width()
    button = page.annual_report
    assert button.width() >= button.sizeHint().width()
    assert right_edge(button, page) <= page.scroll_area.viewport().width()


def test_the_action_field_names_stay_on_one_line_where_there_is_room(window, qtbot) -> None:
    shown = window(FULL_HD)
    page = shown_page(shown, qtbot, shown.pages.overview)
    grid = page.field_figures
    qtbot.waitUntil(lambda: len(grid.name_lines) >= 4, timeout=WAIT)
    settle(qtbot)

    heights = [name.height() for name in grid.name_lines]
    line = grid.name_lines[0].fontMetrics().lineSpacing()
    assert max(heights) < min(heights) + line, heights  # as high as "Umwelt"
    headers = grid.findChildren(QLabel, "figureCaption")
    assert len(headers) == 5  # and each on one line, its soft hyphen unused
    assert all(h.heightForWidth(h.width()) < 2 * h.fontMetrics().lineSpacing() for h in headers)
    assert grid.width() < 0.6 * page.width()  # beside the chart, not across the page


@pytest.mark.parametrize(("size", "larger_font"), [(LEAST, False), (LAPTOP_150, True)])
def test_the_meetings_list_keeps_its_room_and_the_documents_fold_into_one_button(
    request, window, qtbot, size, larger_font
) -> None:
    # The list scrolled sideways with "Tite…" and "S…" beside the document buttons'
    # two columns (~310 px; found by a tester).
    if larger_font:
        request.getfixturevalue("big_font")
    shown = window(size)
    page = shown_page(shown, qtbot, shown.pages.meetings)
    page.select(page.meeting_list.model.rows()[5].id)  # held: every document can be made
    documents, view = page.documents, page.meeting_list.view
    folded = documents.buttons.menu_button
    qtbot.waitUntil(folded.isVisible, timeout=WAIT)
    with suppress(NotSettled):  # the columns fit once the list has its width
        qtbot.waitUntil(
            lambda: cut_off(page) == [] and headers_whole(view, shown_columns(view)), timeout=WAIT
        )

    assert cut_off(page) == [] and fits(view), header_widths(view)
    assert headers_whole(view, shown_columns(view)), header_widths(view)
    assert not documents.invitation_button.isVisible()
    assert folded.width() >= folded.sizeHint().width()
    assert folded.focusPolicy() & Qt.FocusPolicy.TabFocus  # reached with the Tab key
    buttons = (documents.invitation_button, documents.letters_button,
               documents.run_sheet_button, documents.ics_button, documents.minutes_button,
               documents.public_minutes_button, documents.dossier_button,
               documents.attendance_list_button)  # fmt: skip
    entries = folded.menu().actions()
    assert [a.menu() for a in entries] == [b.menu() for b in buttons]  # the same entries
    assert [a.text() for a in entries] == [  # each with a letter of its own
        "&Einladung", "&Serienbrief", "&Ablaufplan", "&Kalender", "&Protokoll",
        "Ö&ffentliches Protokoll", "S&itzungsmappe", "A&nwesenheitsliste",
    ]  # fmt: skip
    assert [a.isEnabled() for a in entries] == [b.isEnabled() for b in buttons]
    assert all(a.toolTip() == b.toolTip() for a, b in zip(entries, buttons, strict=True))

    page.select(page.meeting_list.model.rows()[7].id)  # planned: no minutes yet
    qtbot.waitUntil(lambda: not documents.minutes_button.isEnabled(), timeout=WAIT)
    assert not entries[4].isEnabled() and entries[0].isEnabled()

    shown.resize(*FULL_HD)  # room again: the two columns of buttons, the list beside them
    qtbot.waitUntil(documents.invitation_button.isVisible, timeout=WAIT)
    assert not folded.isVisible() and documents.title() == "Dokumente"
    assert whole_buttons(documents)
    assert documents.width() <= 400  # not half of the screen
