"""What a records table shows at a window width: whether its columns fit without sideways
scrolling, and whether a column shows its content and header text whole."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def fits(view: QTableView) -> bool:
    """Whether the shown columns fit the table's width (no sideways scrolling)."""
    return view.horizontalHeader().length() <= view.viewport().width()


def shows_whole(view: QTableView, column: int) -> bool:
    """Whether ``column`` is as wide as its widest cell and its header text."""
    header = view.horizontalHeader()
    whole = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
    return header.sectionSize(column) >= whole
