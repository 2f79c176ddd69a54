"""„Einladung versandt“ on the Sitzungen page: the invitation recorded as sent today (for a
meeting whose day has passed, entered afterwards: on the day asked for); for an invited
meeting whose time, place or agenda changed since, the changed letter re-sent today, for
the record. The state step itself is :class:`~expertenrat.ui.meeting_state_bar.
MeetingStateBar`'s (``invited``); the tooltip is :mod:`~expertenrat.ui.meeting_step_tips`'.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meetings import Meeting, MeetingSummary
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_step_button import MeetingStepButton
from expertenrat.ui.meeting_step_tips import INVITE_TIP

if TYPE_CHECKING:
    from expertenrat.services.invitation_sent import InvitationSent

_CONTEXT = "MeetingsPage"


class InviteButton(MeetingStepButton):
    invited = Signal(object)  # the day the invitation was sent; None: today
    resent = Signal(int)  # the meeting id, its changed invitation recorded as sent again

    def __init__(
        self,
        dialogs: DialogService,
        meeting: Callable[[], Meeting | None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date],
        resend: Callable[[int, int, date], InvitationSent] | None,
        listed: Callable[[], MeetingSummary | None],
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: a new one or none); ``resend``
        records a changed invitation as sent again (meeting id, version, day); ``listed()``
        is the shown meeting's line of the list as last read (what changed since the
        invitation: an agenda change leaves the meeting itself as it was)."""
        super().__init__(tr(_CONTEXT, "Einladung versandt"), dialogs, meeting, parent)
        self.setToolTip(tr(_CONTEXT, INVITE_TIP))
        self._today = today
        self._resend = resend
        self._listed = listed
        self.clicked.connect(self.invite)

    def invite(self) -> None:
        """Record the invitation as sent today; for a meeting whose day has passed (entered
        afterwards) ask on which day it was sent."""
        meeting = self._meeting()
        if meeting is None:
            return
        if self.changed_letter(meeting):
            self._record_resent(meeting)
            return
        day = meeting.starts_at.date()
        if day >= self._today():
            self.invited.emit(None)
            return
        self._dialogs.ask_date(
            self,
            tr(_CONTEXT, "Einladung versandt"),
            tr(_CONTEXT, "Die Einladung zu „{}“ am {:%d.%m.%Y} wurde versandt am").format(
                meeting.label, day
            ),
            day - timedelta(days=1),
            self.invited.emit,
        )

    def changed_letter(self, meeting: Meeting | None) -> str:
        """The letter an invited meeting's members get again after its time, place or
        agenda changed ("Geänderte Tagesordnung" …); "" where there is none to re-send.
        Read from the meeting's line of the list, which the page rereads after every change
        (an agenda change leaves the meeting's version, and so the meeting shown, as it
        was): no look into the database on each update of the buttons."""
        if self._resend is None or meeting is None:
            return ""
        line = self._listed()
        if line is None or line.id != meeting.id or line.state is not MeetingState.INVITED:
            return ""
        if not (line.invitation_changed or line.invitation_agenda_changed):
            return ""
        return line.letter_name()

    def _record_resent(self, meeting: Meeting) -> None:
        """Record the changed invitation as sent today; a late one is told."""
        assert self._resend is not None  # changed_letter says there is one
        try:
            sent = self._resend(meeting.id, meeting.version, self._today())
        except ExpertenratError as error:
            self._refused(meeting, error)
            return
        for warning in sent.warnings:
            self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), warning)
        self.resent.emit(meeting.id)
