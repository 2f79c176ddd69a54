"""Tab in the main window goes as the window reads: the council switcher above, then the
sidebar of areas, then the page shown (found by a tester: from the sidebar Tab went up to
the switcher before it went into the page)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from shown_windows import WAIT

from expertenrat.ui.main_window_view import MainWindowView


def test_tab_goes_from_the_switcher_to_the_sidebar_and_on_into_the_page(qtbot) -> None:
    window = MainWindowView()
    qtbot.addWidget(window)
    page = QWidget()
    field = QLineEdit(page)
    QVBoxLayout(page).addWidget(field)
    window.add_areas([("Übersicht", page)], QWidget())
    window.stack.setCurrentWidget(page)
    window.toolbar.setVisible(True)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    window.council_combo.setFocus()

    qtbot.keyClick(window.council_combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.sidebar
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.council_combo
