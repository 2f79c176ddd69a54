"""Anwesenheit: the attendance tab of a meeting (see ``widget_contract`` in the meetings page).

Each member's line saves as soon as the user changes it (status, voting right, arrival or
departure and their times), in the worker, one line after the other
(:mod:`ui.attendance_saving`). Once saved, the quorum of the meeting and of each agenda
item updates. The quorum lines are worded by :mod:`ui.attendance_quorum_text`, the
widgets laid out by :mod:`ui.attendance_panel_view`. A cancelled meeting is shown
read-only with a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtWidgets import QWidget

from expertenrat.domain.attendance_sheet import (
    AHEAD_ALLOWED,
    CANCELLED_HINT,
    AttendanceSheet,
    ahead_hint,
)
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.ui.attendance_saving import AttendanceSaving, unsaved
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint
from expertenrat.ui.person_disclosure_action import PersonDisclosureAction

_CONTEXT = "AttendancePanel"


class AttendancePanel(KeepsNoMeetingHint, AttendanceSaving):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(services, dialogs, parent, clock=clock)
        self._no_meeting_hint = no_meeting_hint()
        self.disclosure = PersonDisclosureAction(services, dialogs, today, self)
        # A guest's Auskunft spans every council's meetings: its file name names none.
        self.guests.disclosure_requested.connect(
            lambda name: self.disclosure.start_guest(name, None)
        )
        self.guests.changed.connect(self._guests_changed)
        self.guests.reload_requested.connect(self.refresh)
        self.set_meeting(None)

    # --- contract -------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self._meeting_id:
            self._clear_rows()
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        if self._meeting_id is None:
            self._sheet = None
            self._clear_rows()
            self._show_texts(None, self._no_meeting_hint)
            self.guests.show_guests(None, (), False)
            return
        try:
            sheet = self._services.attendance.sheet(self._meeting_id)
        except ExpertenratError as error:
            self._sheet = None
            self._clear_rows()
            self._show_texts(None, error.message)
            self.guests.show_guests(None, (), False)
            return
        self._show(sheet)

    # --- showing --------------------------------------------------------------------------

    def _show(self, sheet: AttendanceSheet) -> None:
        self._sheet = sheet
        wanted = [e.membership_id for e in sheet.entries]
        items_changed = self._items_of_rows != sheet.items
        # A line chosen here and not saved yet (the server was lost) stays as chosen, with
        # the version it was chosen on: saving it later still notices another PC's change.
        typed = {m: (row.stored(), row.entry()) for m, row in self.rows.items() if unsaved(row)}
        if list(self.rows) != wanted or items_changed:
            self._build_rows(sheet, self._save)
            for member, (stored, entry) in typed.items():
                if member in self.rows:
                    self.rows[member].show_entry(stored)
                    self.rows[member].show_input(entry)
        else:
            for entry in sheet.entries:
                if entry.membership_id not in typed:
                    self.rows[entry.membership_id].show_entry(entry)
        allowed = AHEAD_ALLOWED if sheet.ahead_of is not None else None
        for row in self.rows.values():
            row.set_editable(not sheet.read_only)
            row.offer_only(allowed)
        hint = tr(_CONTEXT, CANCELLED_HINT) if sheet.cancelled else ""
        if sheet.ahead_of is not None and not sheet.read_only:
            hint = ahead_hint(sheet.ahead_of)
        if sheet.frozen:
            hint = tr(_CONTEXT, FROZEN_HINT)
        if not sheet.entries:
            hint = tr(_CONTEXT, "Am Tag der Sitzung hat das Gremium keine aktiven Mitglieder.")
        self._show_texts(sheet, hint)
        self.guests.show_guests(sheet.meeting_id, sheet.guests, not sheet.read_only, sheet.entries)

    def _guests_changed(self) -> None:
        self.refresh()
        self.changed.emit()
