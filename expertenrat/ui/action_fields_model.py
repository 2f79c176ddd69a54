"""Table model of a council's action fields, in their display order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from expertenrat.domain.councils import ActionField
from expertenrat.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex


class ActionFieldsModel(QAbstractTableModel):
    COLUMN_POSITION, COLUMN_NAME, COLUMN_COLOUR = range(3)
    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ActionField] = []
        self._headers = (
            tr("ActionFieldsModel", "Nr."),
            tr("ActionFieldsModel", "Handlungsfeld"),
            tr("ActionFieldsModel", "Farbe"),
        )

    def set_rows(self, rows: list[ActionField]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ActionField]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(field, index.row(), index.column())
        if role == self.SortRole:
            return (index.row(), field.name.casefold(), field.colour)[index.column()]
        if role == self.ObjectRole:
            return field
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.COLUMN_COLOUR:
            return QColor(field.colour)
        return None

    @staticmethod
    def _display(field: ActionField, row: int, column: int) -> str:
        return (str(row + 1), field.name, field.colour)[column]
