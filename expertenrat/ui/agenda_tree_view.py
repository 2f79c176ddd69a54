"""The agenda tree view: one item selected at a time, moved by drag and drop or Alt+arrows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from expertenrat.ui.column_fit import fit_columns

_ALT_KEYS = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Right: "indent",
    Qt.Key.Key_Left: "outdent",
}

_TITLE_LEAST = 160  # px; the title keeps this much before the other headers are cut


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
        self.setItemDelegate(_TableRowHeight(self))

    def fit_columns(self, title: int, shrinkable: tuple[tuple[int, ...], ...]) -> None:
        """The shown columns as wide as their content; the ``title`` column takes the room
        left over, and where they do not fit the ``shrinkable`` groups give way in turn
        (cut text ends in "…", its tooltip whole) before the tree scrolls sideways
        (:func:`ui.column_fit.fit_columns`)."""
        fit_columns(self, shrinkable, wide=title, wide_least=_TITLE_LEAST)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = _ALT_KEYS.get(Qt.Key(event.key()))
        if direction is not None and event.modifiers() == Qt.KeyboardModifier.AltModifier:
            self.move_requested.emit(direction)
            event.accept()
            return
        super().keyPressEvent(event)


class _TableRowHeight(QStyledItemDelegate):
    """Rows as high as the rows of the app's tables (a table view's default row height,
    the style's): a tree's rows are as high as their text only, and the agenda's ~14 px
    stood cramped among the tables' ~30 px (found by a tester)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        assert isinstance(view, QWidget)
        metric = QStyle.PixelMetric.PM_HeaderDefaultSectionSizeVertical
        return size.expandedTo(QSize(0, view.style().pixelMetric(metric, None, view)))
