"""A tooltip with the whole text of a table cell that its column cuts ("05.03.…"): a
column narrowed to fit a small window must not hide what it says. A cell whose model gives
a tooltip of its own shows that one; a cell shown whole gets none."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from expertenrat.ui.tooltips import literal_tip


class CutTextTipDelegate(QStyledItemDelegate):
    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = cut_text(view, option, index, self)
            if text:
                QToolTip.showText(event.globalPos(), literal_tip(text), view.viewport())
                return True
        return super().helpEvent(event, view, option, index)


def cut_text(
    view: QAbstractItemView,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
    delegate: QStyledItemDelegate,
) -> str:
    """The cell's whole text where its column shows it cut, else ``""``."""
    shown = QStyleOptionViewItem(option)
    delegate.initStyleOption(shown, index)
    if not shown.text:
        return ""
    style = view.style()
    room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, view).width()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    whole = shown.fontMetrics.horizontalAdvance(shown.text)
    return shown.text if whole > room - 2 * margin else ""


def tip_cut_cells(view: QAbstractItemView) -> None:
    """Cells of ``view`` that its columns cut show their whole text as a tooltip."""
    view.setItemDelegate(CutTextTipDelegate(view))
