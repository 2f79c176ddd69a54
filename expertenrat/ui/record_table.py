"""The table view of a page's records (members, projects, meetings): one shape for all.

Rows are records: the whole row is selected, one at a time, nothing is edited in place
(a form or dialog does that); sorting goes through the proxy's native sort values; a
long text ends in "…" on one line; columns can be widened by hand up to a sane width.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


def record_table_view(model: QAbstractItemModel, sort_column: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)  # one line per record; cut text ends in "…"
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(320)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


MIN_SHRUNK_WIDTH = 100


def fit_columns(view: QTableView, shrinkable: Sequence[Sequence[int]]) -> None:
    """Columns as wide as their content; the wide text columns narrower if needed, so that
    the shown columns fit without sideways scrolling (cut text shows as "…").

    ``shrinkable`` lists groups of columns, the first to give way first; within a group
    each column gives in proportion to its width above ``MIN_SHRUNK_WIDTH``.
    """
    view.resizeColumnsToContents()
    if not view.isVisible():
        return
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    excess = sum(header.sectionSize(c) for c in shown) - view.viewport().width()
    if excess <= 0:
        return
    for columns in shrinkable:
        spare = {
            c: header.sectionSize(c) - MIN_SHRUNK_WIDTH
            for c in columns
            if not header.isSectionHidden(c) and header.sectionSize(c) > MIN_SHRUNK_WIDTH
        }
        total_spare = sum(spare.values())
        for column, room in spare.items():
            cut = min(room, -(-excess * room // total_spare))
            header.resizeSection(column, header.sectionSize(column) - cut)
            excess -= cut
        if excess <= 0:
            return
