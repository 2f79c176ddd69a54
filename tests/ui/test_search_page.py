"""Suche: hits across the council's records as one types; they open where they are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from expertenrat.domain.council_search import HitKind
from expertenrat.domain.errors import StorageError
from expertenrat.domain.overview import Area, MeetingTab
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.annexes_panel import AnnexesPanel
from expertenrat.ui.minutes_item_list import item_key
from expertenrat.ui.search_page import SearchPage
from expertenrat.ui.search_table_model import SearchTableModel


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def page(qtbot, services, dialogs) -> SearchPage:
    page = SearchPage(services.council_search, dialogs)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.set_council(services.settings.councils()[0].id)
    page.refresh()
    return page


def _shown(page: SearchPage, column: int) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester, page):
    page.search_edit.setText("parkraum")
    page.show_hits()
    assert page.model.rowCount() > 0  # the tester checks rows, not an empty model
    qtmodeltester.check(page.model)


def test_typing_finds_across_areas_case_and_umlauts_aside(page, qtbot):
    assert page.table.currentWidget() is page.table.empty_label  # says what to type
    qtbot.keyClicks(page.search_edit, "WARNEMUENDE")
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0)
    kinds = set(_shown(page, SearchTableModel.COLUMN_KIND))
    assert {"Projekt", "Tagesordnungspunkt", "Empfehlung"} <= kinds
    assert page.count_label.text() == f"{page.proxy.rowCount()} Treffer"
    assert _shown(page, SearchTableModel.COLUMN_KIND)[0] == "Projekt"  # then newest first


def test_what_was_typed_by_its_title_comes_first_until_a_column_is_clicked(page):
    page.search_edit.setText("4. Sitzung")
    page.show_hits()
    assert _shown(page, SearchTableModel.COLUMN_WHAT)[0] == "4. Sitzung"
    page.view.sortByColumn(SearchTableModel.COLUMN_DAY, Qt.SortOrder.DescendingOrder)
    assert _shown(page, SearchTableModel.COLUMN_WHAT)[0] != "4. Sitzung"  # a later item


def test_the_kind_narrows_the_hits(page):
    page.search_edit.setText("parkraum")
    page.show_hits()
    every = page.proxy.rowCount()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(HitKind.RECOMMENDATION))
    assert set(_shown(page, SearchTableModel.COLUMN_KIND)) == {"Empfehlung"}
    assert page.count_label.text() == f"{page.proxy.rowCount()} von {every} Treffern"


def test_a_kind_without_hits_says_how_many_the_others_have(page):
    page.search_edit.setText("Energiebedarf der Sensorik")
    page.show_hits()
    every = page.proxy.rowCount()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(HitKind.PROJECT))
    assert page.proxy.rowCount() == 0
    assert page.table.empty_label.text() == (
        f"Nichts dieser Art gefunden für „Energiebedarf der Sensorik“; mit „Alles“: {every} "
        "Treffer."
    )


def test_a_long_paste_with_markup_and_emoji_is_quoted_shortened_and_as_typed(page):
    """(found by review) A paste of thousands of characters made the message as long."""
    page.search_edit.setText("<b>Park</b> & 'Weg' 😀\n" * 400)
    page.show_hits()
    assert page.proxy.rowCount() == 0
    quoted = page.table.empty_label.text().split("„")[1].split("“")[0]
    assert quoted.startswith("<b>Park</b> & 'Weg' 😀 <b>Park</b>")
    assert len(quoted) == 80 and quoted.endswith("…")


def test_nothing_found_says_so(page):
    page.search_edit.setText("Quantencomputer")
    page.show_hits()
    assert page.proxy.rowCount() == 0
    assert "Quantencomputer" in page.table.empty_label.text()
    assert page.count_label.text() == "Keine Treffer"


def test_enter_on_a_hit_opens_its_minutes(page, qtbot):
    page.search_edit.setText("Erfahrungen anderer Modellprojekte")
    page.show_hits()
    row = _shown(page, SearchTableModel.COLUMN_WHERE).index(
        next(w for w in _shown(page, SearchTableModel.COLUMN_WHERE) if w.startswith("2. Sitzung"))
    )
    page.view.selectRow(row)
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.opened) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    target = opened.args[0]
    assert (target.area, target.tab) == (Area.MEETINGS, MeetingTab.MINUTES)
    # the key by its German name, as every other tooltip and the Hilfe name it
    assert page.open_button.toolTip() == "Den Treffer in seinem Bereich zeigen (Eingabetaste)"


def test_enter_opens_the_hit_tab_reaches_before_one_is_selected(page, qtbot):
    """Tab into the hits makes the first current, unselected: a screen reader says it,
    and Enter did nothing (found by a tester)."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "Erfahrungen anderer Modellprojekte")
    page.show_hits()
    while QApplication.focusWidget() is not page.view:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    first = page.proxy.index(0, 0)
    assert page.view.currentIndex().row() == 0 and page.selected() is None

    with qtbot.waitSignal(page.opened) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)

    assert opened.args[0] == page.proxy.data(first, SearchTableModel.ObjectRole).target


def test_the_text_and_the_selected_hit_stay_when_the_page_is_read_again(page):
    page.search_edit.setText("parkraum")
    page.show_hits()
    page.view.selectRow(2)
    chosen = page.selected()
    page.refresh()
    assert page.search_edit.text() == "parkraum"
    assert page.selected() == chosen


def test_another_council_starts_afresh(page, services):
    page.search_edit.setText("parkraum")
    page.show_hits()
    other = services.settings.councils()[1].id
    page.set_council(other)
    page.refresh()
    assert page.search_edit.text() == ""
    assert page.proxy.rowCount() == 0


def test_a_hit_opens_its_record_in_the_window(make_window, services):
    """Suche is the sidebar's last area (Strg+8), and a hit opened shows its record
    selected in its area."""
    window = make_window()
    last = window.sidebar.count() - 1
    assert window.sidebar.item(last).toolTip() == "Suche (Strg+8)"
    window.sidebar.setCurrentRow(last)
    page = window.pages.search
    assert window.stack.currentWidget() is page
    page.search_edit.setText("Energiebedarf der Sensorik")
    page.show_hits()
    page.view.selectRow(0)
    hit = page.selected()
    assert hit.kind is HitKind.RECOMMENDATION
    page.open_selected()
    assert window.stack.currentWidget() is window.pages.recommendations
    assert window.pages.recommendations.selected().id == hit.record_id


def test_an_agenda_item_opens_at_its_minutes_or_one_ahead_on_the_agenda(make_window):
    """One window for both (a whole window is costly): a held meeting's item opens at its
    minutes in the Protokoll tab, one of a meeting ahead in the Tagesordnung tab."""
    window = make_window()
    window.show_area(window.pages.search)
    page = window.pages.search
    page.search_edit.setText("Erfahrungen anderer Modellprojekte")
    page.show_hits()
    wheres = _shown(page, SearchTableModel.COLUMN_WHERE)
    page.view.selectRow(next(row for row, w in enumerate(wheres) if w.startswith("2. Sitzung")))
    hit = page.selected()
    page.open_selected()
    meetings = window.pages.meetings
    assert window.stack.currentWidget() is meetings
    minutes = meetings.tabs.minutes_editor()
    assert meetings.tabs.currentWidget() is minutes
    assert minutes.shown_meeting_id() == hit.target.record_id
    assert minutes.items.current_key() == item_key(hit.record_id)
    assert "Modellprojekte" in minutes.item_form.discussion_edit.toPlainText()

    window.show_area(page)
    page.search_edit.setText("Offene Schnittstellen")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(HitKind.AGENDA_ITEM))
    wheres = _shown(page, SearchTableModel.COLUMN_WHERE)
    page.view.selectRow(next(row for row, w in enumerate(wheres) if w.startswith("7. Sitzung")))
    hit = page.selected()
    page.open_selected()
    assert window.stack.currentWidget() is meetings
    assert isinstance(meetings.tabs.currentWidget(), AgendaEditor)
    assert meetings.tabs.currentWidget().selected_item().key == hit.record_id

    # A meeting found by an annex's file name opens at its Anlagen tab.
    window.show_area(page)
    page.kind_combo.setCurrentIndex(0)
    page.search_edit.setText("Praesentation-IPW.pdf")
    page.show_hits()
    (row,) = [row for row, kind in enumerate(_shown(page, 0)) if kind == "Sitzung"]
    page.view.selectRow(row)
    page.open_selected()
    assert isinstance(meetings.tabs.currentWidget(), AnnexesPanel)


def test_a_database_that_cannot_be_read_is_a_message_and_the_hits_stay(page, dialogs):
    page.search_edit.setText("parkraum")
    page.show_hits()
    shown = page.proxy.rowCount()

    def unreadable(council_id):
        raise StorageError("Die Datenbank ist nicht erreichbar.")

    page._search.index = unreadable
    page.refresh()
    assert dialogs.messages[-1] == ("warning", "Suche", "Die Datenbank ist nicht erreichbar.")
    assert page.proxy.rowCount() == shown


def test_a_screen_reader_hears_the_hits_found_once_each(page, qtbot, announced):
    """(found by a tester) The focus stays in the search field as one types: the count under
    the table ("8 Treffer") and the sentence in its place were never said."""
    qtbot.keyClicks(page.search_edit, "parkraum")
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0)
    every = page.proxy.rowCount()
    page.show_hits()  # the same hits again (the page read anew): not said twice
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(HitKind.RECOMMENDATION))
    narrowed = page.proxy.rowCount()
    page.search_edit.setText("xyzzy")
    page.show_hits()
    page.search_edit.clear()
    page.show_hits()

    assert announced == [
        f"{every} Treffer",
        f"{narrowed} von {every} Treffern",
        "Nichts gefunden für „xyzzy“. Weniger oder kürzere Wörter finden mehr; Mitglieder "
        "finden Sie unter „Mitglieder“ (Strg+2).",
    ]


def test_the_down_arrow_goes_from_the_search_to_the_first_hit(page, qtbot):
    """(found by a tester) From the search field only Tab, past "Art", reached the hits;
    the down arrow did nothing. Now it selects the first hit, and Enter opens it."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.search_edit.setFocus()
    page.search_edit.setText("Erfahrungen anderer Modellprojekte")
    page.show_hits()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    first = page.proxy.index(0, 0)
    assert QApplication.focusWidget() is page.view
    assert page.selected() == page.proxy.data(first, SearchTableModel.ObjectRole)
    with qtbot.waitSignal(page.opened) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args[0] == page.selected().target
    # Nothing found: the arrow stays in the field.
    page.search_edit.setText("xyzzy")
    page.show_hits()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.selected() is None
