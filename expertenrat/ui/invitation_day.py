"""The "Einladung" line of the "Sitzung" tab: the day the meeting's invitation went out
("versandt am 01.12.2026") and "Versanddatum ändern …".

"Einladung versandt" records the day it is pressed; an invitation posted days before it
was recorded gets its real day here (the notice period, and so the minutes and their
checklist, count from it). The dialog offers the recorded day (dd.MM.yyyy) and says under
the date why a day cannot be the one (in the future, after the meeting); the meetings
service decides (:meth:`MeetingsService.correct_invitation_day`) and a refusal shows its
German reason (after another PC's change the page rereads the meeting, unless something
typed waits to be saved there). Off for a meeting whose minutes are approved, and for a
cancelled one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.meeting_states import sent_on_problem
from expertenrat.domain.meetings import Meeting
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingForm"
_CORRECTABLE = (MeetingState.INVITED, MeetingState.HELD)


class InvitationDay(QObject):
    """Shows the day on ``label`` and asks for the real one on ``button``."""

    corrected = Signal(object)  # the meeting with its corrected day
    stale = Signal()  # refused: another PC changed the meeting meanwhile

    def __init__(
        self,
        meetings: MeetingsService,
        dialogs: DialogService,
        today: Callable[[], date],
        label: QLabel,
        button: QPushButton,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._meetings = meetings
        self._dialogs = dialogs
        self._today = today
        self._label = label
        self._button = button
        self._parent = parent
        self._meeting: Meeting | None = None
        button.clicked.connect(self.ask)

    def show_for(self, meeting: Meeting | None, *, frozen: bool) -> bool:
        """Show the day ``meeting``'s invitation went out; whether there is one."""
        self._meeting = meeting
        sent = meeting.invitation_sent_on if meeting is not None else None
        if meeting is None or sent is None:
            self._label.clear()
            self._button.setEnabled(False)
            return False
        self._label.setText(tr(_CONTEXT, "versandt am {:%d.%m.%Y}").format(sent))
        self._button.setEnabled(meeting.state in _CORRECTABLE and not frozen)
        return True

    def ask(self) -> None:
        meeting = self._meeting
        if meeting is None or meeting.invitation_sent_on is None:
            return
        start = meeting.starts_at
        self._dialogs.ask_date(
            self._parent,
            tr(_CONTEXT, "Versanddatum ändern"),
            tr(_CONTEXT, "Die Einladung zu „{}“ am {:%d.%m.%Y} wurde versandt am").format(
                meeting.label, start
            ),
            meeting.invitation_sent_on,
            lambda day: self._correct(meeting, day),
            hint=lambda day: sent_on_problem(day, start, self._today()),
        )

    def _correct(self, meeting: Meeting, day: date) -> None:
        try:
            corrected = self._meetings.correct_invitation_day(meeting.id, meeting.version, day)
        except ConcurrentEditError as error:
            self.stale.emit()
            self._warn(
                tr(
                    _CONTEXT,
                    "{changed} Bitte ändern Sie das Versanddatum erneut, wenn es noch gilt.",
                ).format(changed=error.changed)
            )
            return
        except ExpertenratError as error:
            self._warn(error.message)
            return
        self.corrected.emit(corrected)

    def _warn(self, text: str) -> None:
        self._dialogs.warning(self._parent, tr(_CONTEXT, "Versanddatum ändern"), text)
