"""Table model of a council's action fields, in their display order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor

from expertenrat.domain.councils import ActionField
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, number_column

_CONTEXT = "ActionFieldsModel"


@dataclass(frozen=True, slots=True)
class _NumberedField:
    number: int  # 1, 2, … in display order (stored positions may have gaps)
    field: ActionField


class ActionFieldsModel(RowsTableModel):
    COLUMN_POSITION, COLUMN_NAME, COLUMN_COLOUR = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(
            (
                number_column(tr(_CONTEXT, "Nr."), lambda row: row.number),
                Column(tr(_CONTEXT, "Handlungsfeld"), lambda row: row.field.name),
                Column(
                    tr(_CONTEXT, "Farbe"),
                    lambda row: row.field.colour,
                    decoration=lambda row: QColor(row.field.colour),
                ),
            ),
            parent,
        )

    def set_fields(self, fields: Sequence[ActionField]) -> None:
        """Show ``fields`` in the given order; a renamed field updates its row only."""
        self.set_rows([_NumberedField(n, f) for n, f in enumerate(fields, start=1)])

    def fields(self) -> list[ActionField]:
        return [row.field for row in self._rows]

    def object_of(self, row: _NumberedField) -> ActionField:
        return row.field
