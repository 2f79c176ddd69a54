"""Filtering and sorting the members table: search text, active / future / former / all,
action field; sorted by the native values of the model's sort role.

A member whose term has not begun yet is "künftig": neither active nor former, so the
status filter shows them only under "Künftige" and "Alle".
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from expertenrat.domain.text_folding import search_words
from expertenrat.ui.table_model import RowsTableModel


class StatusFilter(Enum):
    ACTIVE = "active"
    FUTURE = "future"
    FORMER = "former"
    ALL = "all"


class MembersFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status = StatusFilter.ACTIVE
        self._field_id: int | None = None
        self.setSortRole(RowsTableModel.SortRole)  # native values: dates as dates

    def set_search(self, text: str) -> None:
        words = search_words(text)  # case and accents aside: "wisniewski" finds Wiśniewski
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: StatusFilter) -> None:
        if status is not self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_field(self, field_id: int | None) -> None:
        if field_id != self._field_id:
            self.beginFilterChange()
            self._field_id = field_id
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        row = self.sourceModel().row(source_row)  # type: ignore[attr-defined]
        if self._status is not StatusFilter.ALL and self._status.value != row.state:
            return False
        if self._field_id is not None and self._field_id not in row.member.field_ids():
            return False
        return all(word in row.search_text for word in self._words)
