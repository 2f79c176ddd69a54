"""A row of buttons (and filters) that goes on two rows where the window is too narrow for
one, so that no button is ever cut off.

The widgets come in groups that stay together ("Neues Mitglied …" … "Löschen …"); a group
that no longer fits beside the ones before it starts the next row, as a word does in a
text. The first group sits on the left, the others on the right (on the first row the room
between them is left empty; a group on a row of its own stays on the right, under those
it followed) — or, ``packed_left``, all of them one after the other from the left (a row
of filters). The row is never narrower than its widest group — unless ``breaking``: then a
group wider than the row breaks between its widgets (as a long word is hyphenated), so the
row is never narrower than its widest widget (the least window, 720 x 480).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget, QWidgetItem

_FALLBACK_SPACING = 6


class WrappingRow(QWidget):
    def __init__(
        self,
        groups: Sequence[Sequence[QWidget]],
        parent: QWidget | None = None,
        *,
        packed_left: bool = False,
        breaking: bool = False,
    ) -> None:
        super().__init__(parent)
        self.wrapping = _WrappingLayout(self, packed_left, breaking)
        for group in groups:
            self.wrapping.add_group(group)

    def rows(self) -> list[list[QWidget]]:
        """The shown widgets, row by row, as the row is laid out now."""
        return [
            [item.widget() for group in row for item in group]
            for row in self.wrapping.rows(self.contentsRect().width())
        ]


class _WrappingLayout(QLayout):
    """The layout of :class:`WrappingRow`: it has a height for each width (one row or more),
    which the layouts around it ask for."""

    def __init__(self, parent: QWidget, packed_left: bool, breaking: bool = False) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)
        self._packed_left = packed_left
        self._breaking = breaking
        self._items: list[QLayoutItem] = []
        self._groups: list[list[QLayoutItem]] = []

    def add_group(self, widgets: Sequence[QWidget]) -> None:
        group = []
        for widget in widgets:
            self.addChildWidget(widget)
            item = QWidgetItem(widget)
            self._items.append(item)
            group.append(item)
        self._groups.append(group)
        self.invalidate()

    # --- QLayout ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # items come through add_group
        self._items.append(item)
        self._groups.append([item])

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        for group in self._groups:
            if item in group:
                group.remove(item)
        self._groups = [group for group in self._groups if group]
        return item

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self._height(self.rows(inner)) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        groups = self._shown_groups()
        width = sum(self._width(g) for g in groups) + self._spacing() * max(0, len(groups) - 1)
        return self._with_margins(QSize(width, self._height([groups])))

    def minimumSize(self) -> QSize:
        """As wide as the widest group (the others go on rows of their own); ``breaking``:
        as the widest widget."""
        groups = self._shown_groups()
        if self._breaking:
            groups = [[item] for group in groups for item in group]
        width = max((self._width(g) for g in groups), default=0)
        return self._with_margins(QSize(width, self._height([groups])))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        area = rect.marginsRemoved(self.contentsMargins())
        y = area.y()
        rows = self.rows(area.width())
        # A group broken in pieces reads on from the left, as a text does.
        broken = sum(len(row) for row in rows) > len(self._shown_groups())
        for number, row in enumerate(rows):
            height = self._row_height(row)
            if self._packed_left or broken:
                x = area.x()
                for group in row:
                    x = self._place(group, QPoint(x, y), height) + self._spacing()
                y += height + self._vertical_spacing()
                continue
            others = row
            if number == 0:
                first, *others = row
                self._place(first, QPoint(area.x(), y), height)
            right = area.x() + area.width()
            x = right - sum(self._width(g) for g in others)
            x -= self._spacing() * max(0, len(others) - 1)
            for group in others:
                x = self._place(group, QPoint(x, y), height) + self._spacing()
            y += height + self._vertical_spacing()

    # --- the arrangement --------------------------------------------------------------------

    def rows(self, width: int) -> list[list[list[QLayoutItem]]]:
        """The shown groups, row by row, at ``width``."""
        rows: list[list[list[QLayoutItem]]] = []
        used = 0
        for group in self._pieces(width):
            needed = self._width(group)
            if rows and used + self._spacing() + needed <= width:
                rows[-1].append(group)
                used += self._spacing() + needed
            else:
                rows.append([group])
                used = needed
        return rows

    def _pieces(self, width: int) -> list[list[QLayoutItem]]:
        """The shown groups; ``breaking``, one wider than ``width`` in pieces that fit."""
        pieces: list[list[QLayoutItem]] = []
        for group in self._shown_groups():
            if not self._breaking or self._width(group) <= width:
                pieces.append(group)
                continue
            piece: list[QLayoutItem] = []
            for item in group:
                if piece and self._width([*piece, item]) > width:
                    pieces.append(piece)
                    piece = []
                piece.append(item)
            pieces.append(piece)
        return pieces

    def _shown_groups(self) -> list[list[QLayoutItem]]:
        groups = ([item for item in group if not item.isEmpty()] for group in self._groups)
        return [group for group in groups if group]

    def _place(self, group: list[QLayoutItem], at: QPoint, height: int) -> int:
        """Lay ``group`` out from ``at`` on a row ``height`` high; where it ends."""
        x = at.x()
        for item in group:
            hint = item.sizeHint()
            top = at.y() + (height - hint.height()) // 2
            item.setGeometry(QRect(x, top, hint.width(), hint.height()))
            x += hint.width() + self._spacing()
        return x - self._spacing()

    def _width(self, group: list[QLayoutItem]) -> int:
        widths = [item.sizeHint().width() for item in group]
        return sum(widths) + self._spacing() * (len(widths) - 1)

    def _row_height(self, row: list[list[QLayoutItem]]) -> int:
        return max((item.sizeHint().height() for group in row for item in group), default=0)

    def _height(self, rows: list[list[list[QLayoutItem]]]) -> int:
        heights = [self._row_height(row) for row in rows if row]
        return sum(heights) + self._vertical_spacing() * max(0, len(heights) - 1)

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _spacing(self) -> int:
        return self._style_spacing(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _vertical_spacing(self) -> int:
        return self._style_spacing(QStyle.PixelMetric.PM_LayoutVerticalSpacing)

    def _style_spacing(self, metric: QStyle.PixelMetric) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        spacing = parent.style().pixelMetric(metric, None, parent) if parent else -1
        return spacing if spacing >= 0 else _FALLBACK_SPACING
