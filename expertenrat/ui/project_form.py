"""The fields of the project dialog, filled from a Project and read back into one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import PROJECT
from expertenrat.domain.projects import Project
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.project_partners_editor import ProjectPartnersEditor
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit, show_text
from expertenrat.ui.widgets import FocusCombo, colour_icon

_CONTEXT = "ProjectForm"


class ProjectForm(QWidget):
    """All input fields of a project. Messages appear under the fields (``show_problems``)."""

    def __init__(self, fields: list[ActionField], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = Project(id=None, title="")
        self.title_edit = LineEdit()
        self.short_code_edit = LineEdit(placeholderText=tr(_CONTEXT, "z. B. DZR"))
        self.field_combo = FocusCombo()
        self.field_combo.setPlaceholderText(tr(_CONTEXT, "– bitte wählen –"))
        for action_field in fields:
            if action_field.id is not None:
                icon = colour_icon(action_field.colour)
                self.field_combo.addItem(icon, action_field.name, action_field.id)
        self.phase_combo = FocusCombo()
        for phase in ProjectPhase:
            self.phase_combo.addItem(phase.label, phase.value)
        self.lead_unit_edit = LineEdit(placeholderText=tr(_CONTEXT, "z. B. Amt für Umwelt"))
        self.contact_name_edit = LineEdit()
        self.contact_email_edit = LineEdit(placeholderText="name@beispiel.de")
        self.partners_editor = ProjectPartnersEditor()
        self.description_edit = plain_text_edit(5, grows=True)
        for name, edit in self.line_edits().items():
            edit.setMaxLength(PROJECT[name].max_length)

        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FormErrors(layout)
        for label, field, widget in (
            (tr(_CONTEXT, "Titel*"), "title", self.title_edit),
            (tr(_CONTEXT, "Kürzel"), "short_code", self.short_code_edit),
            (tr(_CONTEXT, "Handlungsfeld*"), "action_field_id", self.field_combo),
            (tr(_CONTEXT, "Phase"), "phase", self.phase_combo),
            (tr(_CONTEXT, "Federführung"), "lead_unit", self.lead_unit_edit),
            (tr(_CONTEXT, "Ansprechperson"), "contact_name", self.contact_name_edit),
            (tr(_CONTEXT, "E-Mail"), "contact_email", self.contact_email_edit),
            (tr(_CONTEXT, "Partner"), "partners", self.partners_editor),
            (tr(_CONTEXT, "Beschreibung"), "description", self.description_edit),
        ):
            focus = self.partners_editor.view if widget is self.partners_editor else None
            self.errors.add_row(label, field, widget, focus)
        layout.addRow(self.errors.general)
        self._inputs = {
            "title": self.title_edit,
            "short_code": self.short_code_edit,
            "action_field_id": self.field_combo,
            "lead_unit": self.lead_unit_edit,
            "contact_name": self.contact_name_edit,
            "contact_email": self.contact_email_edit,
            "partners": self.partners_editor.view,
            "description": self.description_edit,
        }

    def line_edits(self) -> dict[str, QLineEdit]:
        """The one-line inputs by Project attribute."""
        return {
            "title": self.title_edit,
            "short_code": self.short_code_edit,
            "lead_unit": self.lead_unit_edit,
            "contact_name": self.contact_name_edit,
            "contact_email": self.contact_email_edit,
        }

    def set_project(self, project: Project) -> None:
        """Show ``project``; ``project()`` later returns it with the edits applied."""
        self._project = project
        self.errors.clear()
        for name, edit in self.line_edits().items():
            show_text(edit, getattr(project, name))
        self.field_combo.setCurrentIndex(
            self.field_combo.findData(project.action_field_id)
            if project.action_field_id is not None
            else -1
        )
        self.phase_combo.setCurrentIndex(self.phase_combo.findData(project.phase.value))
        self.partners_editor.set_names(project.partners)
        self.description_edit.setPlainText(project.description)

    def project(self) -> Project:
        """The shown project with the edits applied; id and version stay as they came."""
        field_id = self.field_combo.currentData()
        return replace(
            self._project,
            **{name: edit.text() for name, edit in self.line_edits().items()},
            action_field_id=int(field_id) if field_id is not None else None,
            phase=ProjectPhase(self.phase_combo.currentData()),
            partners=self.partners_editor.names(),
            description=self.description_edit.text_or_original(self._project.description),
        )

    def show_problems(self, problems: Iterable[FieldProblem]) -> None:
        """Show each problem under its field (the others under the form); the topmost
        field with an error takes the cursor."""
        problems = list(problems)
        self.errors.show(problems)
        wrong = {p.field for p in problems if not p.warning}
        first = next((w for field, w in self._inputs.items() if field in wrong), None)
        if first is not None:
            first.setFocus()

    def message(self, field: str) -> str:
        """The message shown under ``field`` ("" if none)."""
        return self.errors.message(field)
