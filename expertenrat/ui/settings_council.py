"""Einstellungen for the council itself: name, short name, city, logo, the number of
members, the quorum rule and the periods of notice and for responses."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLineEdit

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import (
    DEFAULT_CHAIR_TITLE,
    DEFAULT_VICE_CHAIR_TITLE,
    CouncilSettings,
)
from expertenrat.domain.enums import QuorumRule
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.settings_logo import LogoField
from expertenrat.ui.text_fields import LineEdit, show_text
from expertenrat.ui.widgets import (
    NARROW_FIELD_CHARACTERS,
    FocusCombo,
    FocusSpin,
    counted_spin,
    keep_narrow,
)

_CONTEXT = "SettingsPage"


class CouncilSettingsFields:
    """The council's own settings, as the first rows of the council form."""

    def __init__(self, errors: FormErrors, form: QFormLayout, dialogs: DialogService) -> None:
        self.name_edit = LineEdit()
        self.short_name_edit = LineEdit()
        self.city_edit = LineEdit()
        self.logo = LogoField(dialogs)
        self.min_spin = FocusSpin(minimum=1, maximum=200)
        self.max_spin = FocusSpin(minimum=1, maximum=200)
        self.quorum_combo = FocusCombo()
        for rule in QuorumRule:
            self.quorum_combo.addItem(rule.label, rule.value)
        self.notice_spin = counted_spin(0, 365, tr(_CONTEXT, " Tag"), tr(_CONTEXT, " Tage"))
        self.response_spin = counted_spin(1, 24, tr(_CONTEXT, " Monat"), tr(_CONTEXT, " Monate"))
        # "E" of "E-2026-07"; capitals as the codes show it (typed "db" is saved as "DB")
        self.prefix_edit = LineEdit()
        self.prefix_edit.setMaxLength(6)
        self.prefix_edit.setPlaceholderText("E")
        self.prefix_edit.setToolTip(
            tr(
                _CONTEXT,
                "Steht vor den Kennungen neuer Empfehlungen: „E“ ergibt E-2026-07, „DB“ "
                "DB-2026-07. Vergebene Kennungen bleiben, die Zählung des Jahres läuft weiter.",
            )
        )
        # what the council calls its chair and vice chair, in every list and document
        self.chair_title_edit = LineEdit(placeholderText=DEFAULT_CHAIR_TITLE)
        self.vice_chair_title_edit = LineEdit(placeholderText=DEFAULT_VICE_CHAIR_TITLE)
        for edit in (self.chair_title_edit, self.vice_chair_title_edit):
            edit.setToolTip(
                tr(
                    _CONTEXT,
                    "So heißt die Rolle in der Mitgliederliste, im Protokoll, im "
                    "Tätigkeitsbericht und im OParl-Export, z. B. „Vorsitzende*r“ oder "
                    "„Sprecher*in“.",
                )
            )
        for narrow in (
            self.min_spin,
            self.max_spin,
            self.quorum_combo,
            self.notice_spin,
            self.response_spin,
            self.prefix_edit,
        ):
            keep_narrow(narrow, NARROW_FIELD_CHARACTERS)
        errors.add_row(tr(_CONTEXT, "Name"), "name", self.name_edit)
        errors.add_row(tr(_CONTEXT, "Kurzname"), "short_name", self.short_name_edit)
        errors.add_row(tr(_CONTEXT, "Stadt"), "city", self.city_edit)
        form.addRow(tr(_CONTEXT, "Logo"), self.logo)
        errors.add_row(_label("min_members"), "min_members", self.min_spin)
        errors.add_row(_label("max_members"), "max_members", self.max_spin)
        errors.add_row(_label("chair_title"), "chair_title", self.chair_title_edit)
        errors.add_row(_label("vice_chair_title"), "vice_chair_title", self.vice_chair_title_edit)
        errors.add_row(_label("quorum_rule"), "quorum_rule", self.quorum_combo)
        errors.add_row(_label("notice_period_days"), "notice_period_days", self.notice_spin)
        errors.add_row(
            _label("response_period_months"), "response_period_months", self.response_spin
        )
        errors.add_row(
            tr(_CONTEXT, "Kürzel der Empfehlungen"), "recommendation_prefix", self.prefix_edit
        )

    def line_edits(self) -> dict[str, QLineEdit]:
        """The text inputs by CouncilSettings attribute (the page gives them their limits)."""
        return {
            "name": self.name_edit,
            "short_name": self.short_name_edit,
            "city": self.city_edit,
            "chair_title": self.chair_title_edit,
            "vice_chair_title": self.vice_chair_title_edit,
        }

    def show(self, council: CouncilSettings) -> None:
        show_text(self.name_edit, council.name)
        show_text(self.short_name_edit, council.short_name)
        show_text(self.city_edit, council.city)
        self.logo.show_logo(council.logo_png)
        self.min_spin.setValue(council.min_members)
        self.max_spin.setValue(council.max_members)
        self.quorum_combo.setCurrentIndex(self.quorum_combo.findData(council.quorum_rule.value))
        self.notice_spin.setValue(council.notice_period_days)
        self.response_spin.setValue(council.response_period_months)
        show_text(self.prefix_edit, council.recommendation_prefix)
        show_text(self.chair_title_edit, council.chair_title)
        show_text(self.vice_chair_title_edit, council.vice_chair_title)

    def edited(self, council: CouncilSettings) -> CouncilSettings:
        return replace(
            council,
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            city=self.city_edit.text(),
            logo_png=self.logo.png,
            min_members=self.min_spin.value(),
            max_members=self.max_spin.value(),
            quorum_rule=QuorumRule(self.quorum_combo.currentData()),
            notice_period_days=self.notice_spin.value(),
            response_period_months=self.response_spin.value(),
            recommendation_prefix=self.prefix_edit.text(),
            chair_title=self.chair_title_edit.text(),
            vice_chair_title=self.vice_chair_title_edit.text(),
        )


def _label(name: str) -> str:
    """A setting's name, one for the Einstellungen, the settings file and the audit trail."""
    return field_label("council", name)
