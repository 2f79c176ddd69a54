"""Einwilligungsverlauf: the recorded grants and withdrawals of a member, read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from expertenrat.domain.consent import ConsentEntry
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Index, RowsTableModel

_CONTEXT = "ConsentHistory"
VISIBLE_ROWS = 4


class ConsentHistoryModel(RowsTableModel):
    """One ledger entry per row, newest first: date, granted or withdrawn, kind, source, who."""

    COLUMN_DATE, COLUMN_STATE, COLUMN_KIND, COLUMN_SOURCE, COLUMN_ACTOR = range(5)

    def __init__(self, parent=None) -> None:
        headers = (
            tr(_CONTEXT, "Datum"),
            tr(_CONTEXT, "Einwilligung"),
            tr(_CONTEXT, "Art"),
            tr(_CONTEXT, "Quelle"),
            tr(_CONTEXT, "Erfasst von"),
        )
        super().__init__(headers, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry: ConsentEntry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, index.column())
        if role == self.SortRole:
            return index.row()
        if role == self.ObjectRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(_CONTEXT, "erfasst am {} (UTC)").format(
                entry.recorded_at.strftime("%d.%m.%Y %H:%M")
            )
        return None

    def _display(self, entry: ConsentEntry, column: int) -> str:
        if column == self.COLUMN_DATE:
            return entry.on.strftime("%d.%m.%Y") if entry.on else "–"
        if column == self.COLUMN_STATE:
            return tr(_CONTEXT, "erteilt") if entry.granted else tr(_CONTEXT, "widerrufen")
        if column == self.COLUMN_KIND:
            return entry.kind.label
        if column == self.COLUMN_SOURCE:
            return entry.source.label
        return entry.actor or "–"


def consent_history_view(entries: list[ConsentEntry], parent: QWidget | None = None) -> QTableView:
    """A small read-only table of ``entries``, about four rows high."""
    view = QTableView(parent)
    model = ConsentHistoryModel(view)
    model.set_rows(entries)
    view.setModel(model)
    view.setAccessibleName(tr(_CONTEXT, "Einwilligungsverlauf"))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    row_height = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(
        view.horizontalHeader().sizeHint().height()
        + row_height * VISIBLE_ROWS
        + 2 * view.frameWidth()
    )
    return view
