"""Einstellungen: the council's templates for recurring agenda items (title, kind, public,
planned minutes), offered by the agenda editor's "Vorlage" menu."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QWidget

from expertenrat.domain.agenda import MAX_PLANNED_MINUTES
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.field_limits import AGENDA_ITEM
from expertenrat.domain.pasted_agenda_titles import pasted_title
from expertenrat.services.agenda_templates import AgendaTemplatesService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.ordered_list_editor import OrderedListEditor
from expertenrat.ui.table_model import Column, number_column
from expertenrat.ui.text_fields import LineEdit, show_text
from expertenrat.ui.widgets import NUMBER_FIELD_CHARACTERS, FocusCombo, FocusSpin, keep_narrow

_CONTEXT = "AgendaTemplatesSettings"


class AgendaTemplatesEditor(OrderedListEditor):
    def __init__(
        self,
        service: AgendaTemplatesService,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tr(_CONTEXT, "Vorlagen für Tagesordnungspunkte"),
            tr(_CONTEXT, "Neue Vorlage"),
            tr(_CONTEXT, "Vorlage speichern"),
            (
                Column(
                    tr(_CONTEXT, "Titel"), lambda row: row[1].title, tooltip=lambda r: r[1].title
                ),
                Column(tr(_CONTEXT, "Art"), lambda row: row[1].kind.label),
                Column(
                    tr(_CONTEXT, "Öffentlich"),
                    lambda row: tr(_CONTEXT, "ja") if row[1].public else tr(_CONTEXT, "nein"),
                ),
                number_column(tr(_CONTEXT, "Minuten"), lambda row: row[1].planned_minutes),
            ),
            service,
            dialogs,
            parent,
        )

    def add_fields(self, errors: FormErrors) -> None:
        self.title_edit = LineEdit(cleaning=pasted_title)  # without a copied "TOP 3"
        self.title_edit.setMaxLength(AGENDA_ITEM["title"].max_length)
        self.kind_combo = FocusCombo()
        for kind in AgendaItemKind:
            self.kind_combo.addItem(kind.label, kind)
        self.public_check = QCheckBox(tr(_CONTEXT, "öffentlich"))
        self.minutes_spin = FocusSpin()
        self.minutes_spin.setRange(0, MAX_PLANNED_MINUTES)
        self.minutes_spin.setSuffix(tr(_CONTEXT, " Min."))
        keep_narrow(self.minutes_spin, NUMBER_FIELD_CHARACTERS)
        errors.add_row(tr(_CONTEXT, "Titel"), "title", self.title_edit)
        errors.add_row(tr(_CONTEXT, "Art"), "kind", self.kind_combo)
        errors.add_row("", "public", self.public_check)
        errors.add_row(tr(_CONTEXT, "Geplante Dauer"), "planned_minutes", self.minutes_spin)

    def show_record(self, record: AgendaTemplate) -> None:
        show_text(self.title_edit, record.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.kind))
        self.public_check.setChecked(record.public)
        self.minutes_spin.setValue(record.planned_minutes)

    def clear_form(self) -> None:
        self.title_edit.clear()
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(AgendaItemKind.REPORT))
        self.public_check.setChecked(True)
        self.minutes_spin.setValue(10)

    def edited(self, selected: AgendaTemplate | None) -> AgendaTemplate:
        fields = {
            "title": self.title_edit.text(),
            "kind": AgendaItemKind(self.kind_combo.currentData()),
            "public": self.public_check.isChecked(),
            "planned_minutes": self.minutes_spin.value(),
        }
        return AgendaTemplate(**fields) if selected is None else replace(selected, **fields)

    def delete_question(self, record: AgendaTemplate) -> tuple[str, str]:
        return (
            tr(_CONTEXT, "Vorlage löschen"),
            tr(_CONTEXT, "Die Vorlage „{}“ löschen?").format(record.title),
        )

    def unsaved_question(self, record: AgendaTemplate | None) -> tuple[str, str]:
        if record is None:
            text = tr(
                _CONTEXT,
                "Eine neue Vorlage für Tagesordnungspunkte wurde eingegeben, aber nicht "
                "gespeichert. Die Eingaben verwerfen?",
            )
        else:
            text = tr(
                _CONTEXT,
                "Die Vorlage „{}“ wurde geändert, aber nicht gespeichert. "
                "Die Änderungen verwerfen?",
            ).format(record.title)
        return tr(_CONTEXT, "Vorlage nicht gespeichert"), text
