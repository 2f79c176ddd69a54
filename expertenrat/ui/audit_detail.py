"""The fields of one audit entry: "Feld | Vorher | Nachher", in words (never JSON)."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from expertenrat.domain.audit_fields import AuditLine, FieldChange, Names, field_changes
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "AuditDetail"


class FieldChangesModel(RowsTableModel):
    COLUMN_FIELD, COLUMN_BEFORE, COLUMN_AFTER = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[FieldChange], ...] = (
            Column(tr(_CONTEXT, "Feld"), lambda change: change.label),
            Column(tr(_CONTEXT, "Vorher"), lambda change: change.before),
            Column(tr(_CONTEXT, "Nachher"), lambda change: change.after),
        )
        super().__init__(columns, parent)

    def key(self, row: FieldChange) -> Hashable:
        return row.label


class AuditDetail(QWidget):
    """Below the table: the selected entry's description and its fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = FieldChangesModel(self)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
        self.view.setAccessibleName(tr(_CONTEXT, "Geänderte Felder"))  # for screen readers
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FieldChangesModel.COLUMN_BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FieldChangesModel.COLUMN_AFTER, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        self.show_line(None)

    def show_line(
        self,
        line: AuditLine | None,
        names: Names | None = None,
        titles: RoleTitles = DEFAULT_ROLE_TITLES,
    ) -> None:
        """``names``: of the records the entry's fields refer to by number; ``titles``:
        what the council calls chair and vice chair (a member's role as "Sprecher*in")."""
        if line is None:
            self.summary_label.setText(tr(_CONTEXT, "Wählen Sie oben einen Eintrag."))
            self.model.set_rows([])
            return
        changes = field_changes(line.entity, line.before, line.after, names, titles)
        self.summary_label.setText(line.summary)
        self.model.set_rows(changes)
        self.view.resizeColumnToContents(FieldChangesModel.COLUMN_FIELD)
        self.view.resizeRowsToContents()
