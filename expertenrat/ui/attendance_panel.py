"""Anwesenheit: the attendance tab of a meeting (see ``widget_contract`` in the meetings page).

Each member's line saves as soon as the user changes it (status, voting right, arrival or
departure and their times); the quorum of the meeting and of each agenda item updates at
once. A refused change is explained and the line shows what is stored again; a line
another PC recorded first shows what it recorded, and the warning names it and what was
chosen here (nothing is said where both chose the same; :mod:`ui.attendance_conflict`).
The quorum lines are worded by :mod:`ui.attendance_quorum_text`, the widgets laid out by
:mod:`ui.attendance_panel_view`. A cancelled meeting is shown read-only with a hint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.attendance_sheet import (
    AHEAD_ALLOWED,
    CANCELLED_HINT,
    AttendanceEntry,
    AttendanceSheet,
    ahead_hint,
)
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ConnectionLostError,
    ExpertenratError,
)
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.ui.attendance_conflict import taken_elsewhere
from expertenrat.ui.attendance_panel_view import AttendancePanelView
from expertenrat.ui.attendance_row import AttendanceRow
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint

_CONTEXT = "AttendancePanel"


class AttendancePanel(KeepsNoMeetingHint, AttendancePanelView):
    changed = Signal()

    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, dialogs, parent)
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._sheet: AttendanceSheet | None = None
        self._no_meeting_hint = no_meeting_hint()
        self.rest_present_button.clicked.connect(self.record_rest_present)
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

    def flush(self, then: Callable[[], None]) -> bool:
        """Save a line whose time was typed but not yet confirmed; False if that failed."""
        return all(self._save(member) for member in list(self.rows))

    def has_unsaved_changes(self) -> bool:
        """A line holds a status or time typed but not yet saved."""
        return self._sheet is not None and any(_unsaved(row) for row in self.rows.values())

    # --- showing --------------------------------------------------------------------------

    def _show(self, sheet: AttendanceSheet) -> None:
        self._sheet = sheet
        wanted = [e.membership_id for e in sheet.entries]
        items_changed = self._items_of_rows != sheet.items
        # A line chosen here and not saved yet (the server was lost) stays as chosen, with
        # the version it was chosen on: saving it later still notices another PC's change.
        typed = {m: (row.stored(), row.entry()) for m, row in self.rows.items() if _unsaved(row)}
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
        self.guests.show_guests(sheet.meeting_id, sheet.guests, not sheet.read_only)

    # --- saving ---------------------------------------------------------------------------

    def _save(self, membership_id: int) -> bool:
        """Save the line of ``membership_id`` and the lines a lost server left unsaved (each
        as chosen, with the version it was chosen on: a change another PC made meanwhile is
        not overwritten unseen). A line not saved keeps what was chosen."""
        typed = {m: row.entry() for m, row in self.rows.items() if _unsaved(row)}
        waiting = sorted(typed, key=lambda member: member == membership_id)  # this one last
        while waiting:
            member = waiting.pop(0)
            saved = self._save_line(member, typed[member])
            for other in waiting:  # a save shows the sheet stored: the others as chosen
                if other in self.rows:
                    self.rows[other].show_input(typed[other])
            if not saved:
                return False
        return True

    def _save_line(self, membership_id: int, entry: AttendanceEntry) -> bool:
        row = self.rows.get(membership_id)
        if row is None or self._meeting_id is None or self._sheet is None:
            return True
        if entry == row.stored() or entry.status is None:
            return True
        try:
            sheet = self._services.attendance.save_entry(self._meeting_id, entry)
        except ConnectionLostError as error:
            # The line keeps what was chosen, unsaved: the next change of a line or leaving
            # the tab saves it (a reread now would show the stored line, or none at all).
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            return False
        except ConcurrentEditError as error:
            # Another PC recorded the line first: the panel shows what it recorded.
            self._reread_line(membership_id)
            warning = taken_elsewhere(self._sheet, membership_id, entry)
            if warning == "":
                return True
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), warning or error.message)
            return False
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            self._reread_line(membership_id)
            return False
        self._show_line(sheet, membership_id)  # saved: no longer kept as chosen
        self._show(sheet)
        self.changed.emit()
        return True

    def _show_line(self, sheet: AttendanceSheet, membership_id: int) -> None:
        """The line of ``membership_id`` as ``sheet`` has it stored."""
        row = self.rows.get(membership_id)
        entry = next((e for e in sheet.entries if e.membership_id == membership_id), None)
        if row is not None and entry is not None:
            row.show_entry(entry)

    def _reread_line(self, membership_id: int) -> None:
        """Reread the sheet after the line's change was refused: the line shows what is
        stored (the others keep what was chosen and not saved yet)."""
        self.refresh()
        if self._sheet is not None:
            self._show_line(self._sheet, membership_id)

    def record_rest_present(self) -> None:
        if self._meeting_id is None or not self.flush(lambda: None):
            return
        try:
            sheet = self._services.attendance.record_unrecorded(
                self._meeting_id, AttendanceStatus.PRESENT
            )
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            self.refresh()
            return
        self._show(sheet)
        self.changed.emit()

    def _guests_changed(self) -> None:
        self.refresh()
        self.changed.emit()


def _unsaved(row: AttendanceRow) -> bool:
    """The line holds a status or time chosen but not yet saved."""
    entry = row.entry()
    return entry != row.stored() and entry.status is not None
