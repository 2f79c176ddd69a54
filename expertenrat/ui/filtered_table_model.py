"""A table model that filters and sorts its own rows, for tables with many thousand rows
filtered as you type (the recommendations register).

A ``QSortFilterProxyModel`` asks ``filterAcceptsRow`` once per row from C++, and sorting
asks ``data()`` for every comparison: in Python that costs 0.1–1 s per keystroke with
20,000 rows. Here the filter looks at all rows at once (list comprehensions over texts
folded once per reload, see :func:`~expertenrat.domain.text_folding.searchable`), the rows are
sorted once per column and order (by the columns' native values, stable like Qt's sort),
and the shown rows are published with ``layoutChanged``: selected rows that stay shown
stay selected, the others are left.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import compress
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from expertenrat.ui.table_model import Column, RowsTableModel

Accepts = Callable[[Sequence[Any]], Sequence[bool]]


def _everything(rows: Sequence[Any]) -> Sequence[bool]:
    return [True] * len(rows)


class FilteredRowsTableModel(RowsTableModel):
    """``set_rows`` gives all rows; ``set_filter`` and ``sort`` choose and order the shown
    ones (``rowCount``, ``rows``, ``row_of`` speak of those); :meth:`total` counts all."""

    def __init__(self, columns: Sequence[Column[Any]], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._all: list[Any] = []
        self._all_keys: list[Hashable] = []
        self._accepts: Accepts = _everything
        self._sorting: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._order: list[int] | None = None  # positions in _all, sorted; None: to sort
        self._shown_order: list[int] = []  # positions in _all of the shown rows
        self._positions_stale = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        """All rows; the same shown records in the same order update only changed rows."""
        self._all = list(rows)
        self._all_keys = [self.key(row) for row in self._all]
        self._order = None
        self._shown_order = self._shown_positions()
        super().set_rows([self._all[p] for p in self._shown_order])

    def total(self) -> int:
        return len(self._all)

    def set_filter(self, accepts: Accepts | None) -> None:
        """``accepts`` answers for all rows at once (a bool per row, in order)."""
        self._accepts = accepts or _everything
        self._publish()

    def refilter(self) -> None:
        """Ask the filter again (its settings changed)."""
        self._publish()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) != self._sorting:
            self._sorting = (column, order)
            self._order = None
            self._publish()

    # --- inside ---------------------------------------------------------------------------

    def _shown_positions(self) -> list[int]:
        """Positions in all rows of the rows to show, in the sorted order."""
        accepted = self._accepts(self._all)
        order = self._sorted_order()
        return list(compress(order, map(accepted.__getitem__, order)))

    def _sorted_order(self) -> list[int]:
        if self._order is None:
            column, order = self._sorting
            positions = range(len(self._all))
            if 0 <= column < len(self._columns):
                keys = [self._columns[column].python_key(row) for row in self._all]
                descending = order == Qt.SortOrder.DescendingOrder
                self._order = sorted(positions, key=keys.__getitem__, reverse=descending)
            else:
                self._order = list(positions)
        return self._order

    def _publish(self) -> None:
        """Show the rows the filter accepts in the sorted order, as a layout change."""
        order = self._shown_positions()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self.key(self._rows[index.row()]) for index in before]
        self._rows = list(map(self._all.__getitem__, order))
        self._shown_order = order
        self._positions_stale = True  # made when asked for (row_of), not per keystroke
        after = []
        for index, key in zip(before, keys, strict=True):
            position = self.row_of(key)
            after.append(self.index(position, index.column()) if position >= 0 else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_of(self, key: Hashable) -> int:
        if self._positions_stale:
            keys = map(self._all_keys.__getitem__, self._shown_order)
            self._positions = dict(zip(keys, range(len(self._shown_order)), strict=False))
            self._positions_stale = False
        return super().row_of(key)
