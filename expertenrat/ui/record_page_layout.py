"""The layout of a records page: its title over the table (with its filter bar and what
goes under it) and the panel beside it, which gives way on a narrow window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget

from expertenrat.ui.widgets import page_title

BESIDE_MIN_WIDTH = 260  # the narrowest the panel beside a table gets by giving way


class RecordSplitter(QSplitter):
    """The table and the panel beside it. The panel keeps its initial width where there is
    room and gives way in proportion on a narrow window (its share of ``widths``, not
    narrower than ``beside_least``), so that the table keeps room for its titles;
    once the user drags the handle, the widths are theirs."""

    def __init__(self, widths: tuple[int, int], beside_least: int) -> None:
        super().__init__()
        self._widths = widths
        self._beside_least = beside_least
        self._dragged = False
        self.splitterMoved.connect(self._dragged_by_hand)

    def _dragged_by_hand(self) -> None:
        self._dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_out()

    def share_out(self) -> None:
        """The widths of the table and the panel for the splitter's width (as the user
        dragged them, if they did)."""
        if self._dragged or self.count() != 2 or self.widget(1).isHidden():
            return
        total = sum(self.sizes())
        table, beside = self._widths
        share = round(total * beside / (table + beside))
        side = min(beside, max(self._beside_least, share))
        self.setSizes([total - side, side])


def record_page_layout(
    page: QWidget,
    title: str,
    filters: QWidget,
    table: QWidget,
    below: Sequence[QWidget | QLayout],
    beside: QWidget,
    widths: tuple[int, int],
    *,
    beside_least: int = BESIDE_MIN_WIDTH,
) -> RecordSplitter:
    """A records page: its title over a splitter; on the left the filter bar, the table
    (which takes the height) and what goes under it (the count, the buttons); on the right
    ``beside`` (the selected record, panels), ``widths`` wide where the window is wide
    enough (on a narrow one the panel gives way down to ``beside_least``, see
    :class:`RecordSplitter`). The splitter, whose ``share_out()`` gives the panel its
    width again once it is shown after being hidden."""
    table_side = QWidget()
    left = QVBoxLayout(table_side)
    left.setContentsMargins(0, 0, 0, 0)
    left.addWidget(filters)
    left.addWidget(table, 1)
    for part in below:
        if isinstance(part, QLayout):
            left.addLayout(part)
        else:
            left.addWidget(part)
    splitter = RecordSplitter(widths, beside_least)
    splitter.addWidget(table_side)
    splitter.addWidget(beside)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes(list(widths))
    layout = QVBoxLayout(page)
    layout.addWidget(page_title(title))
    layout.addWidget(splitter, 1)
    return splitter
