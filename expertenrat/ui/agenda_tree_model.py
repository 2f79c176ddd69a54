"""The agenda as a tree model: items 1, 2, 2.1 … with their running time plan.

The columns are described once (:mod:`agenda_columns`) over ``AgendaRow`` (an item placed
by the domain rules: number, depth, start). Numbers and start times are
never computed here: ``domain.agenda.ordered`` does it whenever the items change.

Drag and drop moves one item: ``dropMimeData`` does not move rows itself, it emits
``drop_requested(key, parent_key, index)`` (``parent_key`` 0: the top level; ``index``
counted without the dragged item) and the editor stores the move through the service and
shows the stored agenda again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from expertenrat.domain.agenda import AgendaItem, PlacedItem, ordered
from expertenrat.ui.agenda_columns import AgendaRow, agenda_columns
from expertenrat.ui.table_model import header_data

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-expertenrat-agenda-item"
# Views ask for flags and data thousands of times per paint: computed once, compared as ints.
_FIXED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_MOVABLE = _FIXED | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


class AgendaTreeModel(QAbstractItemModel):
    """Rows are keyed by the item's id (``internalId``); the top level is the invalid index."""

    ObjectRole = int(Qt.ItemDataRole.UserRole) + 2
    NUMBER, START, TITLE, KIND, PUBLIC, PRESENTER, PROJECT, MINUTES = range(8)
    # The header's menu shows and hides columns (:class:`ui.table_columns.ColumnChooser`);
    # the form beside the tree shows every field of the selected item, so a new user's
    # tree shows number, time, title and whether the item is public: it fits a 1024 px
    # window without scrolling sideways.
    KEYS = ("number", "start", "title", "kind", "public", "presenter", "project", "minutes")
    HIDDEN_BY_DEFAULT = (KIND, PRESENTER, PROJECT, MINUTES)
    ALWAYS_SHOWN = (NUMBER, TITLE)
    # The columns that give way first where the shown ones do not fit (column_fit).
    SHRINKABLE = ((PROJECT, PRESENTER), (KIND,), (TITLE,))

    drop_requested = Signal(int, int, int)  # key, parent key (0: top level), index

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = agenda_columns()
        self._items: list[AgendaItem] = []
        self._start: datetime | None = None
        self._rows: dict[int, AgendaRow] = {}
        self._children: dict[int, list[int]] = {0: []}
        self._movable = True

    # --- content --------------------------------------------------------------------------

    def set_agenda(
        self, items: Sequence[AgendaItem], start: datetime | None, *, movable: bool = True
    ) -> None:
        """Show ``items``. The same tree with other texts or minutes updates the cells
        (``dataChanged``); another tree resets the model."""
        items = list(items)
        self._movable = movable
        same_tree = sorted((i.key, i.parent, i.position) for i in items) == sorted(
            (i.key, i.parent, i.position) for i in self._items
        )
        if same_tree and items:
            self._items, self._start = items, start
            self._place()
            self._all_changed()
            return
        self.beginResetModel()
        self._items, self._start = items, start
        self._place()
        self.endResetModel()

    def preview(self, item: AgendaItem) -> None:
        """Show ``item``'s typed values (e.g. its minutes) before they are saved, so the
        time plan follows at once."""
        if item.key not in self._rows:
            return
        kept = self._rows[item.key].item
        item = replace(item, parent=kept.parent, position=kept.position)
        self.set_agenda(
            [item if i.key == item.key else i for i in self._items],
            self._start,
            movable=self._movable,
        )

    def items(self) -> list[AgendaItem]:
        return list(self._items)

    def placed(self) -> list[PlacedItem]:
        """The items in agenda order with numbers and start times."""
        return [self._rows[key].placed for key in self._ordered_keys()]

    def index_of(self, key: int) -> QModelIndex:
        row = self._rows.get(key)
        return QModelIndex() if row is None else self.createIndex(row.row, 0, key)

    def _place(self) -> None:
        placed = ordered(self._items, self._start)
        children: dict[int, list[int]] = {0: []}
        rows: dict[int, AgendaRow] = {}
        for entry in placed:
            siblings = children.setdefault(entry.item.parent or 0, [])
            row = AgendaRow(entry, len(siblings))
            texts = tuple(column.display(row) for column in self._columns)
            rows[entry.item.key] = replace(row, texts=texts)
            siblings.append(entry.item.key)
        self._rows, self._children = rows, children

    def _ordered_keys(self) -> list[int]:
        keys: list[int] = []

        def visit(parent: int) -> None:
            for key in self._children.get(parent, []):
                keys.append(key)
                visit(key)

        visit(0)
        return keys

    def _all_changed(self) -> None:
        last = len(self._columns) - 1
        for parent, keys in self._children.items():
            if keys:
                parent_index = self.index_of(parent) if parent else QModelIndex()
                first = self.index(0, 0, parent_index)
                self.dataChanged.emit(first, self.index(len(keys) - 1, last, parent_index))

    # --- Qt: structure --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_key = parent.internalId() if parent.isValid() else 0
        siblings = self._children.get(parent_key, ())
        if not (0 <= row < len(siblings) and 0 <= column < len(self._columns)):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_key = self._rows[index.internalId()].item.parent
        return QModelIndex() if parent_key is None else self.index_of(parent_key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else 0, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return header_data(self._columns, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        if role == _DISPLAY:
            return self._rows[index.internalId()].texts[index.column()]
        if role == _ALIGNMENT:
            return self._columns[index.column()].alignment
        if role == self.ObjectRole:
            return self._rows[index.internalId()].item
        if role == _TOOLTIP:
            column = self._columns[index.column()]
            if column.tooltip is not None:
                return column.tooltip(self._rows[index.internalId()])
        return None

    # --- Qt: drag and drop ----------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._movable else Qt.ItemFlag.NoItemFlags
        return _MOVABLE if self._movable else _FIXED

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        keys = {index.internalId() for index in indexes if index.isValid()}
        if len(keys) == 1:
            data.setData(MIME_TYPE, QByteArray(str(keys.pop()).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._dropped_key(data, action) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        key = self._dropped_key(data, action)
        if key is None:
            return False
        parent_key = parent.internalId() if parent.isValid() else 0
        siblings = self._children.get(parent_key, [])
        index = len(siblings) if row < 0 else row
        if key in siblings and siblings.index(key) < index:
            index -= 1  # counted without the dragged item
        self.drop_requested.emit(key, parent_key, index)
        return True  # the rows move when the editor shows the stored agenda

    def _dropped_key(self, data: QMimeData, action: Qt.DropAction) -> int | None:
        if not self._movable or action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return None
        try:
            key = int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return None
        return key if key in self._rows else None
