"""The table view of a page's records (members, projects, meetings, recommendations): one
shape for all.

Rows are records: the whole row is selected, one at a time, nothing is edited in place
(a form or dialog does that); sorting goes through the proxy's native sort values; a
long text ends in "…" on one line; columns can be widened by hand up to a sane width.
The selected record is found and selected by its key (``RowsTableModel.row_of``), so that
a page keeps it selected across a refresh (:func:`selection_kept`), and the window keeps
the record at the top of each table there when it rereads a page (:func:`places_kept`);
another council's records start at the top left, none selected (:func:`start_afresh`);
where the table has no rows, :class:`TableOrEmpty` says why in its place.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLayout,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.table_columns import ColumnChooser
from expertenrat.ui.table_model import RowsTableModel
from expertenrat.ui.widgets import page_title


def record_table_view(model: QAbstractItemModel, sort_column: int) -> QTableView:
    view = QTableView()
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
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(CONTENT_WIDTH)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def chooser_table(
    model: QAbstractItemModel,
    kind: type,
    sort_column: int,
    settings: QSettings | None,
    settings_key: str,
) -> tuple[QTableView, ColumnChooser]:
    """A record table on ``model`` (a proxy or the table model) whose columns can be shown
    and hidden from the header's menu: ``kind`` (the table model's class) names them in
    ``KEYS`` and ``HIDDEN_BY_DEFAULT``; the choice is kept under ``settings_key``."""
    view = record_table_view(model, sort_column)
    chooser = ColumnChooser(
        view,
        kind.KEYS,  # type: ignore[attr-defined]
        kind.HIDDEN_BY_DEFAULT,  # type: ignore[attr-defined]
        settings if settings is not None else QSettings(),
        settings_key,
    )
    return view, chooser


MIN_SHRUNK_WIDTH = 100
CONTENT_WIDTH = 320  # the widest a column grows for its content (by hand: WIDE_WIDTH if wide)
WIDE_WIDTH = 720  # the widest the ``wide`` column of fit_columns grows to take the room
FIT_ROWS = 200  # the rows a column's fit measures (see record_table_view)


def fit_columns(
    view: QTableView, shrinkable: Sequence[Sequence[int]], wide: int | None = None
) -> None:
    """Columns as wide as their content; the wide text columns narrower if needed, so that
    the shown columns fit without sideways scrolling (cut text shows as "…"). Room left
    over goes to the ``wide`` column (a title), not to the last one.

    ``shrinkable`` lists groups of columns, the first to give way first; within a group
    each column gives in proportion to its width above ``MIN_SHRUNK_WIDTH`` or its header's
    text, whichever is wider.
    """
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    has_wide = wide in shown
    header.setStretchLastSection(not has_wide)  # a stretched one is at least 100 wide
    header.setMaximumSectionSize(WIDE_WIDTH if has_wide else CONTENT_WIDTH)
    visible = view.isVisible()
    # Qt's fit measures each column's content once (the slow part: up to 1,000 rows) and
    # keeps room for a sort arrow in every header; shown, only the sorted column and the
    # wide one keep that room, so the fit runs with the arrow off and they get it after.
    with _sort_arrow_off(header, visible):
        view.resizeColumnsToContents()
    arrow_room = {header.sortIndicatorSection(), wide} if visible else set()
    for column in shown:
        width = header.sectionSize(column)
        if column in arrow_room:
            width = max(width, _bounded(header, header.sectionSizeHint(column)))
        if column != wide:
            width = min(width, CONTENT_WIDTH)
        if width != header.sectionSize(column):
            header.resizeSection(column, width)
    if not visible:
        return
    floors = header_floors(header)
    excess = sum(header.sectionSize(c) for c in shown) - view.viewport().width()
    if excess < 0 and has_wide:
        header.resizeSection(wide, header.sectionSize(wide) - excess)  # up to WIDE_WIDTH
    if excess <= 0:
        return
    for columns in shrinkable:
        spare = {
            c: room
            for c in columns
            if not header.isSectionHidden(c)
            # never narrower than the header's text ("Federführung" whole)
            and (room := header.sectionSize(c) - max(MIN_SHRUNK_WIDTH, floors[c])) > 0
        }
        total_spare = sum(spare.values())
        to_cut = excess  # each column of the group gives its share of the same excess
        for column, room in spare.items():
            cut = min(room, -(-to_cut * room // total_spare), excess)
            header.resizeSection(column, header.sectionSize(column) - cut)
            excess -= cut
        if excess <= 0:
            return


@contextmanager
def _sort_arrow_off(header: QHeaderView, off: bool) -> Iterator[None]:
    """The header's size hints without the room for the sort arrow in the block."""
    shown = header.isSortIndicatorShown()
    header.setSortIndicatorShown(shown and not off)
    try:
        yield
    finally:
        header.setSortIndicatorShown(shown)


def _bounded(header: QHeaderView, width: int) -> int:
    """``width`` within the header's minimum and maximum section size (as Qt's fit)."""
    return max(header.minimumSectionSize(), min(width, header.maximumSectionSize()))


def header_floors(header: QHeaderView) -> dict[int, int]:
    """The width of each column's header text with its margins; with the room for the sort
    arrow only in the sorted column (Qt's size hint keeps that room in every column)."""
    sorted_column = header.sortIndicatorSection()
    if not header.isSortIndicatorShown():
        return {c: header.sectionSizeHint(c) for c in range(header.count())}
    header.setSortIndicatorShown(False)
    try:
        floors = {c: header.sectionSizeHint(c) for c in range(header.count())}
    finally:
        header.setSortIndicatorShown(True)
    if sorted_column in floors:
        floors[sorted_column] = header.sectionSizeHint(sorted_column)
    return floors


class _WidthWatch(QObject):
    """Calls ``fit`` whenever the width of the watched widget changes."""

    def __init__(self, watched: QWidget, fit: Callable[[], None]) -> None:
        super().__init__(watched)
        self._fit = fit
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            resized: QResizeEvent = event  # type: ignore[assignment]
            if resized.size().width() != resized.oldSize().width():
                self._fit()
        return False


def refit_on_width_change(view: QTableView, fit: Callable[[], None]) -> None:
    """Fit the columns again whenever the table's width changes (the window or a splitter
    resized, the detail panel beside it grown), not only when the page is shown; and when
    the table is sorted by another column (whose header then needs room for the arrow)."""
    _WidthWatch(view.viewport(), fit)
    view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: fit())


def selected_record(view: QTableView) -> Any | None:
    """The record (object role) of the selected row, or None."""
    rows = view.selectionModel().selectedRows()
    return rows[0].data(RowsTableModel.ObjectRole) if rows else None


def _shown_index(view: QTableView, key: Hashable) -> QModelIndex:
    """The index of the record with ``key`` in the view's model (invalid if the table does
    not show it: not there, or filtered out)."""
    shown = view.model()
    source = shown.sourceModel() if isinstance(shown, QAbstractProxyModel) else shown
    position = source.row_of(key)  # type: ignore[attr-defined]
    if position < 0:
        return QModelIndex()
    index = source.index(position, 0)
    if shown is not source:
        index = shown.mapFromSource(index)  # type: ignore[attr-defined]
    return index


def select_record(view: QTableView, key: Hashable) -> bool:
    """Select and show the row of the record with ``key``; False if the table does not
    show it (not there, or filtered out)."""
    index = _shown_index(view, key)
    if not index.isValid():
        return False
    view.selectRow(index.row())
    view.scrollTo(index)
    return True


@contextmanager
def selection_kept(view: QTableView) -> Iterator[None]:
    """The record selected before the block is selected again after it (if still shown)."""
    chosen = selected_record(view)
    yield
    if chosen is not None:
        select_record(view, chosen.id)


def start_afresh(view: QTableView) -> None:
    """No row selected and the table at its top left: where a page starts showing another
    council's records (its ``set_council``), not at the place read in the last one. (A
    page with a search field clears it there first: a term typed for the last council
    would hide records of this one.)"""
    view.clearSelection()
    view.scrollToTop()
    view.horizontalScrollBar().setValue(0)


def record_tables(widget: QWidget) -> list[QTableView]:
    """The tables in ``widget`` whose model can name the record of each row (a
    ``RowsTableModel``, directly or behind a proxy): those whose place :func:`places_kept`
    keeps."""
    return [view for view in widget.findChildren(QTableView) if _records(view) is not None]


def _records(view: QTableView) -> RowsTableModel | None:
    shown = view.model()
    source = shown.sourceModel() if isinstance(shown, QAbstractProxyModel) else shown
    return source if isinstance(source, RowsTableModel) else None


def _keys_in_view(view: QTableView) -> list[Hashable]:
    """The keys of the records whose rows show in the view, from the top down."""
    records = _records(view)
    shown = view.model()
    first = view.rowAt(0)
    if records is None or first < 0:
        return []
    last = view.rowAt(view.viewport().height() - 1)
    last = shown.rowCount() - 1 if last < 0 else last
    keys = []
    for row in range(first, last + 1):
        index = shown.index(row, 0)
        if shown is not records:
            index = shown.mapToSource(index)  # type: ignore[attr-defined]
        keys.append(records.key(records.row(index.row())))
    return keys


@contextmanager
def place_kept(view: QTableView) -> Iterator[None]:
    """The record at the top of the view before the block is at the top after it, so that
    records added or removed above it do not move the rows the user reads. If it is gone,
    the next one of the rows shown before takes its place; if none of them is left, or
    the view was at the very top, the scroll bar keeps its value (a view at the top shows
    what is added there). The place wins over the selected row the block scrolled to."""
    bar = view.verticalScrollBar()
    value = bar.value()
    keys = _keys_in_view(view) if value > 0 else []
    offset = view.rowViewportPosition(view.rowAt(0)) if keys else 0  # < 0: partly out
    yield
    index = next(
        (found for key in keys if (found := _shown_index(view, key)).isValid()), QModelIndex()
    )
    if not index.isValid():
        bar.setValue(value)
        return
    view.doItemsLayout()  # the scroll range fits the new rows before scrolling
    view.scrollTo(index, QTableView.ScrollHint.PositionAtTop)
    bar.setValue(bar.value() - offset)


@contextmanager
def places_kept(views: Sequence[QTableView]) -> Iterator[None]:
    """:func:`place_kept` for each of ``views``."""
    with ExitStack() as stack:
        for view in views:
            stack.enter_context(place_kept(view))
        yield


class TableOrEmpty(QStackedWidget):
    """The table, or in its place a sentence why it is empty and what to do."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(view)
        self.addWidget(self.empty_label)

    def show_table(self) -> None:
        self.setCurrentWidget(self.view)

    def show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.setCurrentWidget(self.empty_label)


BESIDE_MIN_WIDTH = 260  # the narrowest the panel beside a table gets by giving way


class _RecordSplitter(QSplitter):
    """The table and the panel beside it. The panel keeps its initial width where there is
    room and gives way in proportion on a narrow window (its share of ``widths``, not
    narrower than ``BESIDE_MIN_WIDTH``), so that the table keeps room for its titles;
    once the user drags the handle, the widths are theirs."""

    def __init__(self, widths: tuple[int, int]) -> None:
        super().__init__()
        self._widths = widths
        self._dragged = False
        self.splitterMoved.connect(self._dragged_by_hand)

    def _dragged_by_hand(self) -> None:
        self._dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._dragged or self.count() != 2:
            return
        total = sum(self.sizes())
        table, beside = self._widths
        share = round(total * beside / (table + beside))
        side = min(beside, max(BESIDE_MIN_WIDTH, share))
        self.setSizes([total - side, side])


def record_page_layout(
    page: QWidget,
    title: str,
    filters: QWidget,
    table: QWidget,
    below: Sequence[QWidget | QLayout],
    beside: QWidget,
    widths: tuple[int, int],
) -> None:
    """A records page: its title over a splitter; on the left the filter bar, the table
    (which takes the height) and what goes under it (the count, the buttons); on the right
    ``beside`` (the selected record, panels), ``widths`` wide where the window is wide
    enough (on a narrow one the panel gives way, see :class:`_RecordSplitter`)."""
    table_side = QWidget()
    left = QVBoxLayout(table_side)
    left.setContentsMargins(0, 0, 0, 0)
    left.addWidget(filters)
    left.addWidget(table, 1)
    for part in below:
        if isinstance(part, QLayout):
            left.addLayout(part)
        else:
            left.addWidget(part)
    splitter = _RecordSplitter(widths)
    splitter.addWidget(table_side)
    splitter.addWidget(beside)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes(list(widths))
    layout = QVBoxLayout(page)
    layout.addWidget(page_title(title))
    layout.addWidget(splitter, 1)
