"""The table view of a page's records (members, projects, meetings, recommendations): one
shape for all.

Rows are records: the whole row is selected, one at a time, nothing is edited in place
(a form or dialog does that); sorting goes through the proxy's native sort values; a
long text ends in "…" on one line (its tooltip whole); columns can be widened by hand up
to a sane width (:mod:`column_fit` fits them). Where the table has no rows,
:class:`TableOrEmpty` says why in its place. The selected record and the place read are kept by
:mod:`record_selection`; the page around the table is laid out by :mod:`record_page_layout`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QObject, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QStackedWidget, QTableView, QWidget

from expertenrat.ui.column_fit import CONTENT_WIDTH, FIT_ROWS, refit_on_width_change
from expertenrat.ui.cut_cell_tips import tip_cut_cells
from expertenrat.ui.table_columns import ColumnChooser
from expertenrat.ui.table_model import RowsTableModel


def sorting_proxy(model: RowsTableModel, parent: QObject) -> QSortFilterProxyModel:
    """A proxy that sorts ``model`` by its native values, for a table that shows a
    :class:`RowsTableModel` as it is (a model sorts nothing itself: without the proxy the
    header shows a sort arrow over rows in their given order)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(RowsTableModel.SortRole)
    proxy.setSourceModel(model)
    return proxy


def record_table_view(model: QAbstractItemModel, sort_column: int) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    # Fitting a column measures the rows on screen and those around them up to this many
    # (Qt's default: 1,000, about half a second per fit of a register of thousands, on
    # every width change); a council's tables rarely have more, and then widths from 200
    # rows serve as well.
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)  # one line per record; cut text ends in "…"
    tip_cut_cells(view)  # and shows whole in its tooltip
    enter_acts_on_current(view)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(CONTENT_WIDTH)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def enter_acts_on_current(view: QTableView) -> None:
    """Enter acts on the row the keyboard is on: it is selected first (before the page's own
    ``activated``, which opens the selected record). Tab into a table makes its first row
    current without selecting it, a screen reader says that row, and Enter did nothing on
    any page (found by a tester)."""
    view.activated.connect(lambda index: view.selectRow(index.row()))


def chooser_table(
    model: QAbstractItemModel,
    kind: type,
    sort_column: int,
    settings: QSettings | None,
    settings_key: str,
    fit: Callable[[], None],
) -> tuple[QTableView, ColumnChooser]:
    """A record table on ``model`` (a proxy or the table model) whose columns can be shown
    and hidden from the header's menu: ``kind`` (the table model's class) names them in
    ``KEYS`` and ``HIDDEN_BY_DEFAULT``; the choice is kept under ``settings_key``. ``fit``
    (the page's :func:`~expertenrat.ui.column_fit.fit_columns`) runs again whenever the
    table's width changes and whenever a column is shown or hidden."""
    view = record_table_view(model, sort_column)
    chooser = ColumnChooser(
        view,
        kind.KEYS,  # type: ignore[attr-defined]
        kind.HIDDEN_BY_DEFAULT,  # type: ignore[attr-defined]
        settings if settings is not None else QSettings(),
        settings_key,
    )
    refit_on_width_change(view, fit)
    chooser.changed.connect(fit)
    return view, chooser


def when_rows_change(model: QAbstractItemModel, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever ``model``'s rows may have changed in number or order
    (inserted, removed, reset, sorted or filtered anew): a count or a height follows them."""
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
        signal.connect(slot)


def empty_state_label() -> QLabel:
    """The sentence shown in place of an empty table: why it is empty and what to do."""
    label = QLabel()
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class TableOrEmpty(QStackedWidget):
    """The table, or in its place a sentence why it is empty and what to do."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty_label = empty_state_label()
        self.addWidget(view)
        self.addWidget(self.empty_label)

    def show_table(self) -> None:
        self.setCurrentWidget(self.view)

    def show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.setCurrentWidget(self.empty_label)

    def show_rows(self, shown: int, total: int, none_yet: str, no_hits: str) -> None:
        """The table while it shows rows; else why not: ``none_yet`` where there is no
        record, ``no_hits`` (its "{}" the number of records) where the filters hide all."""
        if shown:
            self.show_table()
        else:
            self.show_empty(none_yet if total == 0 else no_hits.format(total))
