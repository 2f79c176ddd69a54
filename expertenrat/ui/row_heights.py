"""Rows as tall as their wrapped text, measured where they are seen.

``QTableView.resizeRowsToContents`` measures every row once, at the widths the columns have
then: called before a dialog is laid out, it fits the rows to columns of another width, so
that a reason of three lines is cut after two once the columns have stretched; and it asks
the model for every cell of every row (eight seconds of a frozen window for an import
preview of 20,000 rows). :func:`fit_rows_in_sight` instead fits the rows in sight, again
whenever they scroll into sight, the view changes size or a column its width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class _RowsInSight(QObject):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once the event that asked for it is done
        self._timer.timeout.connect(self.fit)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.horizontalHeader().sectionResized.connect(self._timer.start)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self._timer.start)
        model.dataChanged.connect(self._timer.start)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    def fit(self) -> None:
        """Fit the rows now in sight to their contents."""
        view = self._view
        row = view.rowAt(0)
        if row < 0:
            return
        rows, height = view.model().rowCount(), view.viewport().height()
        while row < rows and view.rowViewportPosition(row) < height:
            view.resizeRowToContents(row)
            row += 1


def fit_rows_in_sight(view: QTableView) -> _RowsInSight:
    """Keep the rows of ``view`` (its model set) that are in sight as tall as their
    contents; rows never seen keep the default height. Returns the helper (owned by
    ``view``) whose ``fit`` fits them at once."""
    return _RowsInSight(view)
