"""The records tables on a small laptop (found by a tester): at 1366 x 768 with 150 %
scaling, at 125 % with a 12 pt font, and in a 1024 px window, no table scrolls sideways
and no header is cut; the less needed columns are left out for that width (the user's
choice of columns stays), the meeting tabs' labels give way before the tab bar needs
arrows, and a cut cell shows its whole text in a tooltip."""

from __future__ import annotations

from contextlib import suppress

import pytest
import sized_demo_window
from laptop_fonts import big_font, dejavu_sans  # noqa: F401 (fixtures)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTabBar, QTableView, QToolButton, QToolTip
from pytestqt.exceptions import TimeoutError as NotSettled
from table_widths import fits, headers_whole, shows_start, shows_whole

from expertenrat.ui.meetings_table_model import MeetingsTableModel
from expertenrat.ui.members_table_model import MembersTableModel
from expertenrat.ui.projects_table_model import ProjectsTableModel
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel
from expertenrat.ui.record_table import record_table_view
from tests.ui.settling import exposed, settle

WAIT = 30_000  # ms: the layouts settle; waits end as soon as they have

SMALL = (1024, 640)
LAPTOP_125 = (1006, 565)  # 1366 x 768 at 125 %: the window at 92 % of 1093 x 614
LAPTOP_150 = (837, 480)  # 1366 x 768 at 150 %: the window at 92 % of 911 x 512


# The window on the demo council at a size (its fixtures, see sized_demo_window).
services = sized_demo_window.services
window = sized_demo_window.window


def shown_columns(view: QTableView) -> list[int]:
    header = view.horizontalHeader()
    return [c for c in range(header.count()) if not header.isSectionHidden(c)]


def table_of(window, qtbot, label: str) -> QTableView:
    page = next(page for name, page in window.areas if name == label)
    window.show_area(page)
    if page is window.pages.meetings:
        page.select(page.meeting_list.model.rows()[5].id)  # held
        view = page.meeting_list.view
    else:
        view = page.view
    if page is window.pages.recommendations:  # one selected: its detail beside the table
        view.selectRow(0)
    qtbot.waitUntil(view.isVisible, timeout=WAIT)
    with suppress(NotSettled):  # the columns fit once the table has its width
        qtbot.waitUntil(lambda: laid_out(view), timeout=WAIT)
    settle(qtbot)
    return view


def laid_out(view: QTableView) -> bool:
    return fits(view) and headers_whole(view, shown_columns(view))


def widths(view: QTableView) -> tuple[list[tuple[str, int]], int]:
    header, model = view.horizontalHeader(), view.model()
    named = [(model.headerData(c, Qt.Orientation.Horizontal), header.sectionSize(c))
             for c in shown_columns(view)]  # fmt: skip
    return named, view.viewport().width()


@pytest.mark.parametrize("label", ["Mitglieder", "Empfehlungen", "Sitzungen"])
@pytest.mark.parametrize("size", [LAPTOP_150, LAPTOP_125])
def test_the_tables_fit_a_1366_laptop_at_150_percent_and_with_a_larger_font(
    request, window, qtbot, label, size
) -> None:
    # At 150 % these three scrolled sideways; at 125 % with a 12 pt font too.
    if size == LAPTOP_125:
        request.getfixturevalue("big_font")
    view = table_of(window(size), qtbot, label)

    assert fits(view) and view.horizontalScrollBar().maximum() == 0, widths(view)
    assert headers_whole(view, shown_columns(view)), widths(view)
    assert len(shown_columns(view)) >= 3  # the name or title with the most needed


def test_projects_at_150_percent_keep_room_for_the_title(window, qtbot) -> None:
    view = table_of(window(LAPTOP_150), qtbot, "Projekte")
    columns = ProjectsTableModel
    header = view.horizontalHeader()

    assert fits(view) and headers_whole(view, shown_columns(view)), widths(view)
    assert shows_start(view, columns.COLUMN_TITLE, 16), widths(view)  # it had 77 px
    assert not header.isSectionHidden(columns.COLUMN_PHASE)


def test_members_at_150_percent_keep_room_for_the_name_and_the_institution(window, qtbot) -> None:
    view = table_of(window(LAPTOP_150), qtbot, "Mitglieder")
    columns = MembersTableModel
    header = view.horizontalHeader()

    assert header.isSectionHidden(columns.COLUMN_TERM)  # left out for this width
    assert shows_start(view, columns.COLUMN_NAME, 8)  # "Behrendt" was "Behre…"
    assert header.sectionSize(columns.COLUMN_AFFILIATION) >= 75  # "Institution" whole


def test_recommendations_at_1024_give_the_room_of_the_projects_to_the_title(
    window, qtbot, qsettings
) -> None:
    # The title had ~150 px and "Handlu…", "Projekt…" were cut (found by a tester).
    shown = window(SMALL)
    view = table_of(shown, qtbot, "Empfehlungen")
    page = shown.pages.recommendations
    columns = RecommendationsTableModel
    header = view.horizontalHeader()

    assert fits(view) and headers_whole(view, shown_columns(view)), widths(view)
    assert header.isSectionHidden(columns.COLUMN_PROJECTS)
    assert shows_start(view, columns.COLUMN_TITLE, 22)
    assert not header.isSectionHidden(columns.COLUMN_OVERDUE)
    # Left out for the width only: the header's menu still has it ticked, nothing stored.
    assert page.columns.is_shown(columns.COLUMN_PROJECTS)
    assert qsettings.value("recommendations/hidden_columns") is None

    shown.resize(1440, 900)
    qtbot.waitUntil(lambda: not header.isSectionHidden(columns.COLUMN_PROJECTS), timeout=WAIT)
    assert fits(view)


@pytest.mark.parametrize(("size", "larger_font"), [((720, 480), False), (LAPTOP_150, True)])
def test_recommendations_in_the_least_window_keep_the_title_readable(
    request, window, qtbot, size, larger_font
) -> None:
    # The title had 60 px ("Offene…") and the table scrolled sideways; "überfällig" goes
    # last (an overdue row is red as well).
    if larger_font:
        request.getfixturevalue("big_font")
    view = table_of(window(size), qtbot, "Empfehlungen")
    columns = RecommendationsTableModel

    assert fits(view) and headers_whole(view, shown_columns(view)), widths(view)
    assert shows_start(view, columns.COLUMN_TITLE, 14), widths(view)
    assert not view.horizontalHeader().isSectionHidden(columns.COLUMN_STATUS)


def test_a_column_the_user_hides_while_it_is_left_out_stays_hidden(
    window, qtbot, qsettings
) -> None:
    shown = window(SMALL)
    view = table_of(shown, qtbot, "Empfehlungen")
    page = shown.pages.recommendations
    projects = RecommendationsTableModel.COLUMN_PROJECTS
    header = view.horizontalHeader()
    assert header.isSectionHidden(projects) and page.columns.is_shown(projects)

    page.columns.set_shown(projects, False)
    shown.resize(1440, 900)
    qtbot.waitUntil(lambda: view.viewport().width() > 900, timeout=WAIT)
    settle(qtbot)

    assert header.isSectionHidden(projects) and not page.columns.is_shown(projects)
    assert qsettings.value("recommendations/hidden_columns") == (
        "kind,projects,lead,origin,adopted,sent"
    )


def test_the_column_the_table_is_sorted_by_is_not_left_out(window, qtbot) -> None:
    shown = window(SMALL)
    view = table_of(shown, qtbot, "Empfehlungen")
    columns = RecommendationsTableModel
    header = view.horizontalHeader()
    assert header.isSectionHidden(columns.COLUMN_PROJECTS)

    view.sortByColumn(columns.COLUMN_DUE, Qt.SortOrder.AscendingOrder)
    shown.resize(*LAPTOP_150)
    qtbot.waitUntil(lambda: view.viewport().width() < 500, timeout=WAIT)
    with suppress(NotSettled):
        qtbot.waitUntil(lambda: laid_out(view), timeout=WAIT)

    assert not header.isSectionHidden(columns.COLUMN_DUE)
    assert header.sortIndicatorSection() == columns.COLUMN_DUE
    assert fits(view), widths(view)


def test_meetings_at_1006_show_the_dates_of_the_invitations_whole(window, qtbot) -> None:
    # "05.03.…" without a tooltip (found by a tester): the time is left out instead.
    view = table_of(window(LAPTOP_125), qtbot, "Sitzungen")
    columns = MeetingsTableModel
    header = view.horizontalHeader()

    assert fits(view) and headers_whole(view, shown_columns(view)), widths(view)
    assert not header.isSectionHidden(columns.COLUMN_INVITATION)
    assert shows_whole(view, columns.COLUMN_INVITATION), widths(view)
    assert header.isSectionHidden(columns.COLUMN_TIME)
    assert not header.isSectionHidden(columns.COLUMN_MINUTES)


def test_the_meeting_tabs_need_no_arrows_at_150_percent(window, qtbot) -> None:
    shown = window(LAPTOP_150)
    table_of(shown, qtbot, "Sitzungen")
    tabs = shown.pages.meetings.tabs
    bar = tabs.tabBar()
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    settle(qtbot)

    assert not any(arrow.isVisible() for arrow in bar.findChildren(QToolButton))
    assert bar.tabRect(bar.count() - 1).right() <= bar.width()
    # Only the widest labels give way; the short ones show whole.
    whole = [bar.tabText(i) for i in range(bar.count())
             if bar.tabRect(i).width() >= QTabBar.tabSizeHint(bar, i).width()]  # fmt: skip
    assert {"Sitzung", "Protokoll", "Anlagen"} <= set(whole), whole

    shown.resize(1280, 800)  # all whole again

    def all_whole() -> bool:
        return all(
            bar.tabRect(i).width() >= QTabBar.tabSizeHint(bar, i).width()
            for i in range(bar.count())
        )

    qtbot.waitUntil(all_whole, timeout=WAIT)
    assert [bar.tabToolTip(i) for i in range(bar.count())] == [
        bar.tabText(i) for i in range(bar.count())
    ]


@pytest.mark.usefixtures("big_font")
def test_the_change_log_fits_a_narrow_window_with_a_larger_font(window, qtbot) -> None:
    # It scrolled sideways by a few pixels (the description at its least).
    shown = window(LAPTOP_150)
    page = next(page for name, page in shown.areas if name == "Änderungsprotokoll")
    shown.show_area(page)
    view = page.view
    qtbot.waitUntil(lambda: view.isVisible() and view.model().rowCount() > 0, timeout=WAIT)
    with suppress(NotSettled):
        qtbot.waitUntil(lambda: fits(view), timeout=WAIT)

    assert fits(view) and view.horizontalScrollBar().maximum() == 0, widths(view)


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the offscreen tooltip
def test_a_cut_cell_shows_its_whole_text_in_a_tooltip(qtbot) -> None:
    model = QStandardItemModel(2, 2)
    whole = "Rathaus Rostock, Neuer Markt 1, Festsaal im ersten Stock"
    model.setItem(0, 0, QStandardItem(whole))
    model.setItem(1, 0, QStandardItem("kurz"))
    model.setItem(1, 1, QStandardItem(""))
    tipped = QStandardItem("Lang genug, um geschnitten zu werden, mit eigenem Tooltip")
    tipped.setToolTip("eigener Tooltip")
    model.setItem(0, 1, tipped)
    view = record_table_view(model, 0)  # as each records table
    qtbot.addWidget(view)
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().resizeSection(0, 80)
    view.horizontalHeader().resizeSection(1, 80)
    view.resize(400, 200)
    view.show()
    exposed(view)

    def tip_at(row: int, column: int) -> str:
        centre = view.visualRect(model.index(row, column)).center()
        event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
        QApplication.sendEvent(view.viewport(), event)
        return QToolTip.text() if QToolTip.isVisible() else ""

    assert tip_at(1, 0) == ""  # shown whole: no tooltip
    assert tip_at(0, 0) == whole
    assert tip_at(0, 1) == "eigener Tooltip"  # the model's own comes first
    QToolTip.hideText()
