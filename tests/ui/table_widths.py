"""What a records table shows at a window width: whether its columns fit without sideways
scrolling, whether a column shows its content and header text whole or the start of each
text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTableView

from expertenrat.ui.column_fit import header_floors

# The app opens at 92 % of the screen: on a 1280×800 screen the window is this large
# (with the app's style sheet: the fixture app_style_sheet).
NARROW_WINDOW = (1178, 736)


def shows_start(view: QTableView, column: int, characters: int) -> bool:
    """Whether ``column`` shows at least the first ``characters`` characters of each cell."""
    width = view.horizontalHeader().sectionSize(column)
    metrics, model = view.fontMetrics(), view.model()
    texts = [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
    room = width - 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    return all(metrics.horizontalAdvance(t[:characters] + "…") <= room for t in texts)


def fits(view: QTableView) -> bool:
    """Whether the shown columns fit the table's width (no sideways scrolling)."""
    return view.horizontalHeader().length() <= view.viewport().width()


def shows_whole(view: QTableView, column: int) -> bool:
    """Whether ``column`` is as wide as its widest cell and its header text."""
    header = view.horizontalHeader()
    whole = max(view.sizeHintForColumn(column), header_floors(header)[column])
    return header.sectionSize(column) >= whole


def headers_whole(view: QTableView, columns: Iterable[int]) -> bool:
    """Whether each of ``columns`` shows its header text whole (the sorted one with its
    arrow)."""
    header = view.horizontalHeader()
    floors = header_floors(header)
    return all(header.sectionSize(c) >= floors[c] for c in columns)
