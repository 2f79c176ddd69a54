"""Einstellungen for the minutes: style, approval practice, objection period, and the
standard phrases (Textbausteine) the minute-taker inserts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MinutesApproval, MinutesStyle
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.field_limits import TEXT_TEMPLATE
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.services.text_templates import TextTemplatesService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, number_column

_CONTEXT = "MinutesSettings"


class MinutesSettingsFields:
    """The council settings of the minutes, as rows of the council form."""

    def __init__(self, errors: FormErrors, form: QFormLayout) -> None:
        self.style_combo = QComboBox()
        for style in MinutesStyle:
            self.style_combo.addItem(style.label, style.value)
        self.approval_combo = QComboBox()
        for practice in MinutesApproval:
            self.approval_combo.addItem(practice.label, practice.value)
        self.objection_spin = QSpinBox(minimum=1, maximum=365, suffix=tr(_CONTEXT, " Tage"))
        self.objection_spin.setMaximumWidth(240)
        form.addRow(tr(_CONTEXT, "Protokollart"), self.style_combo)
        form.addRow(tr(_CONTEXT, "Genehmigung des Protokolls"), self.approval_combo)
        errors.add_row(
            tr(_CONTEXT, "Frist für Einwände"), "objection_period_days", self.objection_spin
        )

    def show(self, council: CouncilSettings) -> None:
        self.style_combo.setCurrentIndex(self.style_combo.findData(council.minutes_style.value))
        self.approval_combo.setCurrentIndex(
            self.approval_combo.findData(council.minutes_approval.value)
        )
        self.objection_spin.setValue(council.objection_period_days)

    def edited(self, council: CouncilSettings) -> CouncilSettings:
        return replace(
            council,
            minutes_style=MinutesStyle(self.style_combo.currentData()),
            minutes_approval=MinutesApproval(self.approval_combo.currentData()),
            objection_period_days=self.objection_spin.value(),
        )


class PhrasesModel(RowsTableModel):
    COLUMN_POSITION, COLUMN_LABEL, COLUMN_TEXT = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(
            (
                number_column(tr(_CONTEXT, "Nr."), lambda row: row[0]),
                Column(tr(_CONTEXT, "Bezeichnung"), lambda row: row[1].label),
                Column(
                    tr(_CONTEXT, "Text"),
                    lambda row: " ".join(row[1].text.split()),
                    tooltip=lambda row: row[1].text,
                ),
            ),
            parent,
        )

    def set_templates(self, templates: list[TextTemplate]) -> None:
        self.set_rows(list(enumerate(templates, start=1)))

    def templates(self) -> list[TextTemplate]:
        return [row[1] for row in self._rows]

    def object_of(self, row) -> TextTemplate:
        return row[1]


class PhrasesEditor(QGroupBox):
    """The phrase list with buttons and a form below: select to edit, "Neu" to add."""

    changed = Signal()

    def __init__(
        self, service: TextTemplatesService, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr(_CONTEXT, "Textbausteine für das Protokoll"), parent)
        self._service = service
        self._dialogs = dialogs
        self._council_id: int | None = None
        self.model = PhrasesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            PhrasesModel.COLUMN_TEXT, QHeaderView.ResizeMode.Stretch
        )
        self.new_button = QPushButton(tr(_CONTEXT, "Neu"))
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(TEXT_TEMPLATE["label"].max_length)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMaximumHeight(90)
        self.save_button = QPushButton(tr(_CONTEXT, "Baustein speichern"))
        self._layout()
        self.new_button.clicked.connect(self.start_new)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button.clicked.connect(self._ask_delete)
        self.save_button.clicked.connect(self.save)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._update_buttons()

    def _layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.new_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.view, 1)
        top.addLayout(buttons)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(tr(_CONTEXT, "Bezeichnung"), "label", self.label_edit)
        self.errors.add_row(tr(_CONTEXT, "Text"), "text", self.text_edit)
        form.addRow(self.errors.general)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        column = QVBoxLayout(self)
        column.addLayout(top, 1)
        column.addLayout(form)

    # --- loading ------------------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        self._council_id = council_id
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if self._council_id is None:
            return
        try:
            templates = self._service.templates(self._council_id)
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            return
        self.model.set_templates(templates)
        row = next((i for i, t in enumerate(templates) if t.id == select_id), -1)
        if row >= 0:
            self.view.selectRow(row)
        else:
            self.view.clearSelection()
            self.start_new()

    def selected(self) -> TextTemplate | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], PhrasesModel.ObjectRole) if rows else None

    def _selection_changed(self) -> None:
        template = self.selected()
        self.errors.clear()
        if template is not None:
            self.label_edit.setText(template.label)
            self.text_edit.setPlainText(template.text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        template = self.selected()
        ids = [t.id for t in self.model.templates()]
        self.delete_button.setEnabled(template is not None)
        self.up_button.setEnabled(template is not None and ids[0] != template.id)
        self.down_button.setEnabled(template is not None and ids[-1] != template.id)

    # --- actions ------------------------------------------------------------------------

    def start_new(self) -> None:
        """Empty the form for a new phrase (the selection goes)."""
        self.view.clearSelection()
        self.errors.clear()
        self.label_edit.clear()
        self.text_edit.clear()
        self.label_edit.setFocus()

    def save(self) -> None:
        """Add the phrase in the form, or change the selected one."""
        if self._council_id is None:
            return
        selected = self.selected()
        edited = TextTemplate(None, self.label_edit.text(), self.text_edit.toPlainText())
        council_id = self._council_id
        if selected is None:
            self._run(lambda: self._service.add(council_id, edited))
        else:
            changed = replace(selected, label=edited.label, text=edited.text)
            self._run(lambda: self._service.update(changed))

    def move_selected(self, delta: int) -> None:
        template = self.selected()
        if template is None or self._council_id is None:
            return
        ids = [t.id for t in self.model.templates()]
        index = ids.index(template.id)
        target = index + delta
        if not 0 <= target < len(ids):
            return
        ids[index], ids[target] = ids[target], ids[index]
        council_id = self._council_id
        self._run(lambda: self._service.reorder(council_id, ids), template.id)  # type: ignore[arg-type]

    def _ask_delete(self) -> None:
        template = self.selected()
        if template is not None:
            self._dialogs.question(
                self,
                tr(_CONTEXT, "Textbaustein löschen"),
                tr(_CONTEXT, "Den Textbaustein „{}“ löschen?").format(template.label),
                lambda: self.delete(template),
            )

    def delete(self, template: TextTemplate) -> None:
        self._run(lambda: self._service.delete(template))

    def _run(self, action: Callable[[], object], select_id: int | None = None) -> None:
        """Run a service call; problems show beside the form, the list reloads."""
        try:
            result = action()
        except ValidationError as error:
            self.errors.show(error.problems)
            return
        except ExpertenratError as error:
            self.reload(select_id)
            self.errors.show_general(error.message)
            return
        self.reload(select_id if select_id is not None else getattr(result, "id", None))
        self.changed.emit()
