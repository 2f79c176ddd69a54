"""Table model of the recorded conflicts of interest of one agenda item."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from expertenrat.domain.conflict_sheet import Conflict
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "ConflictsTableModel"


class ConflictsTableModel(RowsTableModel):
    (
        COLUMN_MEMBER,
        COLUMN_DECISION,
        COLUMN_REASON,
        COLUMN_ORIGIN,
        COLUMN_DECIDED_BY,
        COLUMN_DECISION_REASON,
    ) = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        columns: tuple[Column[Conflict], ...] = (
            Column(tr(_CONTEXT, "Mitglied"), lambda c: c.member_name),
            Column(tr(_CONTEXT, "Entscheidung"), lambda c: c.decision.label),
            Column(tr(_CONTEXT, "Grund"), lambda c: c.reason, tooltip=lambda c: c.reason),
            Column(tr(_CONTEXT, "Herkunft"), lambda c: c.origin.label),
            Column(tr(_CONTEXT, "Entschieden von"), lambda c: c.decided_by),
            Column(
                tr(_CONTEXT, "Begründung"),
                lambda c: c.decision_reason,
                tooltip=lambda c: c.decision_reason or None,
            ),
        )
        super().__init__(columns, parent)
