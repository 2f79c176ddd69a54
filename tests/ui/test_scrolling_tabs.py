"""ScrollingTabs: a tab scrolls only below its content's minimum, also with wrapped text.

A tab holding a word-wrapped hint above a table used to scroll as soon as it was lower than
its *preferred* height (the scroll area sized it by its height for width), so a short
window showed two scroll bars, the tab's and the table's.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.scrolling_tabs import ScrollingTabs
from tests.ui.settling import exposed


def _hint_above_a_table() -> QWidget:
    content = QWidget()
    layout = QVBoxLayout(content)
    hint = QLabel("Stand: Entwurf – noch nicht versandt & <Einwände> bis 15.12.2026 🙂")
    hint.setWordWrap(True)
    layout.addWidget(hint)
    table = QTableWidget(40, 3)  # prefers far more height than it needs
    table.setMinimumHeight(80)
    layout.addWidget(table, 1)
    return content


@pytest.fixture
def tabs(qtbot) -> tuple[ScrollingTabs, QWidget, QWidget]:
    tabs = ScrollingTabs()
    qtbot.addWidget(tabs)
    hint_tab, plain_tab = _hint_above_a_table(), QWidget()
    tabs.addTab(hint_tab, "Genehmigung")
    tabs.addTab(plain_tab, "Anlagen")
    tabs.resize(700, 200)
    tabs.show()
    exposed(tabs)
    return tabs, hint_tab, plain_tab


def _scroll_area(tabs: QTabWidget) -> QScrollArea:
    area = QTabWidget.widget(tabs, tabs.currentIndex())  # the tab's page as Qt holds it
    assert isinstance(area, QScrollArea)
    return area


def test_a_tab_with_wrapped_text_fills_the_tab_without_scrolling(qtbot, tabs) -> None:
    tabs, hint_tab, _ = tabs
    area = _scroll_area(tabs)
    assert hint_tab.sizeHint().height() > area.viewport().height()  # it would like more

    qtbot.waitUntil(lambda: hint_tab.height() == area.viewport().height())
    assert not area.verticalScrollBar().isVisible()


def test_a_tab_lower_than_its_content_minimum_scrolls(qtbot, tabs) -> None:
    tabs, hint_tab, _ = tabs
    area = _scroll_area(tabs)

    tabs.resize(700, 90)

    qtbot.waitUntil(area.verticalScrollBar().isVisible)
    assert hint_tab.height() >= hint_tab.minimumSizeHint().height() > area.viewport().height()


def test_a_hint_wrapped_to_several_lines_is_scrolled_to_not_squeezed_under(qtbot) -> None:
    """The agenda editor of a held meeting at 1024 x 640: its hint wrapped to four lines,
    and the item's fields below were cut in half, the tab given its content's minimum as
    if the hint were one line (found by a tester)."""
    tabs = ScrollingTabs()
    qtbot.addWidget(tabs)
    content = QWidget()
    layout = QVBoxLayout(content)
    hint = QLabel("Die Sitzung ist als durchgeführt erfasst & <Punkte> 🙂 " * 12)
    hint.setWordWrap(True)
    layout.addWidget(hint)
    fields = [QLineEdit(f"Feld {n}") for n in range(6)]
    for field in fields:
        layout.addWidget(field)
    tabs.addTab(content, "Tagesordnung")
    tabs.resize(500, 150)
    tabs.show()
    exposed(tabs)
    area = _scroll_area(tabs)
    assert layout.totalMinimumHeightForWidth(content.width()) > layout.totalMinimumSize().height()

    qtbot.waitUntil(area.verticalScrollBar().isVisible)
    qtbot.waitUntil(lambda: content.height() >= layout.totalMinimumHeightForWidth(content.width()))
    assert all(f.height() >= f.minimumSizeHint().height() for f in fields)


def test_the_tabs_speak_of_their_own_widgets(tabs) -> None:
    tabs, hint_tab, plain_tab = tabs

    assert (tabs.widget(0), tabs.widget(1)) == (hint_tab, plain_tab)
    assert (tabs.indexOf(plain_tab), tabs.indexOf(QWidget())) == (1, -1)
    tabs.setCurrentWidget(plain_tab)
    assert tabs.currentWidget() is plain_tab and tabs.currentIndex() == 1
