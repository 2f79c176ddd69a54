"""Einwilligungsverlauf: the recorded grants and withdrawals of a member, read-only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from expertenrat.domain.consent import ConsentEntry
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "ConsentHistory"
VISIBLE_ROWS = 4


class ConsentHistoryModel(RowsTableModel):
    """One ledger entry per row, newest first: date, granted or withdrawn, kind, source, who."""

    COLUMN_DATE, COLUMN_STATE, COLUMN_KIND, COLUMN_SOURCE, COLUMN_ACTOR = range(5)

    def __init__(self, parent=None) -> None:
        def recorded(entry: ConsentEntry) -> str:
            return tr(_CONTEXT, "erfasst am {} (UTC)").format(
                entry.recorded_at.strftime("%d.%m.%Y %H:%M")
            )

        def column(header: str, display: Callable[[ConsentEntry], str], **spec: Any) -> Column:
            return Column(header, display, tooltip=recorded, **spec)

        super().__init__(
            (
                column(
                    tr(_CONTEXT, "Datum"),
                    lambda entry: entry.on.strftime("%d.%m.%Y") if entry.on else "–",
                    sort_value=lambda entry: entry.recorded_at,
                ),
                column(
                    tr(_CONTEXT, "Einwilligung"),
                    lambda entry: (
                        tr(_CONTEXT, "erteilt") if entry.granted else tr(_CONTEXT, "widerrufen")
                    ),
                ),
                column(tr(_CONTEXT, "Art"), lambda entry: entry.kind.label),
                column(tr(_CONTEXT, "Quelle"), lambda entry: entry.source.label),
                column(tr(_CONTEXT, "Erfasst von"), lambda entry: entry.actor or "–"),
            ),
            parent,
        )

    def key(self, row: ConsentEntry) -> ConsentEntry:
        return row  # ledger entries have no id; an entry is its own key


def consent_history_view(entries: list[ConsentEntry], parent: QWidget | None = None) -> QTableView:
    """A small read-only table of ``entries``, about four rows high, at least as wide as
    its columns' content: it never scrolls sideways; "Art" takes the room left."""
    view = QTableView(parent)
    view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
    model = ConsentHistoryModel(view)
    model.set_rows(entries)
    view.setModel(model)
    view.setAccessibleName(tr(_CONTEXT, "Einwilligungsverlauf"))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.COLUMN_KIND, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.ensurePolished()
    scrollbar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    view.setMinimumWidth(
        sum(
            max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(model.columnCount())
        )
        + 2 * view.frameWidth()
        + (scrollbar if len(entries) > VISIBLE_ROWS else 0)
    )
    row_height = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(
        view.horizontalHeader().sizeHint().height()
        + row_height * VISIBLE_ROWS
        + 2 * view.frameWidth()
    )
    return view
