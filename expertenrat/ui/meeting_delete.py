"""„Löschen …“ on the Sitzungen page: a planned meeting deleted after a question (the
service refuses any other, with its German reason; the tooltip says why it is off:
:mod:`~expertenrat.ui.meeting_step_tips`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.meetings import Meeting
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingsPage"


class DeleteButton(QPushButton):
    deleted = Signal()
    changed_elsewhere = Signal(int, object)  # the meeting id, the ConcurrentEditError

    def __init__(
        self,
        meetings: MeetingsService,
        dialogs: DialogService,
        meeting: Callable[[], Meeting | None],
        parent: QWidget | None = None,
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: a new one or none)."""
        super().__init__(tr(_CONTEXT, "Löschen …"), parent)
        self._meetings = meetings
        self._dialogs = dialogs
        self._meeting = meeting
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
        except ConcurrentEditError as error:
            self.changed_elsewhere.emit(meeting.id, error)
            return
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
            return
        self.deleted.emit()
