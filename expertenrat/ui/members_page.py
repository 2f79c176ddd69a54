"""Mitglieder: the members table with search and filters, composition, roster, CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.councils import ActionField
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.ui.composition_panel import CompositionPanel
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.members_filter_proxy import MembersFilterProxy, StatusFilter
from expertenrat.ui.members_table_model import MembersTableModel
from expertenrat.ui.roster_panel import RosterPanel
from expertenrat.ui.widgets import page_title

_CONTEXT = "MembersPage"


class MembersPage(QWidget):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._fields: list[ActionField] = []
        self.member_dialog: MemberDialog | None = None

        self.model = MembersTableModel(self)
        self.proxy = MembersFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(MembersTableModel.COLUMN_NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMaximumSectionSize(320)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr(_CONTEXT, "Suchen nach Name, Institution, E-Mail …"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        for status, label in (
            (StatusFilter.ACTIVE, tr(_CONTEXT, "Aktive")),
            (StatusFilter.FUTURE, tr(_CONTEXT, "Künftige")),
            (StatusFilter.FORMER, tr(_CONTEXT, "Ehemalige")),
            (StatusFilter.ALL, tr(_CONTEXT, "Alle")),
        ):
            self.status_combo.addItem(label, status.value)
        self.field_combo = QComboBox()
        self.new_button = QPushButton(tr(_CONTEXT, "Neues Mitglied …"))
        self.edit_button = QPushButton(tr(_CONTEXT, "Bearbeiten …"))
        self.end_button = QPushButton(tr(_CONTEXT, "Amtszeit beenden …"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(tr(_CONTEXT, "Neues Mitglied anlegen (Strg+N)"))
        self.search_edit.setToolTip(tr(_CONTEXT, "Filtert die Tabelle beim Tippen (Strg+F)"))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self.composition = CompositionPanel()
        self.roster = RosterPanel(services, dialogs, today, self)
        self.roster.membersImported.connect(self.refresh)
        self._layout()

        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.status_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_status(StatusFilter(self.status_combo.currentData()))
        )
        self.field_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_field(self.field_combo.currentData())
        )
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self._ask_end)
        self.delete_button.clicked.connect(self._ask_delete)
        self._update_buttons()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.field_combo)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.end_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        table_side = QWidget()
        left = QVBoxLayout(table_side)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(filters)
        left.addWidget(self.view, 1)
        left.addLayout(actions)
        side = QWidget()
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.composition)
        right.addWidget(self.roster)
        right.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(table_side)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([800, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr(_CONTEXT, "Mitglieder")))
        layout.addWidget(splitter, 1)

    # --- data -------------------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        """Remember the council; the members are read when the page is shown."""
        self._council_id = council_id
        self.roster.set_council(council_id)

    def refresh(self) -> None:
        if self._council_id is None:
            return
        selected = self.selected()
        today = self._today()
        council = self._services.members.members_and_composition(self._council_id, today)
        self._fields = list(council.fields)
        self._fill_field_combo()
        self.model.set_members(list(council.members), {f.id: f.name for f in self._fields}, today)
        self.composition.show_composition(council.composition)
        if selected is not None:
            self.select(selected.id)
        self.view.resizeColumnsToContents()
        self._update_buttons()

    def _fill_field_combo(self) -> None:
        current = self.field_combo.currentData()
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(tr(_CONTEXT, "Alle Handlungsfelder"), None)
        for field in self._fields:
            self.field_combo.addItem(field.name, field.id)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(current)))
        self.field_combo.blockSignals(False)
        self.proxy.set_field(self.field_combo.currentData())

    def selected(self) -> Member | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(MembersTableModel.ObjectRole) if rows else None

    def select(self, membership_id: int | None) -> None:
        source_row = self.model.row_of(membership_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.view.selectRow(index.row())

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.edit_button, self.end_button, self.delete_button):
            button.setEnabled(has)

    # --- actions ------------------------------------------------------------------------

    def new_member(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        member = self.selected()
        if member is not None:
            self._open_dialog(member)

    def _open_dialog(self, member: Member | None) -> None:
        if self._council_id is None:
            return
        dialog = MemberDialog(
            self._services.members,
            self._council_id,
            self._fields,
            self._today(),
            member,
            self,
            dialogs=self._dialogs,
        )
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        self.member_dialog = dialog
        dialog.open()

    def _saved(self, member: Member) -> None:
        self.refresh()
        self.select(member.id)

    def _ask_end(self) -> None:
        member = self.selected()
        if member is None:
            return
        self._dialogs.ask_date(
            self,
            tr(_CONTEXT, "Amtszeit beenden"),
            tr(_CONTEXT, "Letzter Tag der Amtszeit von {}:").format(member.full_name),
            self._today(),
            lambda end: self.end_membership(member, end),
        )

    def end_membership(self, member: Member, end: date) -> None:
        self._run(lambda: self._services.members.end_membership(member, end))

    def _ask_delete(self) -> None:
        member = self.selected()
        if member is None:
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Mitglied löschen"),
            tr(
                _CONTEXT,
                "{} endgültig löschen? Das geht nur, wenn die Person nirgends sonst "
                "vorkommt. Ausgeschiedene Mitglieder bitte nicht löschen, sondern ihre "
                "Amtszeit beenden.",
            ).format(member.full_name),
            lambda: self._run(lambda: self._services.members.delete(member)),
        )

    def _run(self, action) -> None:
        try:
            action()
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Mitglieder"), error.message)
        self.refresh()
