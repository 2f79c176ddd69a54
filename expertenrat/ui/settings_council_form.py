"""The "Gremium" box of the Einstellungen: the council's own settings
(:mod:`ui.settings_council`), its minutes' (:mod:`ui.settings_minutes`) and its profile's
(:mod:`ui.settings_profile`) in one form, with the messages of what is wrong with them and
the page's row of buttons under them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLayout, QLineEdit

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.field_limits import COUNCIL
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.settings_council import CouncilSettingsFields
from expertenrat.ui.settings_minutes import MinutesSettingsFields
from expertenrat.ui.settings_profile import ProfileSettingsFields


class CouncilForm(QGroupBox):
    """Shows a council's settings and gives them as edited; ``buttons`` go under the form."""

    def __init__(self, dialogs: DialogService, buttons: QLayout) -> None:
        super().__init__(tr("SettingsPage", "Gremium"))
        form = QFormLayout(self)
        # In a narrow window (720 px) a field too wide beside its label goes under it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors = FormErrors(form)
        self.council_fields = CouncilSettingsFields(self.errors, form, dialogs)
        self.minutes_fields = MinutesSettingsFields(self.errors, form)
        self.profile_fields = ProfileSettingsFields(self.errors, form)
        form.addRow(self.errors.general)
        form.addRow(buttons)
        for name, edit in self.line_edits().items():
            edit.setMaxLength(COUNCIL[name].max_length)

    def line_edits(self) -> dict[str, QLineEdit]:
        """The council's text inputs by CouncilSettings attribute."""
        return {**self.council_fields.line_edits(), **self.profile_fields.line_edits()}

    def show_settings(self, council: CouncilSettings) -> None:
        """``council``'s settings in the fields, no message of the input before."""
        self.errors.clear()
        self.council_fields.show(council)
        self.minutes_fields.show(council)
        self.profile_fields.show(council)

    def edited(self, council: CouncilSettings) -> CouncilSettings:
        """``council`` with the values typed in the fields."""
        edited = self.council_fields.edited(council)
        return self.profile_fields.edited(self.minutes_fields.edited(edited))
