"""Table model of the search's hits (:mod:`expertenrat.ui.search_page`): what each is, what
and where it is, its day and the passage found."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

from expertenrat.domain.council_search import HitKind, SearchHit
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "SearchTableModel"


class SearchTableModel(RowsTableModel):
    COLUMN_KIND, COLUMN_WHAT, COLUMN_WHERE, COLUMN_DAY, COLUMN_EXCERPT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[SearchHit], ...] = (
            Column(tr(_CONTEXT, "Art"), lambda hit: hit.kind.label),
            Column(tr(_CONTEXT, "Was"), lambda hit: hit.what),
            Column(tr(_CONTEXT, "Wo"), lambda hit: hit.where),
            Column(
                tr(_CONTEXT, "Datum"),
                lambda hit: f"{hit.day:%d.%m.%Y}" if hit.day else "",
                # A project (no day) before the newest record, a draft recommendation (no
                # day yet) after the oldest, as the search lists them.
                sort_value=_day_sorted,
            ),
            Column(
                tr(_CONTEXT, "Fundstelle"),
                lambda hit: hit.excerpt,
                tooltip=lambda hit: hit.excerpt or None,
            ),
        )
        super().__init__(columns, parent)


def _day_sorted(hit: SearchHit) -> date:
    return date.max if hit.kind is HitKind.PROJECT else hit.day or date.min
