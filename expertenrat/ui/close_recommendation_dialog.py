"""Abschließen: a recommendation ends as implemented, partly or not implemented, on a
date and with a note (the history keeps both).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendations import CLOSING
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.widgets import FocusCombo

_CONTEXT = "CloseRecommendationDialog"


@dataclass(frozen=True)
class Closing:
    outcome: RecommendationStatus
    on: date
    note: str


class CloseRecommendationDialog(StepDialog):
    def __init__(
        self, parent: QWidget, code: str, today: date, save: Callable[[Closing], None]
    ) -> None:
        title = tr(_CONTEXT, "{} abschließen").format(code)
        super().__init__(parent, title, tr(_CONTEXT, "Abschließen"), save)
        self.resize(520, 320)
        self.outcome_combo = FocusCombo()
        for status in RecommendationStatus:
            if status in CLOSING:
                self.outcome_combo.addItem(status.label, status.value)
        self.date_edit = date_edit(today)
        self.note_edit = plain_text_edit(4, grows=True)
        self.form.addRow(tr(_CONTEXT, "Ergebnis"), self.outcome_combo)
        self.form.addRow(tr(_CONTEXT, "Datum"), self.date_edit)
        self.form.addRow(tr(_CONTEXT, "Vermerk"), self.note_edit)

    def value(self) -> Closing:
        return Closing(
            RecommendationStatus(self.outcome_combo.currentData()),
            self.date_edit.date().toPython(),
            self.note_edit.toPlainText(),
        )
