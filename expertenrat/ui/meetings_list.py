"""The list of the Sitzungen page: the council's meetings in a table, or why there are none.

One row per meeting, sorted by date, one selected at a time. Every column is as wide as
its content and header ("Ladung" whole, its tooltip "Einladung versandt am"), the place
takes the rest of the width (long places end in "…"; in a narrow window it gives way
first, down to its header; then the less needed columns are left out for that width, see
``_DROPPABLE``): no sideways scrolling, no date cut. Below an empty table a German hint
says what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.meetings import MeetingSummary
from expertenrat.ui.column_fit import fit_columns, refit_on_width_change
from expertenrat.ui.cut_cell_tips import tip_cut_cells
from expertenrat.ui.i18n import tr
from expertenrat.ui.meetings_table_model import MeetingsTableModel
from expertenrat.ui.record_selection import select_record, selected_record
from expertenrat.ui.record_table import enter_acts_on_current

_CONTEXT = "MeetingsPage"
# In a narrow window the place gives way (its tooltip shows it whole); where that is not
# enough the time, the date of the invitation and the minutes' state are left out, in
# this order (the meeting's tabs below show them), rather than cut: "05.03.…" told
# nothing (found by a tester).
_SHRINKABLE = ((MeetingsTableModel.COLUMN_PLACE,),)
_DROPPABLE = (
    MeetingsTableModel.COLUMN_TIME,
    MeetingsTableModel.COLUMN_INVITATION,
    MeetingsTableModel.COLUMN_MINUTES,
)


class MeetingsList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selecting_quietly = False  # see :meth:`quietly`
        self.model = MeetingsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(MeetingsTableModel.SortRole)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
        self.view.setAccessibleName(tr(_CONTEXT, "Sitzungen"))  # for screen readers
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(MeetingsTableModel.COLUMN_DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        enter_acts_on_current(self.view)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        tip_cut_cells(self.view)  # a cut text shows whole in its tooltip
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        refit_on_width_change(self.view, self.fit_columns)
        for signal in (self.model.modelReset, self.model.dataChanged):
            signal.connect(self.fit_columns)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

    def fit_columns(self) -> None:
        place = MeetingsTableModel.COLUMN_PLACE
        fit_columns(self.view, _SHRINKABLE, wide=place, droppable=_DROPPABLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the list is known only now

    def selected(self) -> MeetingSummary | None:
        return selected_record(self.view)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """The program, not the user, selects a row or lists the rows anew meanwhile
        (:attr:`selecting_quietly`): the page then asks nothing about unsaved input."""
        self.selecting_quietly = True
        try:
            yield
        finally:
            self.selecting_quietly = False

    def select_row(self, meeting_id: int | None) -> None:
        """Select the row of ``meeting_id``; no row if it is not listed (or ``None``)."""
        if meeting_id is None or not select_record(self.view, meeting_id):
            self.view.clearSelection()

    def show_around(self, day: date) -> None:
        """Scroll to the present: the last meeting before ``day`` at the top, the next ones
        below it (with the list by date, the oldest first, those are the ones the
        secretariat works on; after some years they would be far below)."""
        rows = self.model.rows()
        if not rows:
            return
        before = [row for row in rows if row.starts_at.date() < day]
        anchor = max(before, key=lambda row: row.starts_at) if before else rows[0]
        source = self.model.index(self.model.row_of(anchor.id), 0)
        self.view.scrollTo(
            self.proxy.mapFromSource(source), QAbstractItemView.ScrollHint.PositionAtTop
        )
        # A meeting chosen meanwhile (an Übersicht link to an older meeting's minutes, on
        # the page's first opening) stays in view: the tabs below show it.
        chosen = self.view.selectionModel().selectedRows()
        if chosen:
            self.view.scrollTo(chosen[0])

    def update_empty(self, *, total: bool) -> None:
        """The hint below an empty table; ``total``: the council has meetings at all."""
        if self.model.rowCount():
            self.empty_label.hide()
            return
        if total:
            text = tr(_CONTEXT, "Keine Sitzungen für diese Auswahl. Wählen Sie „Alle Sitzungen“.")
        else:
            text = tr(
                _CONTEXT,
                "Noch keine Sitzungen. Legen Sie mit „Neue Sitzung“ eine an oder mit "
                "„Sitzungsreihe …“ alle Termine eines Jahres auf einmal.",
            )
        self.empty_label.setText(text)
        self.empty_label.show()
