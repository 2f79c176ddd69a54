"""Above a page's table: a search field that filters as you type (Strg+F) and the page's
filters (combos, each as wide as its longest entry unless the page chose otherwise, and
others such as a period); with more than two they go on a row of their own (and those
that do not fit a narrow window on the next), so that none is cut off. And the helpers
around it (refilling a combo, the hit count).

The strings come translated from the page (its own translation context); the bar only
arranges them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.wrapping_row import WrappingRow


class FilterBar(QWidget):
    FILTERS_BESIDE_SEARCH = 2

    def __init__(
        self,
        placeholder: str,
        tooltip: str,
        filters: Sequence[QWidget],
        parent: QWidget | None = None,
        *,
        names: Sequence[str] = (),
    ) -> None:
        """``names``: what each of the ``filters`` filters by ("Status", "Handlungsfeld"),
        a screen reader's name for it: a combo alone says only its entry ("Alle Jahre")."""
        super().__init__(parent)
        self.search_edit = LineEdit()
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setAccessibleName(placeholder)  # a screen reader's name for it
        self.search_edit.setToolTip(tooltip)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        for widget, name in zip(filters, names, strict=False):
            widget.setAccessibleName(name)
        for widget in filters:
            first_show = QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow
            if isinstance(widget, QComboBox) and widget.sizeAdjustPolicy() == first_show:
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        self._search_row = search_row
        self._below = QHBoxLayout()  # the filters beside the search where it is too narrow
        self._below.addStretch(1)
        self._beside: list[QWidget] = []
        if len(filters) > self.FILTERS_BESIDE_SEARCH:
            # In a window too narrow for all of them, the last go on the next row.
            layout.addWidget(WrappingRow([(widget,) for widget in filters], packed_left=True))
        else:
            for widget in filters:
                search_row.addWidget(widget)
            self._beside = list(filters)
            layout.addLayout(self._below)
        self._filters_below = False
        self._rows: QAbstractItemView | None = None

    def lead_down_to(self, rows: QAbstractItemView) -> None:
        """The down arrow in the search field goes on to ``rows``, the list it searches:
        to its selected row, else its first, selected, so that Enter acts on it (found by a
        tester: only Tab, past the filters, reached the hits)."""
        self._rows = rows
        self.search_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_edit
            and self._rows is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self._rows.model().rowCount() > 0
        ):
            rows = self._rows
            if not rows.selectionModel().hasSelection():
                rows.setCurrentIndex(rows.model().index(0, 0))
            rows.scrollTo(rows.currentIndex())
            rows.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    # --- the filters beside the search or under it (the least window, 720 x 480) ----------

    def _least_search_width(self) -> int:
        return max(self.search_edit.minimumWidth(), self.search_edit.minimumSizeHint().width())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the search field or the filters under it, whichever is wider."""
        hint = super().minimumSizeHint()
        if not self._beside:
            return hint
        spacing = max(0, self._search_row.spacing())
        below = sum(w.minimumSizeHint().width() for w in self._beside)
        below += spacing * (len(self._beside) - 1)
        return QSize(min(hint.width(), max(self._least_search_width(), below)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_filters(event.size().width())

    def _place_filters(self, width: int) -> None:
        """The filters beside the search where the search keeps its least width and they
        their whole entries, else on a row under it (from the left)."""
        if not self._beside:
            return
        spacing = max(0, self._search_row.spacing())
        needed = self._least_search_width() + sum(
            spacing + w.sizeHint().width() for w in self._beside
        )
        below = width < needed
        if below == self._filters_below:
            return
        self._filters_below = below
        for widget in self._beside:
            (self._below if not below else self._search_row).removeWidget(widget)
        for index, widget in enumerate(self._beside):
            if below:
                self._below.insertWidget(index, widget)
            else:
                self._search_row.addWidget(widget)
        self.updateGeometry()

    def filters_below(self) -> bool:
        """Whether the filters stand under the search (the window too narrow beside it)."""
        return self._filters_below


def refill_combo(combo: QComboBox, everything: str, items: Iterable[tuple[str, Any]]) -> None:
    """``everything`` (data ``None``) and then ``items`` (text, data); the chosen entry stays
    chosen if it is still there, else "everything". No signal: the page applies the filter."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def hit_count(shown: int, total: int, some_of: str, one: str, many: str) -> str:
    """ "3 von 8 Projekten", "1 Projekt" or "8 Projekte": ``some_of`` takes shown and total,
    ``many`` the total."""
    if shown != total:
        return some_of.format(shown, total)
    return one if total == 1 else many.format(total)
