"""The dialog for one guest of a meeting: name, institution, role, and whether the guest
attended only the non-public part (left out of every public output) and took part
digitally (by video or phone: "digital zugeschaltet" in the minutes). A name that names a
member of the council is a warning below it, never a refusal
(:mod:`~expertenrat.domain.member_guests`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from expertenrat.domain.attendance_sheet import GUEST, AttendanceEntry, GuestEntry
from expertenrat.domain.member_guests import guest_form_warning
from expertenrat.ui.dialog_parts import FORM_DIALOG_WIDTH, dialog_buttons, fit_height
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_fields import LineEdit, with_placeholder
from expertenrat.ui.widgets import hint_label

_CONTEXT = "AttendanceGuests"


class GuestDialog(QDialog):
    """Name, institution and role of a guest, whether the guest attended only the non-public
    part and whether digitally. ``submit`` saves and answers whether it worked; the dialog
    closes only then, so a refused entry keeps what was typed. While the name names one of
    ``members`` (the council's, as the attendance lists them), a warning says so below it
    (found by a tester: a member entered as a guest stood twice in the minutes)."""

    def __init__(
        self,
        guest: GuestEntry,
        submit: Callable[[GuestEntry], bool],
        parent: QWidget | None = None,
        *,
        dialogs: DialogService | None = None,
        members: Sequence[AttendanceEntry] = (),
    ) -> None:
        super().__init__(parent)
        self._guest = guest
        self._members = members
        self._submit = submit
        self.setWindowTitle(
            tr(_CONTEXT, "Gast hinzufügen") if guest.id is None else tr(_CONTEXT, "Gast bearbeiten")
        )
        self.name_edit = LineEdit(guest.name)
        self.organisation_edit = LineEdit(guest.organisation)
        self.role_edit = LineEdit(guest.role)
        with_placeholder(self.role_edit, tr(_CONTEXT, "z. B. Referentin zu TOP 3"))
        for edit, field in (
            (self.name_edit, "name"),
            (self.organisation_edit, "organisation"),
            (self.role_edit, "role"),
        ):
            edit.setMaxLength(GUEST[field].max_length)
        self.non_public_check = QCheckBox(
            tr(
                _CONTEXT,
                "nur im &nichtöffentlichen Teil anwesend (nicht im öffentlichen Protokoll)",
            )
        )
        self.non_public_check.setChecked(guest.non_public_only)
        self.digital_check = QCheckBox(
            tr(_CONTEXT, "&digital zugeschaltet (per Video oder Telefon, nicht im Raum)")
        )
        self.digital_check.setChecked(guest.digital)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(tr(_CONTEXT, "Name"), self.name_edit)
        self.member_hint = hint_label("")
        form.addRow("", self.member_hint)
        self.name_edit.textChanged.connect(self._show_member_hint)
        self._show_member_hint(guest.name)
        form.addRow(tr(_CONTEXT, "Institution"), self.organisation_edit)
        form.addRow(tr(_CONTEXT, "Rolle"), self.role_edit)
        form.addRow("", self.non_public_check)
        form.addRow("", self.digital_check)
        form.addRow(buttons)
        self.setMinimumWidth(FORM_DIALOG_WIDTH)
        self.finished.connect(self.deleteLater)
        self._discard = DiscardCheck(
            self,
            dialogs,
            lambda: (
                self.name_edit.text(),
                self.organisation_edit.text(),
                self.role_edit.text(),
                self.non_public_check.isChecked(),
                self.digital_check.isChecked(),
            ),
        )

    def _show_member_hint(self, name: str) -> None:
        """The warning that ``name`` names a member of the council, or none."""
        warning = guest_form_warning(name, self._members)
        self.member_hint.setText(warning)
        self.member_hint.setVisible(bool(warning))
        self.name_edit.setAccessibleDescription(warning)  # a screen reader says it too
        if self.isVisible():  # shown while typing: the dialog grows for its four lines
            fit_height(self)

    def reject(self) -> None:
        self._discard.reject(super().reject)

    def accept(self) -> None:
        guest = GuestEntry(
            self._guest.id,
            self.name_edit.text(),
            self.organisation_edit.text(),
            self.role_edit.text(),
            self._guest.version,
            self.non_public_check.isChecked(),
            self.digital_check.isChecked(),
        )
        if self._submit(guest):
            super().accept()
        elif not guest.name.strip():
            # Once the message asking for the name is closed, the cursor is there (it
            # stayed where it was; found by a tester).
            self.name_edit.setFocus()
