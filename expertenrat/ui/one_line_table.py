"""A small read-only table of one line per row (the Genehmigung tab's objections and
versions): whole rows selected, cut text ending in "…", columns fitted to their content
(:func:`~expertenrat.ui.column_fit.fit_columns`) and at least ``VISIBLE_ROWS`` rows high."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from expertenrat.ui.column_fit import fit_columns, refit_on_width_change
from expertenrat.ui.cut_cell_tips import tip_cut_cells

VISIBLE_ROWS = 3  # the fewest rows each table shows; a shorter tab scrolls instead


def one_line_table(
    model: QAbstractItemModel, shrinkable: list[list[int]], wide: int | None = None
) -> QTableView:
    """A table of one line per row, its columns as wide as their content: room left goes
    to the ``wide`` column (else the last), too little room narrows the ``shrinkable`` ones
    first; at least ``VISIBLE_ROWS`` rows high."""
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)  # cut text ends in "…" on one line, never half a second line
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    tip_cut_cells(view)  # and shows whole in its tooltip
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(
        view.horizontalHeader().sizeHint().height()
        + VISIBLE_ROWS * view.verticalHeader().defaultSectionSize()
        + 2 * view.frameWidth()
    )

    def fit() -> None:
        fit_columns(view, shrinkable, wide)

    refit_on_width_change(view, fit)
    _FitWhenShown(view, fit)
    model.modelReset.connect(fit)
    model.dataChanged.connect(fit)
    return view


class _FitWhenShown(QObject):
    """Fits the columns when the table is shown: rows set while its tab was hidden were
    only fitted to their content (narrowing needs the shown width), and a tab shown at
    the width it had changes no width (a guest's institution then made the Anwesenheit
    tab's guests scroll sideways at 1024 px)."""

    def __init__(self, view: QAbstractItemView, fit) -> None:
        super().__init__(view)
        self._fit = fit
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._fit()
        return False
