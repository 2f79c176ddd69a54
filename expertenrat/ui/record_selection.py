"""The selected record of a record table and the place read in it, found by the record's
key (``RowsTableModel.row_of``): a page keeps the record selected across a refresh
(:func:`selection_kept`), and the window keeps the record at the top of each table there
when it rereads a page (:func:`places_kept`); another council's records start at the top
left, none selected (:func:`start_afresh`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex
from PySide6.QtWidgets import QTableView, QWidget

from expertenrat.ui.table_model import RowsTableModel


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


def selected_row(view: QTableView) -> int:
    """The selected row of ``view`` (-1 if none): taken before a record is deleted, for
    :func:`select_after_removal`."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def select_after_removal(view: QTableView, row: int) -> None:
    """After the record selected at ``row`` was deleted: unless a record is selected
    again, select the one that took its place (the new last one if it was last), so that
    the keyboard goes on from there rather than from nowhere."""
    count = view.model().rowCount()
    if view.selectionModel().hasSelection() or row < 0 or count == 0:
        return
    view.selectRow(min(row, count - 1))
    view.scrollTo(view.currentIndex())


def remove_selected(view: QTableView, remove: Callable[[], object]) -> None:
    """Take ``remove`` (the deletion of the selected record, after which the table is read
    again), then :func:`select_after_removal`."""
    row = selected_row(view)
    remove()
    select_after_removal(view, row)


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
