"""Stellungnahme erfassen: a project's response to a recommendation (from which addressed
project, when, who, the verdict, the reasons, planned measures and their date, interim or
final). The one addressed project is preselected; of several, the user picks one (those
that have answered are marked) or the joint answer of all; none picked is refused by the
service. A response that does not (fully) comply needs reasons; the service's refusal
stays in the dialog. An interim "Umsetzung geplant" without a date is followed up by
nothing (``pending_plan`` waits for a date), which a hint beside the date says.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.field_limits import RECOMMENDATION_RESPONSE
from expertenrat.domain.recommendation_answers import JOINT_ANSWER
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import resize_within_screen
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import FocusCombo, hint_label

_CONTEXT = "RecommendationResponseDialog"
_JOINT = "joint"


class RecommendationResponseDialog(StepDialog):
    def __init__(
        self,
        parent: QWidget,
        code: str,
        today: date,
        save: Callable[[ResponseDraft], None],
        projects: Sequence[AddressedProject] = (),
        answered: Collection[int] = (),
    ) -> None:
        title = tr(_CONTEXT, "Stellungnahme zu {} erfassen").format(code)
        super().__init__(parent, title, tr(_CONTEXT, "Erfassen"), save)
        resize_within_screen(self, 600, 580)
        self.project_combo = _project_combo(projects, answered)
        self.received_edit = date_edit(today)
        self.responder_edit = LineEdit()
        self.responder_edit.setMaxLength(RECOMMENDATION_RESPONSE["responder"].max_length)
        self.verdict_combo = FocusCombo()
        for verdict in ResponseVerdict:
            self.verdict_combo.addItem(verdict.label, verdict.value)
        self.reasons_edit = plain_text_edit(4, grows=True)
        self.measures_edit = plain_text_edit(3, grows=True)
        self.measures_due_check = QCheckBox(tr(_CONTEXT, "bis"))
        self.measures_due_edit = date_edit(today)
        self.measures_due_edit.setEnabled(False)
        self.measures_due_check.toggled.connect(self.measures_due_edit.setEnabled)
        due_line = QHBoxLayout()
        due_line.addWidget(self.measures_due_check)
        due_line.addWidget(self.measures_due_edit, 1)
        self.no_follow_up_hint = hint_label(
            tr(_CONTEXT, "Ohne Datum erinnert das Programm nicht an die Umsetzung.")
        )
        due = QVBoxLayout()
        due.addLayout(due_line)
        due.addWidget(self.no_follow_up_hint)
        self.final_check = QCheckBox(
            tr(_CONTEXT, "abschließende Stellungnahme (sonst Zwischenstand)")
        )
        for changed in (self.measures_due_check.toggled, self.final_check.toggled):
            changed.connect(self._show_follow_up_hint)
        self.verdict_combo.currentIndexChanged.connect(self._show_follow_up_hint)
        self._show_follow_up_hint()
        if projects:
            self.form.addRow(tr(_CONTEXT, "Antwort von"), self.project_combo)
        self.form.addRow(tr(_CONTEXT, "Eingegangen am"), self.received_edit)
        self.form.addRow(tr(_CONTEXT, "Geantwortet hat"), self.responder_edit)
        self.form.addRow(tr(_CONTEXT, "Ergebnis"), self.verdict_combo)
        self.form.addRow(tr(_CONTEXT, "Begründung"), self.reasons_edit)
        self.form.addRow(tr(_CONTEXT, "Geplante Maßnahmen"), self.measures_edit)
        self.form.addRow(tr(_CONTEXT, "Maßnahmen geplant"), due)
        self.form.addRow("", self.final_check)

    def _show_follow_up_hint(self) -> None:
        """The hint while the response would be an interim plan without a date, which
        nothing follows up (no reminder, never overdue)."""
        planned = self.verdict_combo.currentData() == ResponseVerdict.PLANNED.value
        undated = not self.measures_due_check.isChecked() and not self.final_check.isChecked()
        self.no_follow_up_hint.setVisible(planned and undated)

    def value(self) -> ResponseDraft:
        chosen = self.project_combo.currentData()
        return ResponseDraft(
            project_id=chosen if isinstance(chosen, int) else None,
            joint=chosen == _JOINT,
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


def _project_combo(projects: Sequence[AddressedProject], answered: Collection[int]) -> QComboBox:
    """The addressed projects to pick from: the one preselected; of several, "bitte
    wählen" first, those that have answered marked, then the joint answer of all. A long
    title ends in "…" rather than widening the dialog past the screen."""
    combo = compact_combo(40)
    if len(projects) == 1:
        combo.addItem(projects[0].title, projects[0].id)
        return combo
    combo.addItem(tr(_CONTEXT, "– bitte wählen –"), None)
    for project in projects:
        mark = tr(_CONTEXT, " (hat bereits geantwortet)") if project.id in answered else ""
        combo.addItem(project.title + mark, project.id)
    combo.addItem(JOINT_ANSWER, _JOINT)
    return combo
