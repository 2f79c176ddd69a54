"""Above the meetings list: which meetings (alle / kommende / durchgeführte / nachzutragende)
of which year. The two combos sit in the page's row beside the state buttons
(:mod:`ui.meetings_page`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from expertenrat.domain.meetings import MeetingScope
from expertenrat.ui.filter_bar import refill_combo
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingsPage"


class MeetingsFilter(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scope_combo = QComboBox()
        for scope, label in (
            (MeetingScope.ALL, tr(_CONTEXT, "Alle Sitzungen")),
            (MeetingScope.UPCOMING, tr(_CONTEXT, "Kommende")),
            (MeetingScope.HELD, tr(_CONTEXT, "Durchgeführte")),
            (MeetingScope.UNRECORDED, tr(_CONTEXT, "Nachzutragende")),
        ):
            self.scope_combo.addItem(label, scope.value)
        self.year_combo = QComboBox()
        self.year_combo.addItem(tr(_CONTEXT, "Alle Jahre"), None)
        # A screen reader's names: a combo alone says only its entry ("Alle Jahre").
        self.scope_combo.setAccessibleName(tr(_CONTEXT, "Welche Sitzungen"))
        self.year_combo.setAccessibleName(tr(_CONTEXT, "Jahr"))
        self.scope_combo.currentIndexChanged.connect(self.changed)
        self.year_combo.currentIndexChanged.connect(self.changed)

    def scope(self) -> MeetingScope:
        return MeetingScope(self.scope_combo.currentData())

    def year(self) -> int | None:
        return self.year_combo.currentData()

    def fill_years(self, years: list[int]) -> None:
        """The years that have meetings to choose from; the chosen one stays chosen while it
        is among them (no ``changed``)."""
        refill_combo(self.year_combo, tr(_CONTEXT, "Alle Jahre"), [(str(y), y) for y in years])

    def show_scope(self, scope: MeetingScope) -> None:
        """``scope`` in every year, without ``changed`` (the caller rereads)."""
        for combo, value in ((self.scope_combo, scope.value), (self.year_combo, None)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
