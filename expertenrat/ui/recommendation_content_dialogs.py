"""The register's forms for a recommendation's content (kind, title, text, action field,
the addressed projects): "Neue Empfehlung" between the meetings (stored as a draft or
adopted at once) and "Bearbeiten" (while draft or adopted and not in approved minutes; the
service's refusal stays in the dialog with what was typed; a version conflict opens the
merge dialog, see ``recommendation_merge``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.field_limits import RECOMMENDATION
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendations import BETWEEN_MEETINGS
from expertenrat.domain.text_folding import holds_words, search_words, searchable
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import resize_within_screen
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit, show_text
from expertenrat.ui.widgets import FocusCombo

_CONTEXT = "RecommendationContentDialogs"
FILTER_FROM = 12  # projects: with more, a field filters the list by title
_FOLDED = Qt.ItemDataRole.UserRole + 1  # a project's title as a search folds it


@dataclass(frozen=True)
class NewRecommendation:
    content: RecommendationContent
    on: date
    adopted: bool


@dataclass(frozen=True)
class ContentChange:
    content: RecommendationContent
    on: date


class RecommendationContentDialog(StepDialog):
    """The content's fields under the origin; subclasses add their own rows."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        accept_text: str,
        save: Callable,
        origin: str,
        projects: Sequence[tuple[int, str]],
        action_fields: Sequence[tuple[int, str]],
        project_fields: Mapping[int, int | None] | None = None,
    ) -> None:
        """``project_fields``: each project's action field. Without a field chosen, the
        register takes the first checked project's: the field shows it, following the
        projects checked, until the user picks one."""
        super().__init__(parent, title, accept_text, save)
        resize_within_screen(self, 600, 560)
        self._project_fields = dict(project_fields or {})
        self._field_follows = True
        self.kind_combo = FocusCombo()
        for kind in RecommendationKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.title_edit = LineEdit()
        self.title_edit.setMaxLength(RECOMMENDATION["title"].max_length)
        # The cursor starts in Titel, the field typed first (Art mostly stays "Empfehlung"),
        # as in the Protokoll's "Empfehlung beschließen" (found by a helper).
        self.first_field = self.title_edit
        self.text_edit = plain_text_edit(6, grows=True)
        self.field_combo = FocusCombo()
        self.field_combo.addItem(tr(_CONTEXT, "– kein Handlungsfeld –"), None)
        for field_id, name in action_fields:
            self.field_combo.addItem(name, field_id)
        self.project_list = QListWidget()
        for project_id, project_title in projects:
            item = QListWidgetItem(project_title, self.project_list)
            item.setData(Qt.ItemDataRole.UserRole, project_id)
            item.setData(_FOLDED, searchable(project_title))
            item.setCheckState(Qt.CheckState.Unchecked)
        # After years a council has advised a hundred projects and more: a field finds one
        # by a word of its title (found by a tester); a short list needs none.
        self.project_filter = LineEdit()
        self.project_filter.setPlaceholderText(tr(_CONTEXT, "Projekte nach Titel filtern"))
        self.project_filter.setAccessibleName(tr(_CONTEXT, "Projekte filtern"))
        self.project_filter.setVisible(len(projects) > FILTER_FROM)
        self.project_filter.textChanged.connect(self._filter_projects)
        self.field_combo.activated.connect(self._field_chosen)
        self.project_list.itemChanged.connect(self._follow_projects)
        origin_label = QLabel(origin)
        origin_label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(tr(_CONTEXT, "Herkunft"), origin_label)
        self.form.addRow(tr(_CONTEXT, "Art"), self.kind_combo)
        self.form.addRow(tr(_CONTEXT, "Titel"), self.title_edit)
        self.form.addRow(tr(_CONTEXT, "Text"), self.text_edit)
        self.form.addRow(tr(_CONTEXT, "Handlungsfeld"), self.field_combo)
        projects_box = QWidget()
        projects_layout = QVBoxLayout(projects_box)
        projects_layout.setContentsMargins(0, 0, 0, 0)
        projects_layout.addWidget(self.project_filter)
        projects_layout.addWidget(self.project_list)
        projects_label = QLabel(tr(_CONTEXT, "Projekt(e)"))
        # The label names the list, not the box around it and the filter: a screen reader
        # said nothing of the list, a click on the label did not reach it (found by review).
        projects_label.setBuddy(self.project_list)
        self.project_list.setAccessibleName(projects_label.text())
        self.form.addRow(projects_label, projects_box)

    def _filter_projects(self, text: str) -> None:
        """Show the projects whose title holds every word typed, and those checked."""
        words = search_words(text)
        for row in range(self.project_list.count()):
            item = self.project_list.item(row)
            found = holds_words(item.data(_FOLDED), words)
            item.setHidden(not found and item.checkState() is not Qt.CheckState.Checked)

    def _field_chosen(self) -> None:
        self._field_follows = False

    def _follow_projects(self) -> None:
        """The first checked project's field, as the register would store it."""
        if not self._field_follows:
            return
        checked = self.content().project_ids
        field_id = self._project_fields.get(checked[0]) if checked else None
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(field_id)))

    def check_project(self, project_id: int, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.project_list.count()):
            item = self.project_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == project_id:
                item.setCheckState(state)

    def set_content(self, content: RecommendationContent) -> None:
        self._field_follows = False  # the field as stored (or as chosen in a merge)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(content.kind.value))
        show_text(self.title_edit, content.title)
        self.text_edit.setPlainText(content.text)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(content.action_field_id)))
        for row in range(self.project_list.count()):
            item = self.project_list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in content.project_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self._field_follows = content.action_field_id is None

    def content(self) -> RecommendationContent:
        items = (self.project_list.item(r) for r in range(self.project_list.count()))
        return RecommendationContent(
            title=self.title_edit.text(),
            text=self.text_edit.toPlainText(),
            kind=RecommendationKind(self.kind_combo.currentData()),
            action_field_id=self.field_combo.currentData(),
            project_ids=tuple(
                item.data(Qt.ItemDataRole.UserRole)
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            ),
        )


class NewRecommendationDialog(RecommendationContentDialog):
    def __init__(
        self,
        parent: QWidget,
        projects: Sequence[tuple[int, str]],
        action_fields: Sequence[tuple[int, str]],
        today: date,
        save: Callable[[NewRecommendation], None],
        project_fields: Mapping[int, int | None] | None = None,
    ) -> None:
        super().__init__(
            parent,
            tr(_CONTEXT, "Neue Empfehlung"),
            tr(_CONTEXT, "Anlegen"),
            save,
            BETWEEN_MEETINGS,
            projects,
            action_fields,
            project_fields,
        )
        self.adopted_check = QCheckBox(tr(_CONTEXT, "bereits beschlossen (sonst Entwurf)"))
        self.date_edit = date_edit(today)
        self.form.addRow("", self.adopted_check)
        self.form.addRow(tr(_CONTEXT, "Datum"), self.date_edit)

    def value(self) -> NewRecommendation:
        on = self.date_edit.date().toPython()
        return NewRecommendation(self.content(), on, self.adopted_check.isChecked())


class EditRecommendationDialog(RecommendationContentDialog):
    """``projects`` are the council's; addressed projects not among them (deleted since)
    are listed too, so that saving keeps them."""

    def __init__(
        self,
        parent: QWidget,
        code: str,
        origin: str,
        content: RecommendationContent,
        projects: Sequence[tuple[int, str]],
        action_fields: Sequence[tuple[int, str]],
        today: date,
        save: Callable[[ContentChange], None],
        project_fields: Mapping[int, int | None] | None = None,
    ) -> None:
        super().__init__(
            parent,
            tr(_CONTEXT, "{} bearbeiten").format(code),
            tr(_CONTEXT, "Speichern"),
            save,
            origin,
            projects,
            action_fields,
            project_fields,
        )
        self.date_edit = date_edit(today)
        self.form.addRow(tr(_CONTEXT, "Geändert am"), self.date_edit)
        self.set_content(content)

    def value(self) -> ContentChange:
        return ContentChange(self.content(), self.date_edit.date().toPython())
