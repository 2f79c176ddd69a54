"""A button of the Sitzungen page's state bar that acts on the meeting shown („Einladung
versandt“, „Löschen …“, „Zurücknehmen …“): it reads the meeting when pressed, and a step
the service refuses is told alike by each — changed on another PC meanwhile as
``changed_elsewhere`` (the bar shows the meeting as stored now and says so), any other
refusal with its German reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.meetings import Meeting
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingsPage"


class MeetingStepButton(QPushButton):
    changed_elsewhere = Signal(int, object)  # the meeting id, the ConcurrentEditError

    def __init__(
        self,
        text: str,
        dialogs: DialogService,
        meeting: Callable[[], Meeting | None],
        parent: QWidget | None = None,
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: a new one or none)."""
        super().__init__(text, parent)
        self._dialogs = dialogs
        self._meeting = meeting

    def _refused(self, meeting: Meeting, error: ExpertenratError) -> None:
        """Tell that the step on ``meeting`` was refused with ``error``."""
        if isinstance(error, ConcurrentEditError):
            self.changed_elsewhere.emit(meeting.id, error)
        else:
            self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
