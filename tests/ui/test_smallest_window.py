"""The window at its least size (720 x 480): a page may scroll down, but Übersicht and
Einstellungen do not scroll sideways: the Übersicht's lists and its action fields and
chart go one under the other, Einstellungen' fields give way or go under their labels,
and rows of buttons go on two rows."""

from __future__ import annotations

from contextlib import suppress

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QWidget
from pytestqt.exceptions import TimeoutError as NotSettled
from settling import settle

from expertenrat.domain.enums import MeetingKind
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.annexes_panel import AnnexesPanel
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.minutes_editor import MinutesEditor
from tests.ui.settling import exposed

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
    exposed(shown)
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
    approval = page.council_form.minutes_fields.approval_combo
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


def page_scroll_sideways(page: QWidget) -> int:
    """How far the area ``page`` (or a meeting's tab) is shown in scrolls sideways."""
    holder = page.parentWidget()
    while holder is not None and not isinstance(holder, QAbstractScrollArea):
        holder = holder.parentWidget()
    assert holder is not None
    return holder.horizontalScrollBar().maximum()


def cut_buttons(page: QWidget) -> list[str]:
    """The page's shown buttons narrower than their text or out of the page's sight."""
    found = []
    for button in page.findChildren(QPushButton):
        if button.isVisible():
            left = button.mapTo(page, button.rect().topLeft()).x()
            if button.width() < button.sizeHint().width() or left + button.width() > page.width():
                found.append(button.text())
    return found


def fitting(page: QWidget, qtbot) -> tuple[int, list[str]]:
    def found() -> tuple[int, list[str]]:
        return page_scroll_sideways(page), cut_buttons(page)

    with suppress(NotSettled):  # the layouts settle; what is left scrolls sideways
        qtbot.waitUntil(lambda: found() == (0, []), timeout=WAIT)
    return found()


def test_the_record_pages_and_the_log_fit_the_least_window_s_width(window, qtbot):
    """Mitglieder scrolled sideways by 251 px, Empfehlungen by 77, Änderungsprotokoll by 72
    (found by a tester): rows of buttons go on more rows (Mitglieder's groups break), the
    filters beside the search go under it. A table may scroll sideways in itself."""
    pages = window.pages
    projects = pages.projects
    found = {}
    for page in (pages.members, projects, pages.recommendations, pages.audit, pages.search):
        window.show_area(page)
        qtbot.waitUntil(page.isVisible, timeout=WAIT)
        if page is pages.search:  # (found by review) hits with their passages shown
            page.search_edit.setText("Parkraumsteuerung Warnemünde")
            page.show_hits()
        if page is projects:  # the lists of a project beside the table
            projects.view.selectRow(2)
            qtbot.waitUntil(lambda: projects.selected() is not None, timeout=WAIT)
        if page is pages.audit:  # read in the worker; "Die neuesten 200 Einträge; …"
            qtbot.waitUntil(lambda: "200" in pages.audit.count_label.text(), timeout=WAIT)
        found[type(page).__name__] = fitting(page, qtbot)
    assert found == {name: (0, []) for name in found}
    members = pages.members
    assert len(members.actions.rows()) > 2  # "Neues Mitglied …" … "Löschen …" broke
    assert members.filters.filters_below()


def test_the_meeting_s_agenda_annexes_and_approval_fit_the_least_window_s_width(window, qtbot):
    """The tabs Tagesordnung, Anlagen and Genehmigung scrolled sideways by 171, 120 and 50
    px (their rows of buttons; the agenda's planned end) (found by a tester)."""
    page = window.pages.meetings
    window.show_area(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT)
    page.select(page.meeting_list.model.rows()[5].id)  # held, with annexes and minutes
    found = {}
    for kind in (AgendaEditor, AnnexesPanel, MinutesApprovalPanel):
        tab = page.tabs.findChild(kind)
        page.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(tab.isVisible, timeout=WAIT)
        found[kind.__name__] = fitting(tab, qtbot)
    assert found == {name: (0, []) for name in found}


@pytest.mark.parametrize("size", [LEAST, (1024, 768)])
def test_the_constituent_meeting_s_protokoll_and_genehmigung_fit_their_width(window, qtbot, size):
    """(found by a tester) The constituent meeting's (approved minutes) Protokoll tab
    scrolled sideways by 3 px in the least window: its buttons in one row beside the save
    status left the list beside the form 3 px short; they go on two rows there now. Its
    Genehmigung tab was as wide as the SHA-256 line, which no line breaks: the checksums
    stand in rows of their own and give way in the middle ("…")."""
    window.resize(*size)
    page = window.pages.meetings
    window.show_area(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT)
    rows = page.meeting_list.model.rows()
    page.select(next(r.id for r in rows if r.kind is MeetingKind.CONSTITUENT))
    found = {}
    for kind in (MinutesEditor, MinutesApprovalPanel):
        tab = page.tabs.findChild(kind)
        page.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(tab.isVisible, timeout=WAIT)
        settle(qtbot)  # the tab's scroll bar downwards comes after the first layout
        found[kind.__name__] = fitting(tab, qtbot)
    assert found == {name: (0, []) for name in found}
    steps = page.tabs.findChild(MinutesEditor).buttons.rows()
    assert len(steps) == (2 if size == LEAST else 1)
    approval = page.tabs.findChild(MinutesApprovalPanel)
    checksum = approval.fingerprints.full
    assert len(checksum.text()) == 64
    if size == LEAST:
        assert checksum.shown_text() != checksum.text()  # its middle gives way: "…"
        assert checksum.shown_text()[:6] == checksum.text()[:6]
        assert checksum.shown_text()[-6:] == checksum.text()[-6:]
    else:
        assert checksum.shown_text() == checksum.text()


def test_the_filters_stay_beside_the_search_in_a_1024_window(window, qtbot):
    window.resize(1024, 700)
    for page in (window.pages.members, window.pages.projects):
        window.show_area(page)
        qtbot.waitUntil(page.isVisible, timeout=WAIT)
        qtbot.waitUntil(lambda page=page: page.width() > 800, timeout=WAIT)
        assert fitting(page, qtbot) == (0, [])
        assert not page.filters.filters_below()
