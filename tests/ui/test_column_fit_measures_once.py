"""A narrow table's fit leaves columns out one at a time and fits again without them: the
columns' content is measured once per fit, not again in each pass (found by review: up to
four measurements of up to 1,000 rows on every resize)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from expertenrat.ui.column_fit import dropped_columns, fit_columns

TITLE, CODE, CITY, STATE, DAY = range(5)


class CountingModel(QStandardItemModel):
    """Counts the reads of the shown text (each measured cell reads it)."""

    def __init__(self) -> None:
        super().__init__(30, 5)
        self.reads = 0
        self.setHorizontalHeaderLabels(["Titel", "Kennung", "Ort", "Stand", "Datum"])
        for row in range(30):
            for column, text in enumerate(
                ["Ein recht langer Projekttitel", "P-2026-001", "Rostock", "laufend", "3.12.2026"]
            ):
                self.setItem(row, column, QStandardItem(f"{text} {row}"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            self.reads += 1
        return super().data(index, role)


def fitted(qtbot, width: int) -> tuple[QTableView, CountingModel, int]:
    model = CountingModel()
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    model.reads = 0
    fit_columns(view, [[CITY, STATE], [TITLE]], wide=TITLE, droppable=[DAY, CODE, STATE])
    return view, model, model.reads


def test_a_fit_that_leaves_columns_out_measures_their_content_once(qtbot) -> None:
    _wide_view, _model, one_pass = fitted(qtbot, 1600)  # everything fits: one pass
    view, _model, narrow = fitted(qtbot, 260)

    assert len(dropped_columns(view)) >= 2  # three passes at least
    assert narrow <= one_pass
