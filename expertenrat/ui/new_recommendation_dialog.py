"""Neue Empfehlung: a recommendation, impulse or statement "zwischen den Sitzungen" (kind,
title, text, action field, the addressed projects), stored as a draft or adopted at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.field_limits import RECOMMENDATION
from expertenrat.domain.recommendations import BETWEEN_MEETINGS, RecommendationContent
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog, date_edit
from expertenrat.ui.widgets import plain_text_edit

_CONTEXT = "NewRecommendationDialog"


@dataclass(frozen=True)
class NewRecommendation:
    content: RecommendationContent
    on: date
    adopted: bool


class NewRecommendationDialog(StepDialog):
    def __init__(
        self,
        parent: QWidget,
        projects: Sequence[tuple[int, str]],
        action_fields: Sequence[tuple[int, str]],
        today: date,
        save: Callable[[NewRecommendation], str],
    ) -> None:
        super().__init__(parent, tr(_CONTEXT, "Neue Empfehlung"), tr(_CONTEXT, "Anlegen"), save)
        self.resize(600, 560)
        self.kind_combo = QComboBox()
        for kind in RecommendationKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(RECOMMENDATION["title"].max_length)
        self.text_edit = plain_text_edit(6, grows=True)
        self.field_combo = QComboBox()
        self.field_combo.addItem(tr(_CONTEXT, "– kein Handlungsfeld –"), None)
        for field_id, name in action_fields:
            self.field_combo.addItem(name, field_id)
        self.project_list = QListWidget()
        for project_id, title in projects:
            item = QListWidgetItem(title, self.project_list)
            item.setData(Qt.ItemDataRole.UserRole, project_id)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.adopted_check = QCheckBox(tr(_CONTEXT, "bereits beschlossen (sonst Entwurf)"))
        self.date_edit = date_edit(today)
        self.form.addRow(
            tr(_CONTEXT, "Herkunft"),
            QLabel(BETWEEN_MEETINGS),
        )
        self.form.addRow(tr(_CONTEXT, "Art"), self.kind_combo)
        self.form.addRow(tr(_CONTEXT, "Titel"), self.title_edit)
        self.form.addRow(tr(_CONTEXT, "Text"), self.text_edit)
        self.form.addRow(tr(_CONTEXT, "Handlungsfeld"), self.field_combo)
        self.form.addRow(tr(_CONTEXT, "Projekt(e)"), self.project_list)
        self.form.addRow("", self.adopted_check)
        self.form.addRow(tr(_CONTEXT, "Datum"), self.date_edit)

    def check_project(self, project_id: int) -> None:
        for row in range(self.project_list.count()):
            item = self.project_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == project_id:
                item.setCheckState(Qt.CheckState.Checked)

    def value(self) -> NewRecommendation:
        items = (self.project_list.item(r) for r in range(self.project_list.count()))
        content = RecommendationContent(
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
        return NewRecommendation(
            content, self.date_edit.date().toPython(), self.adopted_check.isChecked()
        )
