"""„Löschen …“ on the Sitzungen page: a planned meeting deleted after a question (the
service refuses any other, with its German reason; the tooltip says why it is off:
:mod:`~expertenrat.ui.meeting_step_tips`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meetings import Meeting
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_step_button import MeetingStepButton

_CONTEXT = "MeetingsPage"


class DeleteButton(MeetingStepButton):
    deleted = Signal()

    def __init__(
        self,
        meetings: MeetingsService,
        dialogs: DialogService,
        meeting: Callable[[], Meeting | None],
        parent: QWidget | None = None,
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: a new one or none)."""
        super().__init__(tr(_CONTEXT, "Löschen …"), dialogs, meeting, parent)
        self._meetings = meetings
        self.clicked.connect(self.ask)

    def ask(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Sitzung löschen"),
            tr(
                _CONTEXT,
                "„{}“ am {:%d.%m.%Y} löschen? Das geht nur bei geplanten Sitzungen ohne "
                "Inhalte; eine Sitzung, zu der eingeladen wurde, bitte absagen.",
            ).format(meeting.label, meeting.starts_at),
            lambda: self._delete(meeting),
        )

    def _delete(self, meeting: Meeting) -> None:
        try:
            self._meetings.delete(meeting.id, meeting.version)
        except ExpertenratError as error:
            self._refused(meeting, error)
            return
        self.deleted.emit()
