"""Saving the lines of Anwesenheit (:class:`~expertenrat.ui.attendance_panel.AttendancePanel`).

Each member's line saves as soon as the user changes it, in the worker, one line after the
other: the window goes on meanwhile (another PC approving the minutes holds the meeting
while its PDFs render), the line shows what was chosen and a note beside the quorum says
"Anwesenheit wird gespeichert …", then "gespeichert" with the time or "nicht gespeichert"
(with a warning that says why). A refused change is explained and the line shows what is
stored again; a line another PC recorded first shows what it recorded, and the warning
names it and what was chosen here (nothing is said where both chose the same;
:mod:`ui.attendance_conflict`). "Übrige als anwesend erfassen" saves after the lines.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from expertenrat.domain.attendance_sheet import AttendanceEntry, AttendanceSheet
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ConnectionLostError,
    ServerBusyError,
)
from expertenrat.services.context import Services
from expertenrat.ui.attendance_conflict import taken_elsewhere
from expertenrat.ui.attendance_panel_view import AttendancePanelView
from expertenrat.ui.attendance_row import AttendanceRow
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.worker import Job

_CONTEXT = "AttendancePanel"


class AttendanceSaving(AttendancePanelView):
    """The saves of the attendance tab; showing a sheet is
    :class:`~expertenrat.ui.attendance_panel.AttendancePanel`'s."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(services, dialogs, parent)
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._sheet: AttendanceSheet | None = None
        self._clock = clock
        self._job: Job | None = None  # the save running in the worker
        self._go_on = False  # the save that ended went through: the next one may start
        self._last_edited: int | None = None  # the line changed last: saved last
        self._then: Callable[[], None] | None = None  # ``flush``'s, once all is saved
        self._after_job = QTimer(self)  # after a job's outcome: the next save starts
        self._after_job.setSingleShot(True)
        self._after_job.setInterval(0)
        self._after_job.timeout.connect(self._ended)
        self.rest_present_button.clicked.connect(self.record_rest_present)

    def refresh(self) -> None:
        """Reread and show the sheet (:meth:`AttendancePanel.refresh`)."""
        raise NotImplementedError

    def _show(self, sheet: AttendanceSheet) -> None:
        """Show ``sheet`` (:meth:`AttendancePanel._show`)."""
        raise NotImplementedError

    # --- contract (see ``widget_contract`` in the meetings page) ---------------------------

    def flush(self, then: Callable[[], None]) -> bool:
        """True: nothing is left to save. Else the lines chosen and not saved yet (a time
        typed but not confirmed, a save running or one a lost server refused) are saved in
        the worker and ``then`` follows once all are; a save that fails keeps the window
        where it is (the warning says why)."""
        if not self.has_unsaved_changes():
            return True
        self._then = then
        if self._job is None:
            self._save_next()
        return False

    def has_unsaved_changes(self) -> bool:
        """A line holds a status or time chosen but not yet saved, or a save runs."""
        if self._job is not None:
            return True
        return self._sheet is not None and any(unsaved(row) for row in self.rows.values())

    def saving(self) -> Job | None:
        """The save running in the worker (tests wait for it), or None."""
        return self._job

    # --- saving ---------------------------------------------------------------------------

    def _save(self, membership_id: int) -> None:
        """A line changed: it is saved in the worker, after the save running (if any); the
        window goes on meanwhile (another PC approving the minutes holds the meeting for
        as long as its PDFs take)."""
        self._last_edited = membership_id
        if self._job is None:
            self._save_next()

    def _save_next(self) -> None:
        """Start the save of the next line chosen and not saved yet: each as chosen, with
        the version it was chosen on (a change another PC made meanwhile is not overwritten
        unseen), the line changed last after the others a lost server left unsaved. None
        left: go on with what waited for the saves (``flush``'s ``then``)."""
        typed = [m for m, row in self.rows.items() if unsaved(row)]
        if self._meeting_id is None or self._sheet is None or not typed:
            then, self._then = self._then, None
            if then is not None:
                then()
            return
        member = sorted(typed, key=lambda m: m == self._last_edited)[0]
        entry = self.rows[member].entry()
        meeting_id, attendance = self._meeting_id, self._services.attendance
        job = Job(lambda _progress: attendance.save_entry(meeting_id, entry))
        job.finished.connect(lambda sheet: self._line_saved(meeting_id, member, entry, sheet))
        job.failed.connect(lambda _message: self._line_failed(meeting_id, member, entry))
        self._run(job)

    def _run(self, job: Job) -> None:
        """Run ``job`` (a save) in the worker; once it ended, the next line's save starts
        (unless it failed: a line not saved keeps what was chosen, and stops the rest).

        The job has no parent: one deleted with the panel while its ``deleteLater`` was
        pending crashed PySide. Its outcome does not reach a panel deleted meanwhile."""
        self._job, self._go_on = job, False
        job.ended.connect(self._after_job.start)  # ``ended`` comes before the outcome
        self._say(tr(_CONTEXT, "Anwesenheit wird gespeichert …"))
        job.start()

    def _ended(self) -> None:
        """After the job's ``finished`` or ``failed``: the next save, or the saves stop."""
        if not isValid(self):
            return
        job, self._job = self._job, None
        if job is None:
            return
        job.deleteLater()  # its poll timer with it
        if self._go_on:
            self._save_next()
        else:
            self._then = None  # a save failed: the window stays (the warning said why)

    def _line_saved(
        self, meeting_id: int, membership_id: int, entry: AttendanceEntry, sheet: AttendanceSheet
    ) -> None:
        if not isValid(self):
            return
        self._go_on = True
        self._say_saved()
        if meeting_id == self._meeting_id:  # else another meeting is shown by now
            row = self.rows.get(membership_id)
            newer = row.entry() if row is not None else None  # chosen again meanwhile?
            self._show_line(sheet, membership_id)  # saved: no longer kept as chosen
            if row is not None and newer is not None and newer != entry:
                row.show_input(newer)  # on the version just saved: saved next
            self._show(sheet)
        self.changed.emit()

    def _line_failed(self, meeting_id: int, membership_id: int, entry: AttendanceEntry) -> None:
        if not isValid(self):
            return
        error = self._job.error if self._job is not None else None
        assert error is not None
        if meeting_id != self._meeting_id:
            self._say(tr(_CONTEXT, "Anwesenheit nicht gespeichert"))
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            return
        if isinstance(error, ConnectionLostError):
            # The line keeps what was chosen, unsaved: the next change of a line or leaving
            # the tab saves it (a reread now would show the stored line, or none at all).
            if isinstance(error, ServerBusyError):  # another PC's work holds the meeting
                self._say(tr(_CONTEXT, "Nicht gespeichert: die Datenbank ist gerade gesperrt"))
            else:
                self._say(tr(_CONTEXT, "Nicht gespeichert: keine Verbindung zum Server"))
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            return
        if isinstance(error, ConcurrentEditError):
            # Another PC recorded the line first: the panel shows what it recorded.
            self._reread_line(membership_id)
            sheet = self._sheet
            warning = taken_elsewhere(sheet, membership_id, entry) if sheet else None
            if warning == "":
                self._go_on = True
                self._say("")
                return
            self._say(tr(_CONTEXT, "Anwesenheit nicht gespeichert"))
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), warning or error.message)
            return
        self._say(tr(_CONTEXT, "Anwesenheit nicht gespeichert"))
        self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
        self._reread_line(membership_id)

    def _say_saved(self) -> None:
        self._say(
            tr(_CONTEXT, "Anwesenheit gespeichert · {time}").format(
                time=self._clock().strftime("%H:%M:%S")
            )
        )

    def _say(self, text: str) -> None:
        self.save_label.setText(text)
        self.save_label.setVisible(bool(text))

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
        """ "Übrige als anwesend erfassen", in the worker after the lines chosen are saved."""
        if self._meeting_id is None:
            return
        if self.flush(self._record_rest_present):
            self._record_rest_present()

    def _record_rest_present(self) -> None:
        meeting_id, attendance = self._meeting_id, self._services.attendance
        if meeting_id is None or self._job is not None:
            return
        job = Job(
            lambda _progress: attendance.record_unrecorded(meeting_id, AttendanceStatus.PRESENT)
        )
        job.finished.connect(lambda sheet: self._rest_recorded(meeting_id, sheet))
        job.failed.connect(lambda message: self._rest_failed(meeting_id, message))
        self._run(job)

    def _rest_recorded(self, meeting_id: int, sheet: AttendanceSheet) -> None:
        if not isValid(self):
            return
        self._go_on = True
        self._say_saved()
        if meeting_id == self._meeting_id:
            self._show(sheet)
        self.changed.emit()

    def _rest_failed(self, meeting_id: int, message: str) -> None:
        if not isValid(self):
            return
        self._say(tr(_CONTEXT, "Anwesenheit nicht gespeichert"))
        self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), message)
        if meeting_id == self._meeting_id:
            self.refresh()


def unsaved(row: AttendanceRow) -> bool:
    """The line holds a status or time chosen but not yet saved."""
    entry = row.entry()
    return entry != row.stored() and entry.status is not None
