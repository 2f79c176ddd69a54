"""The frame every table model of the app shares: rows described by column specs.

A model lists its columns once as :class:`Column` specs (header, display text, native sort
value, alignment, tooltip, decoration) and hands rows to :meth:`RowsTableModel.set_rows`.
Sorting happens in a ``QSortFilterProxyModel`` with ``setSortRole(RowsTableModel.SortRole)``,
which compares the native values (dates as dates, numbers as numbers, folded text), never
the display strings. ``set_rows`` with the same records in the same order updates only the
rows that changed, so that views keep their selection and scroll position; only a changed
set of records resets the model.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from expertenrat.domain.text_folding import fold
from expertenrat.ui.tooltips import literal_tip

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """One column: its (translated) header and how a row shows and sorts in it.

    ``sort_value`` gives a native value that Qt compares as it is: a ``date``, ``int`` or
    folded ``str`` (not a tuple, and not ``None``: choose a stand-in such as ``date.max``).
    Without it the column sorts by its folded display text. ``tooltip``, ``decoration``,
    ``background`` and ``spoken`` may return ``None`` for rows without one; a tooltip is
    plain text, shown as it is even where it looks like markup
    (:func:`~expertenrat.ui.tooltips.literal_tip`).
    """

    header: str
    display: Callable[[Row], str]
    sort_value: Callable[[Row], Any] | None = None
    alignment: Qt.AlignmentFlag = _LEFT
    tooltip: Callable[[Row], str | None] | None = None
    decoration: Callable[[Row], Any] | None = None
    background: Callable[[Row], Any] | None = None  # of the cell, where the row has none
    header_tooltip: str | None = None  # a short header's whole wording (else the header)
    # What a screen reader says of the cell instead of its text, where the text alone (a
    # date in a red row) does not say what the row's colour does; None: its text.
    spoken: Callable[[Row], str | None] | None = None

    def python_key(self, row: Row) -> Any:
        """The native value as Python compares it (for models that sort themselves)."""
        return fold(self.display(row)) if self.sort_value is None else self.sort_value(row)

    def sort_key(self, row: Row) -> Any:
        """The value Qt compares. Dates become ``QDate`` / ``QDateTime``: Qt cannot compare
        Python objects it merely wraps. ``int``, ``float`` and ``str`` pass as they are."""
        if self.sort_value is None:
            return fold(self.display(row))
        value = self.sort_value(row)
        if isinstance(value, datetime):
            return QDateTime(value)
        if isinstance(value, date):
            return QDate(value.year, value.month, value.day)
        return value


def header_data(
    columns: Sequence[Column[Any]], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """A model's ``headerData``: the column's header, also as its tooltip (the whole header
    where a narrow column cuts it, :mod:`column_fit`), or its ``header_tooltip``."""
    if orientation != Qt.Orientation.Horizontal:
        return None
    column = columns[section]
    if role == Qt.ItemDataRole.DisplayRole:
        return column.header
    if role == Qt.ItemDataRole.ToolTipRole:
        return column.header_tooltip or column.header
    return None


def number_column(header: str, value: Callable[[Row], int]) -> Column[Row]:
    """A right-aligned column of whole numbers that sorts as numbers."""
    return Column(header, lambda row: str(value(row)), sort_value=value, alignment=_RIGHT)


def text_column(header: str, display: Callable[[Row], str], **spec: Any) -> Column[Row]:
    """A column of text whose tooltip shows the whole text where the column cuts it
    (unless ``spec`` gives another tooltip)."""
    return Column(header, display, **{"tooltip": lambda row: display(row) or None, **spec})


class RowsTableModel(QAbstractTableModel):
    """Rows of one kind in columns. Subclasses pass their columns and may override
    :meth:`key` (what identifies a record, default its ``id``), :meth:`object_of` (what the
    object role hands out, default the row) and the per-row styles (:meth:`foreground`,
    :meth:`background`)."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, columns: Sequence[Column[Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Any] = []
        self._positions: dict[Hashable, int] = {}

    # --- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``. The same records in the same order update only the rows that
        changed (``dataChanged``); anything else resets the model."""
        rows = list(rows)
        if [self.key(r) for r in rows] == [self.key(r) for r in self._rows]:
            for position, row in enumerate(rows):
                if row != self._rows[position]:
                    self._replace_at(position, row)
            return
        self.beginResetModel()
        self._rows = rows
        self._positions = {self.key(row): position for position, row in enumerate(rows)}
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        """Add ``rows`` after the shown ones (the next page of a long list); the rows
        already shown, and so the view's selection and scroll position, stay."""
        rows = [row for row in rows if self.key(row) not in self._positions]
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._positions.update((self.key(row), first + n) for n, row in enumerate(rows))
        self.endInsertRows()

    def _replace_at(self, position: int, row: Any) -> None:
        self._rows[position] = row
        last = len(self._columns) - 1
        self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, position: int) -> Any:
        return self._rows[position]

    def row_of(self, key: Hashable) -> int:
        """The position of the row with ``key``, or -1."""
        return self._positions.get(key, -1)

    def key(self, row: Any) -> Hashable:
        return self.object_of(row).id

    def object_of(self, row: Any) -> Any:
        return row

    def foreground(self, row: Any) -> Any:
        return None

    def background(self, row: Any) -> Any:
        return None

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return header_data(self._columns, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == self.SortRole:
            return column.sort_key(row)
        if role == self.ObjectRole:
            return self.object_of(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            tip = column.tooltip(row)  # typed text, which Qt must not take for markup
            return literal_tip(tip) if tip else tip
        if role == Qt.ItemDataRole.AccessibleTextRole and column.spoken is not None:
            return column.spoken(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            cell = self.background(row)
            if cell is None and column.background is not None:
                cell = column.background(row)
            return cell
        return None
