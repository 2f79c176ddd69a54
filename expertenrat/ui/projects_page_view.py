"""The widgets of the Projekte page and where they sit; :class:`ProjectsPage` adds the
behaviour (the view/controller split of the house style).

The search with the action field and phase filters above the table, fitted to the width
of the page (the long texts give way first); under it the count with "Neues Projekt …",
"Bearbeiten …", "Abschließen" and "Löschen …"; beside it the selected project's
consultations and recommendations (:mod:`ui.project_detail_panel`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from expertenrat.domain.enums import ProjectPhase
from expertenrat.ui.column_fit import fit_columns
from expertenrat.ui.filter_bar import FilterBar
from expertenrat.ui.i18n import tr
from expertenrat.ui.project_detail_panel import ProjectDetailPanel
from expertenrat.ui.projects_filter_proxy import ProjectsFilterProxy
from expertenrat.ui.projects_table_model import ProjectsTableModel
from expertenrat.ui.record_page_layout import record_page_layout
from expertenrat.ui.record_table import TableOrEmpty, chooser_table

_CONTEXT = "ProjectsPage"
# The long text columns give way first when the shown ones are wider than the page, the
# title after them; room left over goes to the title.
_SHRINKABLE = (
    (
        ProjectsTableModel.COLUMN_LEAD,
        ProjectsTableModel.COLUMN_CONTACT,
        ProjectsTableModel.COLUMN_PARTNERS,
    ),
    (
        ProjectsTableModel.COLUMN_TITLE,
        ProjectsTableModel.COLUMN_FIELD,
        ProjectsTableModel.COLUMN_PHASE,
    ),
)
# Left out, in this order, where the table is too narrow for the title to be read beside
# them (1366 x 768 at 150 %: "Bürgerp…"); the detail beside the table names both.
_DROPPABLE = (ProjectsTableModel.COLUMN_LEAD, ProjectsTableModel.COLUMN_FIELD)


class ProjectsPageView(QWidget):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.model = ProjectsTableModel(self)
        self.proxy = ProjectsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view, self.columns = chooser_table(
            self.proxy,
            ProjectsTableModel,
            ProjectsTableModel.COLUMN_TITLE,
            settings,
            "projects/hidden_columns",
            self.fit_columns,
        )
        self.view.setAccessibleName(tr(_CONTEXT, "Projekte"))  # for screen readers
        self.table_stack = TableOrEmpty(self.view)
        self.empty_label = self.table_stack.empty_label
        self.count_label = QLabel()
        self.detail = ProjectDetailPanel()

        self.field_combo = QComboBox()
        self.phase_combo = QComboBox()
        self.phase_combo.addItem(tr(_CONTEXT, "Alle Phasen"), None)
        for phase in ProjectPhase:
            self.phase_combo.addItem(phase.label, phase.value)
        self.filters = FilterBar(
            tr(_CONTEXT, "Suchen nach Titel, Kürzel, Federführung, Partner …"),
            tr(_CONTEXT, "Filtert die Tabelle beim Tippen (Strg+F)"),
            (self.field_combo, self.phase_combo),
            names=(tr(_CONTEXT, "Handlungsfeld"), tr(_CONTEXT, "Phase")),
        )
        self.search_edit = self.filters.search_edit
        self.new_button = QPushButton(tr(_CONTEXT, "Neues Projekt …"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(tr(_CONTEXT, "Neues Projekt anlegen (Strg+N)"))
        self.edit_button = QPushButton(tr(_CONTEXT, "Bearbeiten …"))
        self.close_button = QPushButton(tr(_CONTEXT, "Abschließen"))
        self.close_button.setToolTip(tr(_CONTEXT, "Das Projekt als abgeschlossen markieren"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.delete_button.setToolTip(tr(_CONTEXT, "Das Projekt löschen (Entf)"))
        self._layout()

    def _layout(self) -> None:
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.close_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        record_page_layout(
            self,
            tr(_CONTEXT, "Projekte"),
            self.filters,
            self.table_stack,
            (self.count_label, actions),
            self.detail,
            (760, 360),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the page is known only now

    def fit_columns(self) -> None:
        fit_columns(
            self.view, _SHRINKABLE, wide=ProjectsTableModel.COLUMN_TITLE, droppable=_DROPPABLE
        )
