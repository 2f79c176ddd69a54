"""Buttons in a grid beside a record (the steps of a recommendation): in as many columns as
asked where the panel is wide enough for them, in fewer (down to one) where it is not, so
that the panel can give way on a narrow window without cutting a button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget


class ButtonGrid(QWidget):
    def __init__(
        self, buttons: Sequence[QPushButton], columns: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._buttons = tuple(buttons)
        self._most_columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._arrange(columns)

    def minimumSizeHint(self) -> QSize:
        """As narrow as one column (the grid goes to one where it gets no more)."""
        return QSize(self._width_of(1), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = event.size().width()
        fitting = [c for c in range(self._most_columns, 1, -1) if self._width_of(c) <= width]
        self._arrange(fitting[0] if fitting else 1)

    def _width_of(self, columns: int) -> int:
        """The width the buttons need in ``columns`` columns (each as wide as its widest)."""
        widths = [0] * columns
        for position, button in enumerate(self._buttons):
            column = position % columns
            widths[column] = max(widths[column], button.sizeHint().width())
        return sum(widths) + (columns - 1) * self._spacing()

    def _spacing(self) -> int:
        spacing = self.grid.horizontalSpacing()
        if spacing < 0:  # the style's
            spacing = self.style().layoutSpacing(
                QSizePolicy.ControlType.PushButton,
                QSizePolicy.ControlType.PushButton,
                Qt.Orientation.Horizontal,
            )
        return max(spacing, 0)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for button in self._buttons:
            self.grid.removeWidget(button)
        for position, button in enumerate(self._buttons):
            self.grid.addWidget(button, position // columns, position % columns)
        self.columns = columns
