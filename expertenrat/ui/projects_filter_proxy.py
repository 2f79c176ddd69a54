"""Filtering and sorting the projects table: action field, phase and search as you type."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.text_folding import search_words
from expertenrat.ui.projects_table_model import ProjectRow
from expertenrat.ui.table_model import RowsTableModel


class ProjectsFilterProxy(QSortFilterProxyModel):
    """Filters the projects by action field, phase and search words (case and accents
    aside); sorts by the native values of the model's sort role."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._field_id: int | None = None
        self._phase: ProjectPhase | None = None
        self.setSortRole(RowsTableModel.SortRole)

    def set_search(self, text: str) -> None:
        self._change("_words", search_words(text))

    def set_field(self, field_id: int | None) -> None:
        self._change("_field_id", field_id)

    def set_phase(self, phase: ProjectPhase | None) -> None:
        self._change("_phase", phase)

    def _change(self, name: str, value: object) -> None:
        if getattr(self, name) != value:
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        row: ProjectRow = self.sourceModel().row(source_row)  # type: ignore[attr-defined]
        if self._field_id is not None and row.project.action_field_id != self._field_id:
            return False
        if self._phase is not None and row.project.phase is not self._phase:
            return False
        return all(word in row.search_text for word in self._words)
