"""Projekte: the council's projects with filters and search, and the selected project's
consultations and recommendations beside the table; the widgets and where they sit are
:mod:`ui.projects_page_view`.

Enter or a double-click opens a project, Entf deletes it after asking; a project that is
used somewhere cannot be deleted (the message says where) but can be marked abgeschlossen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.overview import Target, TargetFilter
from expertenrat.domain.projects import Project
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.filter_bar import hit_count, refill_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.page import NothingPending
from expertenrat.ui.project_closing import close_after_asking
from expertenrat.ui.project_dialog import ProjectDialog
from expertenrat.ui.projects_page_view import ProjectsPageView
from expertenrat.ui.record_selection import (
    remove_selected,
    select_record,
    selected_record,
    selection_kept,
    start_afresh,
)
from expertenrat.ui.record_table import when_rows_change
from expertenrat.ui.refusals import attempt
from expertenrat.ui.row_moves import focus_to_rows

_CONTEXT = "ProjectsPage"


class ProjectsPage(NothingPending, ProjectsPageView):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent, settings)  # the widgets
        self._services = services
        self._dialogs = dialogs
        self._today = today  # which recommendations are overdue (default: the council's)
        self._council_id: int | None = None
        self._fields: list[ActionField] = []
        self.project_dialog: ProjectDialog | None = None
        no_modifier = Qt.KeyboardModifier.NoModifier
        KeyActions(self.view, {(Qt.Key.Key_Delete, no_modifier): self.ask_delete})

        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.field_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_field(self.field_combo.currentData())
        )
        self.phase_combo.currentIndexChanged.connect(self._phase_chosen)
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_project)
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.delete_button.clicked.connect(self.ask_delete)
        when_rows_change(self.proxy, self._update_count)
        self._selection_changed()
        self._update_count()

    # --- the Page protocol ------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        """Remember the council; the projects are read when the page is shown."""
        if council_id != self._council_id:
            self.search_edit.clear()  # a term typed for the last council
            self.phase_combo.setCurrentIndex(0)  # nor a phase chosen there ("abgeschlossen")
            start_afresh(self.view)
        self._council_id = council_id

    def refresh(self) -> None:
        """Reread the projects; the selected project stays selected."""
        if self._council_id is None:
            return
        self._fields = self._services.settings.action_fields(self._council_id)
        refill_combo(
            self.field_combo,
            tr(_CONTEXT, "Alle Handlungsfelder"),
            [(f.name, f.id) for f in self._fields],
        )
        self.proxy.set_field(self.field_combo.currentData())
        with selection_kept(self.view):
            self.model.set_projects(self._services.projects.projects(self._council_id))
        self.fit_columns()
        self._selection_changed()
        self._update_count()

    # --- table ------------------------------------------------------------------------

    def _phase_chosen(self) -> None:
        value = self.phase_combo.currentData()
        self.proxy.set_phase(ProjectPhase(value) if value is not None else None)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            hit_count(
                shown,
                total,
                tr(_CONTEXT, "{} von {} Projekten"),
                tr(_CONTEXT, "1 Projekt"),
                tr(_CONTEXT, "{} Projekte"),
            )
        )
        self.table_stack.show_rows(
            shown,
            total,
            tr(
                _CONTEXT,
                "Noch keine Projekte. Legen Sie mit „Neues Projekt …“ (Strg+N) das erste an.",
            ),
            tr(
                _CONTEXT,
                "Keine Treffer. Prüfen Sie den Suchbegriff oder wählen Sie „Alle "
                "Handlungsfelder“ und „Alle Phasen“, um das eine Projekt zu sehen.",
            )
            if total == 1
            else tr(
                _CONTEXT,
                "Keine Treffer. Prüfen Sie den Suchbegriff oder wählen Sie „Alle "
                "Handlungsfelder“ und „Alle Phasen“, um alle {} Projekte zu sehen.",
            ),
        )

    def selected(self) -> Project | None:
        return selected_record(self.view)

    def select(self, project_id: int | None) -> None:
        select_record(self.view, project_id)

    def open_target(self, target: Target) -> None:
        """Show what the Übersicht points at: a new project, or a project (every filter but
        the action field's cleared)."""
        if target.filter is TargetFilter.NEW:
            self.new_project()
            return
        self.search_edit.clear()
        self.phase_combo.setCurrentIndex(0)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(target.action_field_id)))
        if target.record_id is not None:
            self.select(target.record_id)
        self.view.setFocus()  # the keyboard goes on at the project, not in the search

    def _selection_changed(self) -> None:
        project = self.selected()
        buttons = (self.edit_button, self.close_button, self.delete_button)
        with focus_to_rows(self.view, *buttons):  # "Abschließen" done: not on to "Löschen …"
            for button in buttons:
                button.setEnabled(project is not None)
            if project is not None and project.phase is ProjectPhase.COMPLETED:
                self.close_button.setEnabled(False)
        if project is None or project.id is None:
            self.detail.show_project(None, [], [])
            return
        try:
            consultations = self._services.projects.consultations(project.id)
            today = self._today() if self._today else None
            recommendations = self._services.projects.recommendations(project.id, today=today)
        except ExpertenratError as error:
            self.detail.show_project(None, [], [])
            self._dialogs.warning(self, tr(_CONTEXT, "Projekte"), error.message)
            return
        self.detail.show_project(project, consultations, recommendations)

    # --- actions ----------------------------------------------------------------------

    def new_project(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        project = self.selected()
        if project is not None:
            self._open_dialog(project)

    def _open_dialog(self, project: Project | None) -> None:
        if self._council_id is None:
            return
        dialog = ProjectDialog(
            self._services.projects,
            self._council_id,
            self._fields,
            project,
            self._dialogs,
            self,
            self._today,
        )
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        self.project_dialog = dialog
        dialog.open()

    def _saved(self, project_id: int) -> None:
        self.refresh()
        self.select(project_id)

    def close_selected(self) -> None:
        """Mark the selected project abgeschlossen; where the council still awaits a
        response or the state of a planned implementation from it, after saying which:
        they stay open in the register, but "Erinnerungen …" leaves a finished project
        out unless chosen there."""
        project = self.selected()
        if project is None or project.id is None or self._council_id is None:
            return
        today = self._today() if self._today else None
        try:
            awaited = self._services.projects.awaited_answers(project.id, today=today)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Projekte"), error.message)
            return
        close_after_asking(
            self._dialogs,
            self,
            project.name,
            awaited,
            lambda: self._run(lambda: self._services.projects.close(project)),
        )

    def ask_delete(self) -> None:
        project = self.selected()
        if project is None:
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Projekt löschen"),
            tr(
                _CONTEXT,
                "Das Projekt „{}“ endgültig löschen? Das geht nur, wenn es in keiner Sitzung "
                "und keiner Empfehlung vorkommt.",
            ).format(project.name),
            lambda: self._delete(project),
        )

    def _delete(self, project: Project) -> None:
        remove_selected(
            self.view, lambda: self._run(lambda: self._services.projects.delete(project))
        )

    def _run(self, action: Callable[[], object]) -> None:
        attempt(self._dialogs, self, tr(_CONTEXT, "Projekte"), action)
        self.refresh()
