"""Einstellungen for how the council presents itself: kind of body, website, the secretariat
that signs its letters and the mailbox its e-mail drafts are sent from, and the Bundesland
whose public holidays count."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit

from expertenrat.domain.bundeslaender import BUNDESLAENDER
from expertenrat.domain.councils import CLASSIFICATIONS, CouncilSettings
from expertenrat.domain.mail_addresses import SENDER_EXAMPLE
from expertenrat.domain.pasted_links import pasted_link
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit, line_combo, show_text
from expertenrat.ui.widgets import WIDE_FIELD_CHARACTERS, FocusCombo, keep_narrow

_CONTEXT = "ProfileSettings"


def bundesland_combo() -> QComboBox:
    """The Länder by name, their ISO code as data; first "nur bundesweite Feiertage" ("")."""
    combo = FocusCombo()
    combo.addItem(tr(_CONTEXT, "– nur bundesweite Feiertage –"), "")
    for code, name in sorted(BUNDESLAENDER.items(), key=lambda item: item[1]):
        combo.addItem(name, code)
    keep_narrow(combo, WIDE_FIELD_CHARACTERS)
    return combo


class ProfileSettingsFields:
    """The council's profile, as rows of the council form."""

    def __init__(self, errors: FormErrors, form: QFormLayout) -> None:
        self.classification_combo = line_combo()
        self.classification_combo.addItems(CLASSIFICATIONS)
        keep_narrow(self.classification_combo, WIDE_FIELD_CHARACTERS)
        self.website_edit = LineEdit(cleaning=pasted_link)  # the address of a line copied
        self.website_edit.setPlaceholderText("https://")
        self.secretariat_edit = LineEdit()
        self.secretariat_edit.setPlaceholderText(tr(_CONTEXT, "Ihre Geschäftsstelle"))
        self.secretariat_email_edit = LineEdit()
        self.secretariat_email_edit.setPlaceholderText(
            tr(_CONTEXT, "optional, z. B. {}").format(SENDER_EXAMPLE)
        )
        self.secretariat_email_edit.setToolTip(
            tr(
                _CONTEXT,
                "Absender der E-Mail-Entwürfe (Einladungen, Erinnerungen an Projekte). Die "
                "Einladung geht an diese Adresse, die Mitglieder stehen in Bcc. Leer: Ihr "
                "E-Mail-Programm setzt den Absender, „An“ bleibt leer.",
            )
        )
        self.bundesland_combo = bundesland_combo()
        errors.add_row(
            tr(_CONTEXT, "Art des Gremiums"), "classification", self.classification_combo
        )
        errors.add_row(tr(_CONTEXT, "Website"), "website", self.website_edit)
        errors.add_row(
            tr(_CONTEXT, "Geschäftsstelle (unterschreibt Briefe)"),
            "secretariat",
            self.secretariat_edit,
        )
        errors.add_row(
            tr(_CONTEXT, "E-Mail-Adresse der Geschäftsstelle"),
            "secretariat_email",
            self.secretariat_email_edit,
        )
        errors.add_row(tr(_CONTEXT, "Bundesland (Feiertage)"), "bundesland", self.bundesland_combo)

    def line_edits(self) -> dict[str, QLineEdit]:
        """The text inputs by CouncilSettings attribute (the page gives them their limits)."""
        return {
            "website": self.website_edit,
            "classification": self.classification_combo.lineEdit(),
            "secretariat": self.secretariat_edit,
            "secretariat_email": self.secretariat_email_edit,
        }

    def show(self, council: CouncilSettings) -> None:
        self.classification_combo.setCurrentText(council.classification)
        show_text(self.website_edit, council.website)
        show_text(self.secretariat_edit, council.secretariat)
        show_text(self.secretariat_email_edit, council.secretariat_email)
        index = self.bundesland_combo.findData(council.bundesland)
        self.bundesland_combo.setCurrentIndex(max(index, 0))

    def edited(self, council: CouncilSettings) -> CouncilSettings:
        return replace(
            council,
            classification=self.classification_combo.currentText(),
            website=self.website_edit.text(),
            secretariat=self.secretariat_edit.text(),
            secretariat_email=self.secretariat_email_edit.text(),
            bundesland=self.bundesland_combo.currentData(),
        )
