"""Lines of a list that wrap with a hanging indent, a little apart from each other.

A long "TOP 6 Intelligente Parkraumsteuerung …" wrapped in a plain list started its second
line flush left under "TOP", where it read like an entry of its own, and the entries stood
without a gap between them (found by a tester). :class:`HangingLinesDelegate` indents
every line after an entry's first by the width of ``indent_text`` ("TOP ") and keeps
``GAP`` pixels above and below each entry; a line break in the text ("– fehlt noch") is
indented the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

GAP = 3  # px above and below each entry's text


def hanging_layout(text: str, font: QFont, width: int, indent: int) -> QTextLayout:
    """``text`` laid out in ``width`` pixels, every line after the first ``indent`` pixels
    in (a line break in the text too)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while (line := layout.createLine()).isValid():
        x = 0 if line.lineNumber() == 0 else min(indent, width // 2)
        line.setLineWidth(max(width - x, 1))
        line.setPosition(QPointF(x, y))
        y += line.height()
    layout.endLayout()
    return layout


class HangingLinesDelegate(QStyledItemDelegate):
    """Paints the entries of ``view`` (a list as wide as its viewport) with a hanging
    indent; the view lays its entries out again when its width changes."""

    def __init__(self, view: QAbstractItemView, indent_text: str) -> None:
        super().__init__(view)
        self._view = view
        self._indent_text = indent_text

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return self._view.viewport().width() - 2 * self._margin(option)

    def _margin(self, option: QStyleOptionViewItem) -> int:
        style = self._view.style()
        metric = QStyle.PixelMetric.PM_FocusFrameHMargin
        return style.pixelMetric(metric, option, self._view) + 1

    def _layout(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextLayout:
        indent = option.fontMetrics.horizontalAdvance(self._indent_text)
        return hanging_layout(text, option.font, width, indent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        layout = self._layout(shown, shown.text, self._text_width(shown))
        height = layout.boundingRect().height()
        # No width asked for: the list makes each entry as wide as its viewport, and an
        # entry that asked for all of it made the list scroll sideways by a pixel.
        return QSize(1, int(height + 0.999) + 2 * GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text, shown.text = shown.text, ""
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, self._view)
        margin = self._margin(shown)
        layout = self._layout(shown, text, self._text_width(shown))  # as measured
        selected = bool(shown.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        group = (
            QPalette.ColorGroup.Normal
            if shown.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        painter.save()
        painter.setPen(shown.palette.color(group, role))
        layout.draw(painter, QPointF(shown.rect.left() + margin, shown.rect.top() + GAP))
        painter.restore()


def wrap_with_hanging_indent(view: QListView, indent_text: str) -> None:
    """Give ``view`` entries that wrap with a hanging indent, laid out again whenever its
    width changes."""
    view.setItemDelegate(HangingLinesDelegate(view, indent_text))
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setWordWrap(True)  # the list lays its entries out again whenever its size changes
