"""Frameless scroll areas on the background of what they sit in: a form or panel that
scrolls where the window is too small for it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QWidget,
)


def plain_scroll_area(content: QWidget, *, sideways: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only when it is shorter (or,
    ``sideways``, narrower) than the content's minimum, on the background of what it sits
    in."""
    scroll = QScrollArea()
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return _plain(scroll, content)


def _plain(scroll: QScrollArea, content: QWidget) -> QScrollArea:
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty stop for the Tab key
    scroll.setWidget(content)
    # setWidget() makes the content paint the window colour, not the tab's own.
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll


class _UpDownScrollArea(QScrollArea):
    """Scrolls up and down only, and is never narrower than its content's minimum (with
    room for the scroll bar): the content is never squeezed sideways."""

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        least = super().minimumSizeHint()
        if content is None:
            return least
        width = content.minimumSizeHint().expandedTo(content.minimumSize()).width()
        width += self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(width, least.height())


def up_down_scroll_area(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area (as :func:`plain_scroll_area`) that scrolls
    only up and down where it is shorter than the content, and keeps the content's
    minimum width (a panel beside a table that is taller than a short window)."""
    scroll = _UpDownScrollArea()
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return _plain(scroll, content)
