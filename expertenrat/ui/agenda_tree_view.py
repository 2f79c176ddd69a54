"""The agenda tree view: one item selected at a time, moved by drag and drop or Alt+arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

_ALT_KEYS = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Right: "indent",
    Qt.Key.Key_Left: "outdent",
}

_WIDEST_COLUMN = 150  # px; a longer presenter or project name ends in "…"
_WIDEST_TITLE = 340  # px; the title column comes first in width


class AgendaTreeView(QTreeView):
    """The tree; Alt+arrow keys ask to move the current item (``move_requested``)."""

    move_requested = Signal(str)  # "up", "down", "indent", "outdent"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)

    def fit_columns(self, title: int) -> None:
        """Every column as wide as its content up to a sane width, the ``title`` column
        wider than the rest; what does not fit scrolls sideways."""
        for column in range(self.model().columnCount()):
            self.resizeColumnToContents(column)
            widest = _WIDEST_TITLE if column == title else _WIDEST_COLUMN
            self.setColumnWidth(column, min(self.columnWidth(column), widest))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = _ALT_KEYS.get(Qt.Key(event.key()))
        if direction is not None and event.modifiers() == Qt.KeyboardModifier.AltModifier:
            self.move_requested.emit(direction)
            event.accept()
            return
        super().keyPressEvent(event)
