"""Filtering and sorting the recommendations register: status (or "ohne Stellungnahme",
"überfällig"), action field, project, year and search as you type, accents aside.

Per keystroke the proxy decides about every row at once in plain Python over the rows'
precomputed search texts; Qt's per-row question then only reads that answer.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.text_folding import fold
from expertenrat.ui.recommendations_table_model import RegisterRow
from expertenrat.ui.table_model import RowsTableModel


class RecommendationsFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._statuses: frozenset[RecommendationStatus] = frozenset()
        self._overdue = False
        self._field_id: int | None = None
        self._project_id: int | None = None
        self._year: int | None = None
        self._accepted: list[bool] | None = None  # per source row, for the current filter
        self.setSortRole(RowsTableModel.SortRole)

    def set_search(self, text: str) -> None:
        self._change("_words", fold(text).split())

    def set_statuses(self, statuses: frozenset[RecommendationStatus]) -> None:
        """Only these statuses; empty: all."""
        self._change("_statuses", frozenset(statuses))

    def set_overdue(self, overdue: bool) -> None:
        self._change("_overdue", overdue)

    def set_field(self, field_id: int | None) -> None:
        self._change("_field_id", field_id)

    def set_project(self, project_id: int | None) -> None:
        self._change("_project_id", project_id)

    def set_year(self, year: int | None) -> None:
        self._change("_year", year)

    def _change(self, name: str, value: object) -> None:
        if getattr(self, name) != value:
            self.beginFilterChange()
            setattr(self, name, value)
            self._accepted = None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def setSourceModel(self, model) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        self._accepted = None
        model.modelReset.connect(self._forget)
        model.dataChanged.connect(self._forget)

    def _forget(self, *_args) -> None:
        self._accepted = None

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._accepted is None:
            self._accepted = self._decide(self.sourceModel().rows())  # type: ignore[attr-defined]
        return self._accepted[source_row]

    def _decide(self, rows: list[RegisterRow]) -> list[bool]:
        """Every row at once: the search words as list comprehensions over the texts (the
        common case while typing), the other filters only where one is set."""
        accepted = [True] * len(rows)
        for word in self._words:
            accepted = [
                ok and word in row.search_text for ok, row in zip(accepted, rows, strict=True)
            ]
        others = (self._field_id, self._project_id, self._year)
        if self._statuses or self._overdue or any(v is not None for v in others):
            accepted = [ok and self._accepts(row) for ok, row in zip(accepted, rows, strict=True)]
        return accepted

    def _accepts(self, row: RegisterRow) -> bool:
        item = row.recommendation
        if self._statuses and item.status not in self._statuses:
            return False
        if self._overdue and not item.overdue:
            return False
        if self._field_id is not None and item.action_field_id != self._field_id:
            return False
        if self._project_id is not None and all(p.id != self._project_id for p in item.projects):
            return False
        return self._year is None or item.year == self._year
