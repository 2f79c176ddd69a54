"""Where the main window was: its size and place, its toolbars and the width of its sidebar,
kept in the PC's settings (``window/…``) from one run to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """The remembered layout; the first time, a size that fits the screen.

    Qt brings back no geometry remembered on a screen more than a quarter wider or narrower
    than the one there now (the docking station's 2560-pixel monitor, then the laptop's own
    1366 pixels, or back): the window opened at its least size, 720 × 480, with the page
    squeezed beside the sidebar, and no longer maximised (found by a tester). It then
    gets the first run's size, maximised if it was."""
    geometry = settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(_first_size(window))
        if settings.value("window/maximized", False, type=bool):
            window.setWindowState(Qt.WindowState.WindowMaximized)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    remembered = settings.value("window/splitter")
    if isinstance(remembered, QByteArray):
        splitter.restoreState(remembered)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/maximized", window.isMaximized())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())


def _first_size(window: QMainWindow) -> QSize:
    """Roomy enough for a records page with its detail beside it, within the screen."""
    wanted = QSize(1440, 900)
    screen = window.screen()
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableSize() * 0.92)
