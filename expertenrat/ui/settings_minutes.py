"""Einstellungen for the minutes: style, approval practice, objection period, the weeks
within which the draft goes out, and the standard phrases (Textbausteine) the
minute-taker inserts."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QFormLayout,
    QSizePolicy,
    QWidget,
)

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import MAX_MINUTES_DRAFT_WEEKS, CouncilSettings
from expertenrat.domain.enums import MinutesApproval, MinutesStyle
from expertenrat.domain.field_limits import TEXT_TEMPLATE
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.services.text_templates import TextTemplatesService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.eliding_widgets import YieldingComboBox
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.ordered_list_editor import OrderedListEditor
from expertenrat.ui.table_model import Column
from expertenrat.ui.text_boxes import PlainTextEdit
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import (
    NARROW_FIELD_CHARACTERS,
    FocusCombo,
    counted_spin,
    keep_narrow,
)

_CONTEXT = "MinutesSettings"


class MinutesSettingsFields:
    """The council settings of the minutes, as rows of the council form."""

    def __init__(self, errors: FormErrors, form: QFormLayout) -> None:
        self.style_combo = FocusCombo()
        for style in MinutesStyle:
            self.style_combo.addItem(style.label, style.value)
        self.approval_combo = YieldingComboBox(24)
        for practice in MinutesApproval:
            self.approval_combo.addItem(practice.label, practice.value)
        # as narrow as the council form's other choices; the practices' long labels as
        # wide as they need, not the whole form (in a narrow window less, cut with "…")
        keep_narrow(self.style_combo, NARROW_FIELD_CHARACTERS)
        self.approval_combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.objection_spin = counted_spin(1, 365, tr(_CONTEXT, " Tag"), tr(_CONTEXT, " Tage"))
        keep_narrow(self.objection_spin, NARROW_FIELD_CHARACTERS)
        self.draft_weeks_spin = counted_spin(
            0, MAX_MINUTES_DRAFT_WEEKS, tr(_CONTEXT, " Woche"), tr(_CONTEXT, " Wochen")
        )
        self.draft_weeks_spin.setSpecialValueText(tr(_CONTEXT, "keine Frist"))
        self.draft_weeks_spin.setToolTip(
            tr(
                _CONTEXT,
                "Bis wann nach der Sitzung der Protokollentwurf versandt sein soll; die "
                "Übersicht nennt die Frist und zeigt einen verspäteten Entwurf rot.",
            )
        )
        keep_narrow(self.draft_weeks_spin, NARROW_FIELD_CHARACTERS)
        # every row keeps a message line, so that the rows keep one rhythm
        # the names as the settings file and the audit trail say them (found by a tester)
        for name, field in (
            ("minutes_style", self.style_combo),
            ("minutes_approval", self.approval_combo),
            ("objection_period_days", self.objection_spin),
            ("minutes_draft_weeks", self.draft_weeks_spin),
        ):
            errors.add_row(field_label("council", name), name, field)

    def show(self, council: CouncilSettings) -> None:
        self.style_combo.setCurrentIndex(self.style_combo.findData(council.minutes_style.value))
        self.approval_combo.setCurrentIndex(
            self.approval_combo.findData(council.minutes_approval.value)
        )
        self.objection_spin.setValue(council.objection_period_days)
        self.draft_weeks_spin.setValue(council.minutes_draft_weeks)

    def edited(self, council: CouncilSettings) -> CouncilSettings:
        return replace(
            council,
            minutes_style=MinutesStyle(self.style_combo.currentData()),
            minutes_approval=MinutesApproval(self.approval_combo.currentData()),
            objection_period_days=self.objection_spin.value(),
            minutes_draft_weeks=self.draft_weeks_spin.value(),
        )


class PhrasesEditor(OrderedListEditor):
    """The standard phrases: a label and the text the minute-taker inserts."""

    STRETCH_COLUMN = 2

    def __init__(
        self, service: TextTemplatesService, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr(_CONTEXT, "Textbausteine für das Protokoll"),
            tr(_CONTEXT, "Neuer Baustein"),
            tr(_CONTEXT, "Baustein speichern"),
            (
                Column(tr(_CONTEXT, "Bezeichnung"), lambda row: row[1].label),
                Column(
                    tr(_CONTEXT, "Text"),
                    lambda row: " ".join(row[1].text.split()),
                    tooltip=lambda row: row[1].text,
                ),
            ),
            service,
            dialogs,
            parent,
        )

    def add_fields(self, errors: FormErrors) -> None:
        self.label_edit = LineEdit()
        self.label_edit.setMaxLength(TEXT_TEMPLATE["label"].max_length)
        self.text_edit = PlainTextEdit()  # drops a pasted soft hyphen the save refuses
        self.text_edit.setTabChangesFocus(True)  # Tab goes on; a phrase holds no tab
        self.text_edit.setMaximumHeight(90)
        errors.add_row(tr(_CONTEXT, "Bezeichnung"), "label", self.label_edit)
        errors.add_row(tr(_CONTEXT, "Text"), "text", self.text_edit)

    def show_record(self, record: TextTemplate) -> None:
        self.label_edit.setText(record.label)
        self.text_edit.setPlainText(record.text)

    def clear_form(self) -> None:
        self.label_edit.clear()
        self.text_edit.clear()

    def edited(self, selected: TextTemplate | None) -> TextTemplate:
        label, text = self.label_edit.text(), self.text_edit.toPlainText()
        if selected is None:
            return TextTemplate(None, label, text)
        return replace(selected, label=label, text=text)

    def delete_question(self, record: TextTemplate) -> tuple[str, str]:
        return (
            tr(_CONTEXT, "Textbaustein löschen"),
            tr(_CONTEXT, "Den Textbaustein „{}“ löschen?").format(record.label),
        )

    def unsaved_question(self, record: TextTemplate | None) -> tuple[str, str]:
        if record is None:
            text = tr(
                _CONTEXT,
                "Ein neuer Textbaustein wurde eingegeben, aber nicht gespeichert. "
                "Die Eingaben verwerfen?",
            )
        else:
            text = tr(
                _CONTEXT,
                "Der Textbaustein „{}“ wurde geändert, aber nicht gespeichert. "
                "Die Änderungen verwerfen?",
            ).format(record.label)
        return tr(_CONTEXT, "Textbaustein nicht gespeichert"), text
