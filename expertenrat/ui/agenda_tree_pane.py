"""The left side of the "Tagesordnung" tab: the agenda tree, the columns the user chose for
it and the line with the end of the time plan under it (:mod:`ui.agenda_editor`)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from expertenrat.domain.agenda import Agenda
from expertenrat.ui.agenda_end_label import AgendaEndLabel
from expertenrat.ui.agenda_tree_model import AgendaTreeModel
from expertenrat.ui.agenda_tree_view import AgendaTreeView
from expertenrat.ui.column_fit import refit_on_width_change
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_columns import ColumnChooser

_CONTEXT = "AgendaEditor"


class AgendaTreePane(QWidget):
    """``model``, ``view`` (with its ``columns``) and ``end_label``; the editor owns the
    agenda and tells the pane what to show."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaTreeModel(self)
        self.view = AgendaTreeView()
        self.view.setAccessibleName(tr(_CONTEXT, "Tagesordnung"))  # for screen readers
        self.view.setModel(self.model)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(False)  # the title takes the room left (fit_columns)
        self.columns = ColumnChooser(
            self.view,
            AgendaTreeModel.KEYS,
            AgendaTreeModel.HIDDEN_BY_DEFAULT,
            settings if settings is not None else QSettings(),
            "agenda/hidden_columns",
            always_shown=AgendaTreeModel.ALWAYS_SHOWN,
        )
        self.end_label = AgendaEndLabel()
        self.end_label.setWordWrap(True)  # a narrow tab: on two lines, not wider than the tree
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.end_label)
        refit_on_width_change(self.view, self.fit_columns)
        self.columns.changed.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """The tree's shown columns to its width, the title taking the room left."""
        self.view.fit_columns(AgendaTreeModel.TITLE, AgendaTreeModel.SHRINKABLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the tree is known only now

    def current_key(self) -> int | None:
        index = self.view.currentIndex()
        return index.internalId() if index.isValid() else None

    def select(self, key: int | None) -> None:
        """Make the item ``key`` current (the first item if it is not shown)."""
        index = self.model.index_of(key) if key is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        self.view.selectionModel().setCurrentIndex(index, _ROW)
        self.view.scrollTo(index)

    def select_silently(self, index: QModelIndex) -> None:
        """Make ``index`` current again without telling anyone (a refused change of item)."""
        self.view.selectionModel().blockSignals(True)
        self.view.selectionModel().setCurrentIndex(index, _ROW)
        self.view.selectionModel().blockSignals(False)

    def show_items(self, agenda: Agenda, *, movable: bool) -> None:
        self.model.set_agenda(agenda.items, agenda.starts_at, movable=movable)

    def show_end(self, agenda: Agenda | None) -> None:
        self.end_label.show_plan(agenda, self.model.items(), self.model.placed())


_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
