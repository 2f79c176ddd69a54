"""Stellungnahme erfassen: a project's response to a recommendation (when, who, the
verdict, the reasons, planned measures and their date, interim or final). A response that
does not (fully) comply needs reasons; the service's refusal stays in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.field_limits import RECOMMENDATION_RESPONSE
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.ui.dialog_parts import resize_within_screen
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog, date_edit
from expertenrat.ui.text_fields import LineEdit, plain_text_edit

_CONTEXT = "RecommendationResponseDialog"


class RecommendationResponseDialog(StepDialog):
    def __init__(
        self, parent: QWidget, code: str, today: date, save: Callable[[ResponseDraft], None]
    ) -> None:
        title = tr(_CONTEXT, "Stellungnahme zu {} erfassen").format(code)
        super().__init__(parent, title, tr(_CONTEXT, "Erfassen"), save)
        resize_within_screen(self, 600, 560)
        self.received_edit = date_edit(today)
        self.responder_edit = LineEdit()
        self.responder_edit.setMaxLength(RECOMMENDATION_RESPONSE["responder"].max_length)
        self.verdict_combo = QComboBox()
        for verdict in ResponseVerdict:
            self.verdict_combo.addItem(verdict.label, verdict.value)
        self.reasons_edit = plain_text_edit(4, grows=True)
        self.measures_edit = plain_text_edit(3, grows=True)
        self.measures_due_check = QCheckBox(tr(_CONTEXT, "bis"))
        self.measures_due_edit = date_edit(today)
        self.measures_due_edit.setEnabled(False)
        self.measures_due_check.toggled.connect(self.measures_due_edit.setEnabled)
        due = QHBoxLayout()
        due.addWidget(self.measures_due_check)
        due.addWidget(self.measures_due_edit, 1)
        self.final_check = QCheckBox(
            tr(_CONTEXT, "abschließende Stellungnahme (sonst Zwischenstand)")
        )
        self.form.addRow(tr(_CONTEXT, "Eingegangen am"), self.received_edit)
        self.form.addRow(tr(_CONTEXT, "Geantwortet hat"), self.responder_edit)
        self.form.addRow(tr(_CONTEXT, "Ergebnis"), self.verdict_combo)
        self.form.addRow(tr(_CONTEXT, "Begründung"), self.reasons_edit)
        self.form.addRow(tr(_CONTEXT, "Geplante Maßnahmen"), self.measures_edit)
        self.form.addRow(tr(_CONTEXT, "Maßnahmen geplant"), due)
        self.form.addRow("", self.final_check)

    def value(self) -> ResponseDraft:
        return ResponseDraft(
            received_on=self.received_edit.date().toPython(),
            verdict=ResponseVerdict(self.verdict_combo.currentData()),
            responder=self.responder_edit.text(),
            reasons=self.reasons_edit.toPlainText(),
            measures=self.measures_edit.toPlainText(),
            measures_due_on=(
                self.measures_due_edit.date().toPython()
                if self.measures_due_check.isChecked()
                else None
            ),
            final=self.final_check.isChecked(),
        )
