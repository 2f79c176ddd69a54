"""The widgets of the member dialog's form and where they sit, in four groups, with the
messages under the fields (:mod:`~expertenrat.ui.member_form_messages`);
:class:`~expertenrat.ui.member_form.MemberForm` adds the behaviour (filling from a Member
and reading back; the view/controller split of the house style)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.consent import CONSENT_COVERS
from expertenrat.domain.councils import ActionField, RoleTitles
from expertenrat.domain.enums import ConsentKind, MemberRole, Sector
from expertenrat.domain.field_limits import PERSON
from expertenrat.domain.pasted_phone_numbers import pasted_phone
from expertenrat.ui.consent_row import ConsentRow, date_edit
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_form_messages import MemberFormMessages
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit, line_combo
from expertenrat.ui.widgets import FocusCombo, colour_icon, hint_label, in_row

_CONTEXT = "MemberForm"
FORMS_OF_ADDRESS = ("", "Frau", "Herr")


class MemberFormView(MemberFormMessages):
    """All input fields of a member. Messages appear under the fields (``show_problems``)."""

    def __init__(
        self, fields: list[ActionField], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)

        self.form_of_address_combo = line_combo()
        self.form_of_address_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.form_of_address_combo.addItems(list(FORMS_OF_ADDRESS))
        self.form_of_address_combo.lineEdit().setPlaceholderText(tr(_CONTEXT, "keine"))
        self.title_edit = LineEdit(placeholderText=tr(_CONTEXT, "z. B. Prof. Dr."))
        self.given_name_edit = LineEdit()
        self.family_name_edit = LineEdit()
        self.affiliation_edit = LineEdit()
        self.position_edit = LineEdit()
        self.sector_combo = FocusCombo()
        for sector in Sector:
            self.sector_combo.addItem(sector.label, sector.value)

        self.email_edit = LineEdit(placeholderText="name@beispiel.de")
        self.phone_edit = LineEdit(cleaning=pasted_phone)  # without a copied "Tel.:"
        self.postal_address_edit = plain_text_edit(4, grows=False)
        self.notes_edit = plain_text_edit(5, grows=True)

        self.role_combo = FocusCombo()
        for role in MemberRole:
            self.role_combo.addItem(role.label, role.value)
        self.term_start_edit = date_edit()
        self.term_end_edit = date_edit()
        self.open_ended_check = QCheckBox(tr(_CONTEXT, "unbefristet"))
        self.voting_right_check = QCheckBox(tr(_CONTEXT, "stimmberechtigt"))
        self.primary_field_combo = FocusCombo()
        self.primary_field_combo.setPlaceholderText(tr(_CONTEXT, "– bitte wählen –"))
        self.further_field_checks: dict[int, QCheckBox] = {}
        for action_field in fields:
            if action_field.id is None:
                continue
            icon = colour_icon(action_field.colour)
            self.primary_field_combo.addItem(icon, action_field.name, action_field.id)
            check = QCheckBox(action_field.name.replace("&", "&&"))  # no mnemonic
            check.setIcon(icon)
            self.further_field_checks[action_field.id] = check
        for name, edit in self.line_edits().items():
            edit.setMaxLength(PERSON[name].max_length)

        self.publish_name_row = ConsentRow(tr(_CONTEXT, "veröffentlichen"), today)
        self.publish_name_row.check.setAccessibleName(
            tr(_CONTEXT, "Name und Institution veröffentlichen")
        )
        self.publish_contact_row = ConsentRow(tr(_CONTEXT, "veröffentlichen"), today)
        self.publish_contact_row.check.setAccessibleName(
            tr(_CONTEXT, "Kontaktdaten veröffentlichen")
        )
        self._layout()

    def set_role_titles(self, titles: RoleTitles) -> None:
        """Name chair and vice chair as the council calls them ("Sprecher*in")."""
        for index in range(self.role_combo.count()):
            role = MemberRole(self.role_combo.itemData(index))
            self.role_combo.setItemText(index, titles.of(role))

    def line_edits(self) -> dict[str, QLineEdit]:
        """The one-line inputs by Member attribute."""
        return {
            "form_of_address": self.form_of_address_combo.lineEdit(),
            "title": self.title_edit,
            "given_name": self.given_name_edit,
            "family_name": self.family_name_edit,
            "affiliation": self.affiliation_edit,
            "position": self.position_edit,
            "email": self.email_edit,
            "phone": self.phone_edit,
        }

    # --- layout ------------------------------------------------------------------------

    def _layout(self) -> None:
        person, errors = self._group(tr(_CONTEXT, "Person"))
        self._row(errors, tr(_CONTEXT, "Anrede"), "form_of_address", self.form_of_address_combo)
        self._row(errors, tr(_CONTEXT, "Titel"), "title", self.title_edit)
        self._row(errors, tr(_CONTEXT, "Vorname*"), "given_name", self.given_name_edit)
        self._row(errors, tr(_CONTEXT, "Nachname*"), "family_name", self.family_name_edit)
        self._row(errors, tr(_CONTEXT, "Institution"), "affiliation", self.affiliation_edit)
        self._row(errors, tr(_CONTEXT, "Funktion/Position"), "position", self.position_edit)
        self._row(errors, tr(_CONTEXT, "Sektor"), "sector", self.sector_combo)

        contact, errors = self._group(tr(_CONTEXT, "Kontakt"))
        self._row(errors, tr(_CONTEXT, "E-Mail"), "email", self.email_edit)
        self._row(errors, tr(_CONTEXT, "Telefon"), "phone", self.phone_edit)
        self._row(errors, tr(_CONTEXT, "Postanschrift"), "postal_address", self.postal_address_edit)

        membership, errors = self._group(tr(_CONTEXT, "Mitgliedschaft"))
        self._row(errors, tr(_CONTEXT, "Rolle"), "role", in_row(self.role_combo), self.role_combo)
        self._row(
            errors,
            tr(_CONTEXT, "Amtszeit Beginn"),
            "term_start",
            in_row(self.term_start_edit),
            self.term_start_edit,
        )
        self._row(
            errors,
            tr(_CONTEXT, "Amtszeit Ende"),
            "term_end",
            in_row(self.term_end_edit, self.open_ended_check),
            self.term_end_edit,
        )
        self._row(errors, tr(_CONTEXT, "Stimmrecht"), "voting_right", self.voting_right_check)
        self._row(
            errors,
            tr(_CONTEXT, "Primäres Handlungsfeld*"),
            "primary_field_id",
            self.primary_field_combo,
        )
        further = QWidget()
        grid = QGridLayout(further)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, check in enumerate(self.further_field_checks.values()):
            grid.addWidget(check, number // 2, number % 2)
        self._row(errors, tr(_CONTEXT, "Weitere Handlungsfelder"), "further_field_ids", further)

        consent, errors = self._group(tr(_CONTEXT, "Einwilligungen"))
        self._consent_box = consent
        consent.layout().addRow(
            hint_label(
                tr(
                    _CONTEXT,
                    "Name und Institution: {}.\nKontaktdaten: {}. Ohne Einwilligung "
                    "bleiben die Angaben intern.",
                ).format(CONSENT_COVERS[ConsentKind.NAME], CONSENT_COVERS[ConsentKind.CONTACT])
            )
        )
        self._row(
            errors,
            tr(_CONTEXT, "Name und Institution"),
            "publish_name",
            self.publish_name_row,
            self.publish_name_row.check,
        )
        self._row(
            errors,
            tr(_CONTEXT, "Kontaktdaten"),
            "publish_contact",
            self.publish_contact_row,
            self.publish_contact_row.check,
        )

        notes, errors = self._group(tr(_CONTEXT, "Notizen (intern)"))
        self._row(errors, "", "notes", self.notes_edit)
        self.notes_edit.setAccessibleName(tr(_CONTEXT, "Notizen (intern)"))

        _same_label_width(person, contact)  # their fields start in one line, one below

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(person)
        left.addWidget(contact)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(membership)
        right.addWidget(consent)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.setColumnStretch(0, 1)
        self._columns = (grid, left, right, notes)
        self._two_columns: bool | None = None
        self.fit_columns(None)

    def fit_columns(self, room: int | None) -> None:
        """Person and contact beside membership and consent, or (where ``room``, the width
        the form is shown in, is too narrow for both: a small screen's dialog) one under
        the other, so that the dialog does not scroll sideways. ``None``: beside."""
        grid, left, right, notes = self._columns
        needed = left.minimumSize().width() + grid.horizontalSpacing()
        two = room is None or needed + right.minimumSize().width() <= room
        if two == self._two_columns:
            return
        self._two_columns = two
        grid.removeItem(right)
        grid.removeWidget(notes)
        if two:
            grid.addLayout(right, 0, 1)
            grid.addWidget(notes, 1, 0, 1, 2)
        else:
            grid.addLayout(right, 1, 0)
            grid.addWidget(notes, 2, 0)
        grid.setColumnStretch(1, 1 if two else 0)
        grid.setRowStretch(1, 1 if two else 0)
        grid.setRowStretch(2, 0 if two else 1)

    def show_consent_history(self, widget: QWidget) -> None:
        """Put the consent history (a read-only view) under the consent checkboxes, its
        caption above it: the table has the box's whole width for its five columns."""
        layout = self._consent_box.layout()
        assert isinstance(layout, QFormLayout)
        caption = QLabel(tr(_CONTEXT, "Verlauf"))
        caption.setBuddy(widget)
        layout.addRow(caption)
        layout.addRow(widget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            # Added last, it came last for Tab, after the notes below it.
            QWidget.setTabOrder(self.publish_contact_row.date_edit, widget)


def _same_label_width(*boxes: QGroupBox) -> None:
    """The labels of forms stacked in one column as wide as the widest of them, so that
    their fields start at the same x (else Kontakt's, labelled "E-Mail", started left of
    Person's, labelled "Funktion/Position")."""
    labels = []
    for box in boxes:
        form = box.layout()
        assert isinstance(form, QFormLayout)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                labels.append(item.widget())
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)
