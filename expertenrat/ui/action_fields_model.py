"""Table model of a council's action fields, in their display order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from expertenrat.domain.councils import ActionField
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Index, RowsTableModel


class ActionFieldsModel(RowsTableModel):
    COLUMN_POSITION, COLUMN_NAME, COLUMN_COLOUR = range(3)

    def __init__(self, parent=None) -> None:
        headers = (
            tr("ActionFieldsModel", "Nr."),
            tr("ActionFieldsModel", "Handlungsfeld"),
            tr("ActionFieldsModel", "Farbe"),
        )
        super().__init__(headers, parent)

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
