"""Which tabs of a meeting's tab widget scroll as a whole: each tab is a scroll area whose
lists scroll inside; one that needs its own scroll bar got too little room."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget


def scrolling_tabs(tabs: QTabWidget, qtbot) -> list[str]:
    """The titles of the tabs that scroll as a whole, each tab shown in turn; "Protokoll"
    is left out (the minutes editor scrolls inside)."""
    scrolling = []
    for index in range(tabs.count()):
        if tabs.tabText(index) == "Protokoll":
            continue
        tabs.setCurrentIndex(index)
        area = QTabWidget.widget(tabs, index)
        assert isinstance(area, QScrollArea)
        qtbot.waitUntil(lambda a=area: a.widget().height() >= a.viewport().height())
        if area.verticalScrollBar().isVisible():
            scrolling.append(tabs.tabText(index))
    return scrolling
