"""The main window's remembered layout when the screen changed between runs (the laptop
at its docking station's big monitors, then alone in the meeting room)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from expertenrat.ui.main_window_view import MainWindowView
from expertenrat.ui.window_layout import restore_layout, save_layout


def _window() -> tuple[QMainWindow, QSplitter]:
    window = QMainWindow()
    window.setMinimumSize(QSize(320, 240))
    splitter = QSplitter()
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    window.setCentralWidget(splitter)
    return window, splitter


def _geometry_saved_on(screen_width: int, *, maximized: bool) -> QByteArray:
    """What QWidget.saveGeometry (format 3.0) wrote for a window on a screen
    ``screen_width`` pixels wide."""
    frame = QRect(100, 100, screen_width - 200, 1000)
    normal = QRect(104, 130, screen_width - 208, 966)
    saved = QByteArray()
    stream = QDataStream(saved, QIODevice.OpenModeFlag.WriteOnly)
    stream.setVersion(QDataStream.Version.Qt_4_0)
    stream.writeUInt32(0x1D9D0CB)
    stream.writeUInt16(3)
    stream.writeUInt16(0)
    stream << frame << normal
    stream.writeInt32(0)  # the screen's number
    stream.writeUInt8(maximized)
    stream.writeUInt8(False)  # full screen
    stream.writeInt32(screen_width)
    stream << normal
    return saved


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)


def test_a_window_remembered_on_a_far_wider_screen_fits_this_one(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    screen = QGuiApplication.primaryScreen().availableSize()
    settings.setValue("window/geometry", _geometry_saved_on(screen.width() * 3, maximized=False))
    window, splitter = _window()
    qtbot.addWidget(window)

    restore_layout(window, splitter, settings)

    assert window.size() == QSize(1440, 900).boundedTo(screen * 0.92)
    assert not window.isMaximized()


def test_a_window_maximised_on_another_screen_comes_back_maximised(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    desk, desk_splitter = _window()
    qtbot.addWidget(desk)
    desk.setWindowState(Qt.WindowState.WindowMaximized)
    save_layout(desk, desk_splitter, settings)
    screen_width = QGuiApplication.primaryScreen().geometry().width()
    settings.setValue("window/geometry", _geometry_saved_on(screen_width * 2, maximized=True))
    window, splitter = _window()
    qtbot.addWidget(window)

    restore_layout(window, splitter, settings)

    assert window.isMaximized()


def test_a_window_remembered_on_this_screen_keeps_its_size(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    before, before_splitter = _window()
    qtbot.addWidget(before)
    before.resize(500, 400)
    save_layout(before, before_splitter, settings)
    window, splitter = _window()
    qtbot.addWidget(window)

    restore_layout(window, splitter, settings)

    assert window.size() == QSize(500, 400)
    assert not window.isMaximized()


def _splitter_state(sidebar: int, page: int) -> QByteArray:
    splitter = QSplitter()
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    splitter.setSizes([sidebar, page])
    return splitter.saveState()


@pytest.mark.parametrize(
    ("sidebar", "page"),
    [(1800, 750), (2550, 0)],
    ids=["sidebar widened at a big monitor", "page dragged away"],
)
def test_the_remembered_sidebar_leaves_the_page_its_room(qtbot, tmp_path, sidebar, page) -> None:
    settings = _settings(tmp_path)
    settings.setValue("window/splitter", _splitter_state(sidebar, page))
    window = MainWindowView()  # the frame, without the database's pages
    qtbot.addWidget(window)
    restore_layout(window, window.splitter, settings)  # as MainWindow does, then its areas
    window.add_areas([(name, QWidget()) for name in ("Übersicht", "Mitglieder")], QWidget())
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)

    names = window.sidebar.width()
    assert names <= 2 * window.sidebar.minimumWidth()
    assert window.stack.width() == 1000 - names - window.splitter.handleWidth()
