"""Letting Qt finish what a change set off (layouts, the item views' deferred layouts)
before a test looks: until nothing is left to do, not for a number of milliseconds only,
which a busy machine may use up before the layouts are done."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

LONGEST_MS = 10_000  # a layout that never settles (one that lays itself out again) ends here


def settle(qtbot, then_ms: int = 20) -> None:
    """Process the pending events until there are none, then wait ``then_ms`` more for
    what a timer of a few milliseconds brings."""
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, LONGEST_MS)
    qtbot.wait(then_ms)


def exposed(widget: QWidget, timeout_ms: int = 30_000) -> None:
    """Wait until ``widget``'s window is on screen (``qtbot.waitExposed`` waits only as a
    ``with`` block around the showing; called alone it waits for nothing)."""
    assert QTest.qWaitForWindowExposed(widget, timeout_ms), f"{widget!r} was never shown"
