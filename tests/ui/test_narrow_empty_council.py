"""A new, empty council in a small laptop's window (1024 x 640): the hints that stand in
for its empty lists ("Noch keine Empfehlungen …") cut no button and make no page scroll
sideways, as the demo council's pages do not (test_narrow_window)."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from pytestqt.exceptions import TimeoutError as NotSettled
from test_narrow_window import SMALL, cut_off, show_area

from tests.ui.settling import exposed


def problems(page: QWidget) -> list[str]:
    """What ``cut_off`` finds, and the window's scroll area around the page scrolling
    sideways: a page wider than the window grows to its minimum width inside it, so
    ``cut_off``, which measures against the page's own width, cannot see that."""
    found = cut_off(page)
    parent = page.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is not None and parent.horizontalScrollBar().isVisible():
        found.append(f"the window scrolls sideways: the page wants {page.width()} px")
    return found


def test_an_empty_council_cuts_no_button_and_scrolls_no_page_sideways(
    app_style_sheet, make_window, council_id, qtbot
) -> None:
    window = make_window()
    window.resize(*SMALL)
    window.show()
    exposed(window)
    found = {}
    for label, page in window.areas:
        show_area(window, qtbot, page)
        with suppress(NotSettled):  # the layouts settle; what is left is cut off
            qtbot.waitUntil(lambda page=page: problems(page) == [])
        found[label] = problems(page)
    assert {area: problems for area, problems in found.items() if problems} == {}
