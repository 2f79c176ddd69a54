"""Makes any widget act like a link: a click, Enter or Space activate it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class Activation(QObject):
    """Watches ``widget`` (and clicks on its children, which pass them on) and emits
    ``activated``; the widget gets a pointing hand and takes the focus with Tab."""

    activated = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            return event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            inside = watched.rect().contains(event.position().toPoint())  # type: ignore[attr-defined]
            if event.button() == Qt.MouseButton.LeftButton and inside:
                self.activated.emit()
                return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _KEYS:
            self.activated.emit()
            return True
        return False
