"""A combo box of a meeting's agenda items as attendance names them ("TOP 3 Genehmigung der
Tagesordnung"), after a first entry that names none: the member line's "Kommt zu" and
"Geht nach" (:mod:`ui.attendance_row`) and the time away (:mod:`ui.step_out_dialog`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from expertenrat.domain.attendance_sheet import AgendaRef
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.tooltips import literal_tip

_ITEM_WIDEST = 60  # the widest, in letters, however much room there is


def agenda_item_combo(first: str, items: Sequence[AgendaRef], characters: int) -> QComboBox:
    """``first`` (no item), then ``items``; as wide as ``characters`` letters at least, a
    title too long for the box ends in "…" (whole in the list and as tooltip)."""
    combo = compact_combo(characters)
    combo.setMaximumWidth(combo.fontMetrics().averageCharWidth() * _ITEM_WIDEST)
    combo.addItem(first, None)
    for item in items:
        combo.addItem(item.label, item.id)
        combo.setItemData(combo.count() - 1, literal_tip(item.label), Qt.ItemDataRole.ToolTipRole)
    return combo
