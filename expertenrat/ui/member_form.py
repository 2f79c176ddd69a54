"""The member dialog's form: its fields (:mod:`~expertenrat.ui.member_form_view`) filled
from a Member and read back into one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_form_view import MemberFormView
from expertenrat.ui.text_fields import show_text

_CONTEXT = "MemberForm"


class MemberForm(MemberFormView):
    """A member's fields, filled with ``set_member`` and read back with ``member()``."""

    def __init__(
        self, fields: list[ActionField], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(fields, today, parent)
        self._today = today
        self._member = Member(id=None, given_name="", family_name="", term_start=today)
        self._end_for: Callable[[date], date | None] | None = None  # see default_end
        self._start = today  # the start shown before its latest change
        self.open_ended_check.toggled.connect(lambda on: self.term_end_edit.setEnabled(not on))
        self.primary_field_combo.currentIndexChanged.connect(self._primary_changed)
        self.set_member(self._member)

    # --- filling and reading -----------------------------------------------------------

    def set_member(self, member: Member) -> None:
        """Show ``member``; ``member()`` later returns it with the edits applied."""
        self._member = member
        self.clear_problems()
        self.form_of_address_combo.setCurrentText(member.form_of_address)
        self.form_of_address_combo.lineEdit().setCursorPosition(0)
        show_text(self.title_edit, member.title)
        show_text(self.given_name_edit, member.given_name)
        show_text(self.family_name_edit, member.family_name)
        show_text(self.affiliation_edit, member.affiliation)
        show_text(self.position_edit, member.position)
        self.sector_combo.setCurrentIndex(self.sector_combo.findData(member.sector.value))
        show_text(self.email_edit, member.email)
        show_text(self.phone_edit, member.phone)
        self.postal_address_edit.setPlainText(member.postal_address)
        self.notes_edit.setPlainText(member.notes)
        self.role_combo.setCurrentIndex(self.role_combo.findData(member.role.value))
        self.term_start_edit.setDate(QDate(member.term_start))
        self.term_end_edit.setDate(QDate(member.term_end or member.term_start))
        self.open_ended_check.setChecked(member.term_end is None)
        self.term_end_edit.setEnabled(member.term_end is not None)
        self.voting_right_check.setChecked(member.voting_right)
        self.primary_field_combo.setCurrentIndex(
            self.primary_field_combo.findData(member.primary_field_id)
            if member.primary_field_id is not None
            else -1
        )
        self._primary_changed()
        for field_id, check in self.further_field_checks.items():
            check.setChecked(
                field_id in member.further_field_ids and field_id != member.primary_field_id
            )
        self.publish_name_row.set_value(member.publish_name, member.publish_name_on)
        self.publish_contact_row.set_value(member.publish_contact, member.publish_contact_on)

    def member(self) -> Member:
        """The shown member with the edits applied; id and versions stay as they came."""
        primary = self.primary_field_combo.currentData()
        publish_name, publish_name_on = self.publish_name_row.value()
        publish_contact, publish_contact_on = self.publish_contact_row.value()
        return replace(
            self._member,
            form_of_address=self.form_of_address_combo.currentText(),
            title=self.title_edit.text(),
            given_name=self.given_name_edit.text(),
            family_name=self.family_name_edit.text(),
            affiliation=self.affiliation_edit.text(),
            position=self.position_edit.text(),
            sector=Sector(self.sector_combo.currentData()),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            postal_address=self.postal_address_edit.text_or_original(self._member.postal_address),
            notes=self.notes_edit.text_or_original(self._member.notes),
            role=MemberRole(self.role_combo.currentData()),
            term_start=self.term_start_edit.date().toPython(),
            term_end=None
            if self.open_ended_check.isChecked()
            else self.term_end_edit.date().toPython(),
            voting_right=self.voting_right_check.isChecked(),
            primary_field_id=int(primary) if primary is not None else None,
            further_field_ids=tuple(
                field_id
                for field_id, check in self.further_field_checks.items()
                if check.isChecked() and check.isEnabled()
            ),
            publish_name=publish_name,
            publish_name_on=publish_name_on,
            publish_contact=publish_contact,
            publish_contact_on=publish_contact_on,
        )

    # --- the default end of a new term ---------------------------------------------------

    def default_end(self, end_for: Callable[[date], date | None]) -> None:
        """End the term on ``end_for(start)`` (None: open-ended), and again whenever the
        start changes while the end is still the one ``end_for`` gave for the start before:
        an end the user chose stays."""
        self._end_for = end_for
        self._start = self.term_start_edit.date().toPython()
        self._show_end(end_for(self._start))
        self.term_start_edit.dateChanged.connect(self._start_changed)

    def _start_changed(self, start: QDate) -> None:
        previous, self._start = self._start, start.toPython()
        assert self._end_for is not None  # connected by default_end
        end = None if self.open_ended_check.isChecked() else self.term_end_edit.date().toPython()
        if end == self._end_for(previous):
            self._show_end(self._end_for(self._start))

    def _show_end(self, end: date | None) -> None:
        self.term_end_edit.setDate(QDate(end or self._start))
        self.open_ended_check.setChecked(end is None)

    def _primary_changed(self) -> None:
        primary = self.primary_field_combo.currentData()
        for field_id, check in self.further_field_checks.items():
            is_primary = field_id == primary
            if is_primary:
                check.setChecked(False)
            check.setEnabled(not is_primary)
            check.setToolTip(tr(_CONTEXT, "Das primäre Handlungsfeld") if is_primary else "")
