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
        # Through ``_soon``, which takes no arguments: connected to ``QTimer.start``
        # itself, a signal's first argument became the interval, so that scrolling to
        # row 1,500 fitted the rows 1.5 s later, and scrolling on kept putting it off.
        view.verticalScrollBar().valueChanged.connect(self._soon)
        view.horizontalHeader().sectionResized.connect(self._soon)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self._soon)
        model.dataChanged.connect(self._soon)
        view.viewport().installEventFilter(self)

    def _soon(self, *_signal_arguments: object) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._soon()
        return False

    def fit(self) -> None:
        """Fit the rows now in sight to their contents. A row that grows pushes those
        below it out of sight before they are measured, and the rows then in sight may be
        others (at the end of the table the view shows the last rows, however tall): in a
        short table whose rows wrap into many lines the last rows stayed cut. So the rows
        in sight are fitted again until none changes."""
        view = self._view
        row = view.rowAt(0)
        if row < 0:
            return
        rows, height = view.model().rowCount(), view.viewport().height()
        grown = False
        while row < rows and view.rowViewportPosition(row) < height:
            before = view.rowHeight(row)
            view.resizeRowToContents(row)
            grown = grown or view.rowHeight(row) != before
            row += 1
        if grown:
            self._soon()


def fit_rows_in_sight(view: QTableView) -> _RowsInSight:
    """Keep the rows of ``view`` (its model set) that are in sight as tall as their
    contents; rows never seen keep the default height. Returns the helper (owned by
    ``view``) whose ``fit`` fits them at once."""
    return _RowsInSight(view)
