"""A small table as high as its rows, on a page that scrolls: the page scrolls, not the
table inside it (Einstellungen: action fields, agenda templates, standard phrases)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from expertenrat.ui.record_table import when_rows_change


class _RowsHeight(QObject):
    """Keeps ``view`` as high as its header and rows, at least ``minimum_rows`` high."""

    def __init__(self, view: QTableView, minimum_rows: int) -> None:
        super().__init__(view)
        self._view = view
        self._minimum_rows = minimum_rows
        when_rows_change(view.model(), self.fit)
        view.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit()  # a style sheet or font changes the row height
        return False

    def fit(self) -> None:
        view = self._view
        rows = view.verticalHeader()
        shown = rows.length()  # the rows' heights, also with the row header hidden
        missing = max(0, self._minimum_rows - view.model().rowCount())
        header = view.horizontalHeader()
        height = (
            (header.sizeHint().height() if not header.isHidden() else 0)
            + shown
            + missing * rows.defaultSectionSize()
            + 2 * view.frameWidth()
        )
        scrollbar = view.horizontalScrollBar()
        if scrollbar.isVisible():
            height += scrollbar.sizeHint().height()
        view.setFixedHeight(height)


def fit_height_to_rows(view: QTableView, minimum_rows: int = 3) -> None:
    """Make ``view`` (with its model set) as high as all its rows, never scrolling up and
    down itself; again whenever rows come or go."""
    _RowsHeight(view, minimum_rows)


def rows_list_view(model: QAbstractItemModel, stretch_column: int) -> QTableView:
    """A list of a council's records in Einstellungen: whole rows, one selected at a time,
    no row header, ``stretch_column`` taking the width left, as high as its rows; Tab
    leaves it, the arrows move in it."""
    view = QTableView()
    view.setTabKeyNavigation(False)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    fit_height_to_rows(view)
    return view
