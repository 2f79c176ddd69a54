"""The widgets of the Befangenheit tab and where they sit: the hint, the agenda item to pick,
the project consulted and the recusals carried from an item above, the table of decisions
with its buttons, and the screening's suggestions below.
:class:`~expertenrat.ui.conflicts_panel.ConflictsPanel` adds the behaviour (showing a sheet,
recording and removing decisions; the view/controller split of the house style)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.conflict_suggestions_box import ConflictSuggestionsBox
from expertenrat.ui.conflicts_table_model import ConflictsTableModel
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.one_line_table import one_line_table
from expertenrat.ui.record_table import TableOrEmpty
from expertenrat.ui.widgets import wrapping_label

_CONTEXT = "ConflictsPanel"


class ConflictsPanelView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint_label = wrapping_label(name="hintLabel")
        self.item_combo = compact_combo(30)
        self.project_label = QLabel()
        self.project_label.setTextFormat(Qt.TextFormat.PlainText)
        # who is recused here because of a recusal at an item above about the same matter
        self.carried_label = QLabel()
        self.carried_label.setTextFormat(Qt.TextFormat.PlainText)
        self.carried_label.setWordWrap(True)
        self.model = ConflictsTableModel(self)
        # One line per conflict, the columns as wide as their text, the room left to the
        # reason (before, 100 px each: headers and names cut, reasons broken onto lines).
        model = self.model
        self.view = one_line_table(
            model,
            [
                [model.COLUMN_REASON, model.COLUMN_DECISION_REASON],
                [model.COLUMN_MEMBER, model.COLUMN_DECIDED_BY],
            ],
            wide=model.COLUMN_REASON,
        )
        self.view.setAccessibleName(tr(_CONTEXT, "Befangenheiten"))  # for screen readers
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table = TableOrEmpty(self.view)  # or why it is empty
        self.declare_button = QPushButton(tr(_CONTEXT, "Befangenheit eintragen …"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen …"))
        self.suggestions = ConflictSuggestionsBox()

        top = QHBoxLayout()
        item_label = QLabel(tr(_CONTEXT, "Tagesordnungspunkt"))
        item_label.setBuddy(self.item_combo)
        self.item_combo.setAccessibleName(item_label.text())  # a combo says its entry else
        top.addWidget(item_label)
        top.addWidget(self.item_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.declare_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(top)
        layout.addWidget(self.project_label)
        layout.addWidget(self.carried_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.suggestions)
