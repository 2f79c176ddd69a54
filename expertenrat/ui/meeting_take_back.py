"""„Zurücknehmen …“ on the Sitzungen page: a step recorded by mistake taken back, after a
question, as a correction (:meth:`~expertenrat.services.meetings.MeetingsService.
take_back_state`): "Einladung versandt" pressed before the invitation went out, back to
"geplant" while the meeting is ahead; "Durchgeführt" pressed on the wrong meeting, back to
"eingeladen" while its minutes are untouched (the service refuses otherwise, with its
German reason). On for an invited meeting still ahead and for a held one; the tooltip
says what it does, or why it is off.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.domain.meeting_states import taken_back_state
from expertenrat.domain.meetings import Meeting
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_step_button import MeetingStepButton
from expertenrat.ui.meeting_step_tips import NOT_SAVED

_CONTEXT = "MeetingsPage"
_TIPS = {
    MeetingState.INVITED: (
        "Die Einladung ist doch nicht versandt: die Sitzung zurück auf „geplant“ – eine "
        "Berichtigung, die das Änderungsprotokoll vermerkt."
    ),
    MeetingState.HELD: (
        "Die Sitzung ist irrtümlich als durchgeführt erfasst: zurück auf „eingeladen“, "
        "solange ihr Protokoll leer ist – eine Berichtigung, die das Änderungsprotokoll "
        "vermerkt."
    ),
    MeetingState.PLANNED: "Für eine geplante Sitzung ist nichts zurückzunehmen.",
    MeetingState.CANCELLED: "Eine Absage lässt sich nicht zurücknehmen.",
}
_BEGUN = "Die Sitzung hat begonnen; die Einladung bleibt als versandt erfasst."
_QUESTIONS = {
    MeetingState.INVITED: (
        "Die Einladung zu „{}“ am {:%d.%m.%Y} wurde doch nicht versandt? Die Sitzung geht "
        "zurück auf „geplant“, das erfasste Versanddatum entfällt; das Änderungsprotokoll "
        "vermerkt die Berichtigung."
    ),
    MeetingState.HELD: (
        "„{}“ am {:%d.%m.%Y} wurde nicht durchgeführt? Die Sitzung geht zurück auf "
        "„eingeladen“ (nur solange ihr Protokoll leer ist); das Änderungsprotokoll vermerkt "
        "die Berichtigung."
    ),
}

_WILL_RENUMBER = "Dabei wird sie neu nummeriert: aus „{old}“ wird „{new}“."
_RENUMBERED = (
    "Die Sitzung am {day:%d.%m.%Y} ist wieder geplant und heißt nun „{new}“ (bisher „{old}“)."
)


class TakeBackButton(MeetingStepButton):
    taken_back = Signal(int)  # the meeting id, its step taken back

    def __init__(
        self,
        meetings: MeetingsService,
        dialogs: DialogService,
        meeting: Callable[[], Meeting | None],
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime],
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: a new one or none); ``now()`` the
        moment (aware) the state bar compares with its start, which the step is taken
        back at, so that the service refuses nothing the button offered."""
        super().__init__(tr(_CONTEXT, "Zurücknehmen …"), dialogs, meeting, parent)
        self._meetings = meetings
        self._now = now
        self.clicked.connect(self.ask)

    def update_for(self, meeting: Meeting | None, now: datetime) -> None:
        begun = meeting is not None and meeting.starts_at <= now
        if meeting is None:
            tip = NOT_SAVED
        elif meeting.state is MeetingState.INVITED and begun:
            tip = _BEGUN
        else:
            tip = _TIPS[meeting.state]
        self.setEnabled(meeting is not None and _takes_back(meeting, now))
        self.setToolTip(tr(_CONTEXT, tip))

    def ask(self) -> None:
        meeting = self._meeting()
        if meeting is None or meeting.state not in _QUESTIONS:
            return
        text = tr(_CONTEXT, _QUESTIONS[meeting.state]).format(meeting.label, meeting.starts_at)
        try:
            number = self._meetings.number_after_take_back(meeting.id)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
            return
        if number is not None and number != meeting.number:
            text += " " + _renumbered(_WILL_RENUMBER, meeting, number)
        self._dialogs.question(
            self, tr(_CONTEXT, "Schritt zurücknehmen"), text, lambda: self._take_back(meeting)
        )

    def _take_back(self, meeting: Meeting) -> None:
        try:
            taken = self._meetings.take_back_state(meeting.id, meeting.version, now=self._now())
        except ExpertenratError as error:
            self._refused(meeting, error)
            return
        self.taken_back.emit(meeting.id)
        if taken.number != meeting.number:
            title = tr(_CONTEXT, "Schritt zurückgenommen")
            self._dialogs.information(self, title, _renumbered(_RENUMBERED, meeting, taken.number))


def _renumbered(text: str, meeting: Meeting, number: int | None) -> str:
    """``text`` (:data:`_WILL_RENUMBER` or :data:`_RENUMBERED`) for ``meeting`` and its new
    ``number`` (the planned meetings are numbered after the invited ones:
    ``meeting_numbers.number_as_planned``)."""
    return tr(_CONTEXT, text).format(
        old=meeting_name(meeting.number, meeting.kind),
        new=meeting_name(number, meeting.kind),
        day=meeting.starts_at,
    )


def _takes_back(meeting: Meeting, now: datetime) -> bool:
    """Whether the domain has a step of ``meeting`` to take back at ``now``
    (:func:`~expertenrat.domain.meeting_states.taken_back_state`; the service checks the
    rest, such as the minutes untouched)."""
    try:
        taken_back_state(meeting.state, start=meeting.starts_at, now=now)
    except ValidationError:
        return False
    return True
