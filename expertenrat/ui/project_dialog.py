"""Neues Projekt / Projekt bearbeiten: the dialog around the project form.

Open it with ``open()``; it emits ``saved`` with the id of the stored project and closes.
Errors appear under the fields; when saving fails, the dialog stays open and keeps what
was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.councils import ActionField
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.projects import Project
from expertenrat.services.projects import ProjectsService
from expertenrat.ui.dialog_parts import dialog_buttons, required_note_beside
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.i18n import tr
from expertenrat.ui.project_form import ProjectForm
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.scroll_areas import plain_scroll_area

_CONTEXT = "ProjectDialog"


class ProjectDialog(QDialog):
    """Creates a project (``project=None``) or edits one, keeping its id and version."""

    saved = Signal(int)

    def __init__(
        self,
        projects: ProjectsService,
        council_id: int,
        fields: list[ActionField],
        project: Project | None,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._projects = projects
        self._council_id = council_id
        if project is None:
            self.setWindowTitle(tr(_CONTEXT, "Neues Projekt"))
        else:
            self.setWindowTitle(tr(_CONTEXT, "Projekt bearbeiten – {}").format(project.title))
        self.form = ProjectForm(fields)
        if project is not None:
            self.form.set_project(project)
        scroll = plain_scroll_area(self.form)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save, self.save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.retry = SaveRetry(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(required_note_beside(self.buttons))
        self.resize(QSize(620, 640).boundedTo(self.screen().availableGeometry().size() * 0.9))
        self.form.title_edit.setFocus()
        self._discard = DiscardCheck(
            self,
            dialogs,
            self.form.project,
            tr(_CONTEXT, "Sie haben Angaben geändert, die noch nicht gespeichert sind. Verwerfen?"),
        )

    def reject(self) -> None:
        """Abbrechen, Esc or closing the window: ask before typed changes are thrown away."""
        self._discard.reject(super().reject)

    def save(self) -> None:
        """Check and save; errors keep the dialog open with what was typed."""
        project = self.form.project()
        self.retry.after(None)
        try:
            if project.id is None:
                project_id = self._projects.create(self._council_id, project)
            else:
                project_id = self._projects.update(project).id
        except ValidationError as error:
            self.form.show_problems(error.problems)
            return
        except ExpertenratError as error:
            self.form.errors.show_general(error.message)
            self.retry.after(error)
            return
        self.saved.emit(project_id)
        self.accept()

    def message(self, field: str) -> str:
        """The message under the field named like the Project attribute ("" if none)."""
        return self.form.message(field)

    def general_message(self) -> str:
        return self.form.errors.general.text()
