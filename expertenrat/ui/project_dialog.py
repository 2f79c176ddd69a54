"""Neues Projekt / Projekt bearbeiten: the dialog around the project form.

Open it with ``open()``; it emits ``saved`` with the id of the stored project and closes.
Errors appear under the fields; when saving fails, the dialog stays open and keeps what
was typed. When someone else saved the project first, both versions are offered field by
field (:class:`MergeDialog`, as for a member) and the chosen values are saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.merge import FieldDifference, differences, merged
from expertenrat.domain.projects import Project
from expertenrat.services.projects import ProjectsService
from expertenrat.ui.dialog_parts import dialog_buttons, required_note_beside
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import FormLine, OpenMergeDialog, open_conflict_merge
from expertenrat.ui.merge_rows import MergeRow, merge_rows, value_text
from expertenrat.ui.project_closing import close_after_asking
from expertenrat.ui.project_form import ProjectForm
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.scroll_areas import plain_scroll_area

_CONTEXT = "ProjectDialog"


class ProjectDialog(QDialog):
    """Creates a project (``project=None``) or edits one, keeping its id and version."""

    merge_dialog = OpenMergeDialog()  # open after a conflicting save

    saved = Signal(int)

    def __init__(
        self,
        projects: ProjectsService,
        council_id: int,
        fields: list[ActionField],
        project: Project | None,
        dialogs: DialogService,
        parent: QWidget | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._projects = projects
        self._dialogs = dialogs
        self._today = today  # which answers are awaited (default: the council's today)
        self._closing_agreed = False  # asked once whether to close it though answers are due
        self._council_id = council_id
        self._fields = fields
        self._as_opened = project  # the base of a merge after a conflicting save
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
        """Check and save; errors keep the dialog open with what was typed. Setting the
        phase abgeschlossen asks first where the council still awaits an answer of the
        project, as "Abschließen" does."""
        project = self.form.project()
        if project.id is None or not self._closes(project):
            self._store(project)
            return
        today = self._today() if self._today else None
        try:
            awaited = self._projects.awaited_answers(project.id, today=today)
        except ExpertenratError as error:
            self.form.errors.show_general(error.message)
            return

        def agreed() -> None:
            self._closing_agreed = True
            self._store(project)

        close_after_asking(self._dialogs, self, project.name, awaited, agreed)

    def _closes(self, project: Project) -> bool:
        """Whether saving the stored ``project`` would mark it abgeschlossen (not asked yet)."""
        return (
            not self._closing_agreed
            and project.phase is ProjectPhase.COMPLETED
            and self._as_opened is not None
            and self._as_opened.phase is not ProjectPhase.COMPLETED
        )

    def _store(self, project: Project) -> None:
        self.retry.after(None)
        try:
            if project.id is None:
                project_id = self._projects.create(self._council_id, project)
            else:
                project_id = self._projects.update(project).id
        except ValidationError as error:
            self.form.show_problems(error.problems)
            return
        except ConcurrentEditError as error:
            self._offer_merge(project, error)
            return
        except NotFoundError as error:
            if project.id is not None and self._gone(project.id):
                # Deleted on another PC while typed here: the input stays, and the next
                # "Speichern" makes a new project of it (as a member deleted meanwhile).
                self.form.set_project(replace(project, id=None, version=0))
                self.form.errors.show_general(
                    error.message
                    + tr(
                        _CONTEXT,
                        " Ihre Eingaben stehen noch im Formular: „Speichern“ legt das Projekt "
                        "mit ihnen neu an, „Abbrechen“ verwirft sie.",
                    )
                )
                self.retry.after(None)
                return
            self.form.errors.show_general(error.message)
            self.retry.after(error)
            return
        except ExpertenratError as error:
            self.form.errors.show_general(error.message)
            self.retry.after(error)
            return
        self.saved.emit(project_id)
        self.accept()

    def _gone(self, project_id: int) -> bool:
        """Whether the project is no longer stored (not only something it refers to)."""
        try:
            self._projects.project(project_id)
        except NotFoundError:
            return True
        except ExpertenratError:
            return False
        return False

    def _offer_merge(self, mine: Project, conflict: ConcurrentEditError) -> None:
        """Someone saved the project first: show both versions and save the chosen values."""
        try:
            theirs = self._projects.project(mine.id)  # type: ignore[arg-type]
        except ExpertenratError as error:
            self.form.errors.show_general(error.message)
            return
        base = self._as_opened or theirs
        found = differences(base, mine, theirs)
        if not found:  # the same values: only the versions differ
            self._take_merged(mine, theirs, set())
            return
        self.merge_dialog = open_conflict_merge(
            self,
            theirs.title,
            tr(
                _CONTEXT,
                "Jemand anderes hat dieses Projekt gespeichert, während Sie es bearbeitet haben.",
            ),
            project_merge_rows(found, self._fields),
            lambda names: self._take_merged(mine, theirs, names),
            FormLine(
                conflict.changed,
                self.form.errors.show_general,
                tr(_CONTEXT, "Speichern"),
                tr(_CONTEXT, "„Abbrechen“ verwirft sie"),
            ),
        )

    def _take_merged(self, mine: Project, theirs: Project, take_theirs: set[str]) -> None:
        """Show the merged values, now based on the stored version, and save them."""
        self.form.set_project(merged(mine, theirs, take_theirs))
        self._as_opened = theirs
        self.save()

    def message(self, field: str) -> str:
        """The message under the field named like the Project attribute ("" if none)."""
        return self.form.message(field)

    def general_message(self) -> str:
        return self.form.errors.general.text()


def project_merge_rows(found: list[FieldDifference], fields: list[ActionField]) -> list[MergeRow]:
    """The merge dialog's rows for a project: German field names, the action field by
    name, the partners one after the other."""
    names = {field.id: field.name for field in fields}

    def text(name: str, value: Any) -> str:
        if name == "action_field_id":
            return names.get(value, "") if value is not None else ""
        if name == "partners":
            return "; ".join(value)
        return value_text(value)

    def label(name: str) -> str:
        if name == "action_field_id":
            return tr(_CONTEXT, "Handlungsfeld")
        return field_label("project", name)

    return merge_rows(found, label, text)
