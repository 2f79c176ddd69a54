"""A recommendation (or impulse) adopted in an agenda item: kind, title, text, project and
action field. The dialog opens with ``open()``; "Übernehmen" hands the draft to ``save``
(the editor's call of the minutes service) and closes only if it was stored; a refusal
(an :class:`ExpertenratError` raised by ``save``) stays in the dialog as a German message
with what was typed (after a lost server "Übernehmen" says "Erneut versuchen").

The cursor starts in Titel, the field typed first (Art mostly stays "Empfehlung"; found by
a tester), and Tab reaches the buttons last, left to right as shown; Esc or Abbrechen ask
before typed input is thrown away, as the recommendation step dialogs do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.field_limits import RECOMMENDATION
from expertenrat.domain.minutes import RecommendationDraft
from expertenrat.ui.dialog_parts import name_choice_boxes, resize_within_screen, tab_as_shown
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.form_errors import announce
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import FocusCombo, wrapping_label

_CONTEXT = "MinutesEditor"


class RecommendationDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        projects: Sequence[tuple[int, str]],
        action_fields: Sequence[tuple[int, str]],
        save: Callable[[RecommendationDraft], None],
        project_id: int | None = None,
        *,
        dialogs: DialogService | None = None,
        project_fields: Mapping[int, int | None] | None = None,
    ) -> None:
        """``project_fields``: each project's action field, which the field follows as a
        project is chosen (the service takes it where none is given) until the user picks
        a field of their own."""
        super().__init__(parent)
        self.setWindowTitle(tr(_CONTEXT, "Empfehlung beschließen"))
        resize_within_screen(self, 560, 420)
        self._save = save
        self.kind_combo = FocusCombo()
        for kind in RecommendationKind:
            self.kind_combo.addItem(tr(_CONTEXT, kind.label), kind.value)
        self.title_edit = LineEdit()
        self.title_edit.setMaxLength(RECOMMENDATION["title"].max_length)
        self.text_edit = plain_text_edit(6, grows=True)
        self.project_combo = _choices(tr(_CONTEXT, "– kein Projekt –"), projects, project_id)
        self._project_fields = dict(project_fields or {})
        self.field_combo = _choices(
            tr(_CONTEXT, "– kein Handlungsfeld –"),
            action_fields,
            self._project_fields.get(project_id) if project_id is not None else None,
        )
        self._field_chosen = False  # by the user: the project no longer sets it
        self.field_combo.activated.connect(self._choose_field)
        self.project_combo.currentIndexChanged.connect(self._follow_project)
        self.error_label = wrapping_label(name="errorLabel")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(
            tr(_CONTEXT, "Übernehmen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.retry = SaveRetry(self.accept_button)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr(_CONTEXT, "Art"), self.kind_combo)
        form.addRow(tr(_CONTEXT, "Titel"), self.title_edit)
        form.addRow(tr(_CONTEXT, "Text"), self.text_edit)
        form.addRow(tr(_CONTEXT, "Projekt"), self.project_combo)
        form.addRow(tr(_CONTEXT, "Handlungsfeld"), self.field_combo)
        name_choice_boxes(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        tab_as_shown(buttons)  # the box comes last in the dialog: its buttons are last
        self._discard = DiscardCheck(self, dialogs, self.draft)

    def _choose_field(self) -> None:
        self._field_chosen = True

    def _follow_project(self) -> None:
        """The chosen project's action field, as the minutes service would take it."""
        if self._field_chosen:
            return
        project_id = self.project_combo.currentData()
        field_id = self._project_fields.get(project_id) if project_id is not None else None
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(field_id)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.title_edit.setFocus()

    def reject(self) -> None:
        self._discard.reject(super().reject)

    def draft(self) -> RecommendationDraft:
        return RecommendationDraft(
            title=self.title_edit.text(),
            text=self.text_edit.toPlainText(),
            kind=RecommendationKind(self.kind_combo.currentData()),
            action_field_id=self.field_combo.currentData(),
            project_id=self.project_combo.currentData(),
            project_chosen=True,  # "– kein Projekt –" means none, not the item's
        )

    def submit(self) -> None:
        try:
            self._save(self.draft())
        except ExpertenratError as error:
            self.error_label.setText(error.message)
            self.error_label.show()
            announce(self.error_label, error.message)
            self.retry.after(error)
            return
        self.accept()


def _choices(first: str, entries: Sequence[tuple[int, str]], current: int | None) -> FocusCombo:
    combo = FocusCombo()
    combo.addItem(first, None)
    for value, label in entries:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo
