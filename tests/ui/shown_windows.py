"""The main window shown for a test: active, so that the keyboard's focus is in it (for
tests of keyboard and screen reader use), or at a given size."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from settling import exposed

from expertenrat.ui.main_window import MainWindow

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def active_window(make_window, qtbot) -> MainWindow:
    """A window from the ``make_window`` fixture, shown and the active one."""
    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    return window


def window_at(make_window, size: tuple[int, int]) -> MainWindow:
    """A window from the ``make_window`` fixture, shown at ``size`` and on screen."""
    shown = make_window()
    shown.resize(*size)
    shown.show()
    exposed(shown)
    return shown
