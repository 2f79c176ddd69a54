"""The rows of an ordered list of records (a council's templates), numbered 1, 2, … in a
first column "Nr.", then the list's own columns."""

from __future__ import annotations

from typing import Any

from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, number_column

_CONTEXT = "OrderedListEditor"


class NumberedModel(RowsTableModel):
    """The records numbered 1, 2, … in a first column "Nr.", then ``columns``."""

    def __init__(self, columns: tuple[Column, ...], parent=None) -> None:
        super().__init__((number_column(tr(_CONTEXT, "Nr."), lambda row: row[0]), *columns), parent)

    def set_templates(self, templates: list[Any]) -> None:
        self.set_rows(list(enumerate(templates, start=1)))

    def templates(self) -> list[Any]:
        return [row[1] for row in self._rows]

    def object_of(self, row) -> Any:
        return row[1]
