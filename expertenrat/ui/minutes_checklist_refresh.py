"""The live completeness check of the minutes editor, reread in the worker.

The check reads much of the meeting, so it never runs on the GUI thread: ``refresh`` reads
it now (or once more after the read that runs), ``schedule`` a moment after the last call
(saves come in bursts). A read that ends for minutes no longer shown is dropped; a failed
read leaves the panel as it was (the autosave indicator says why nothing saves).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.minutes import Minutes
from expertenrat.domain.minutes_checklist_lines import Checklist
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_checklist_panel import ChecklistPanel
from expertenrat.ui.worker import Job

_CONTEXT = "MinutesEditor"

CHECKLIST_DELAY_MS = 200


class ChecklistRefresh(QObject):
    def __init__(
        self,
        read: Callable[[int], Checklist],
        panel: ChecklistPanel,
        minutes: Callable[[], Minutes | None],
        parent: QObject | None = None,
    ) -> None:
        """``read(meeting_id)`` runs in the worker; ``minutes()`` are the minutes shown."""
        super().__init__(parent)
        self._read = read
        self._panel = panel
        self._minutes = minutes
        self.job: Job | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECKLIST_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def idle(self) -> bool:
        """No read runs or is due."""
        return self.job is None and not self._timer.isActive()

    def schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        minutes = self._minutes()
        if minutes is None:
            return
        if self.job is not None:
            self._again = True
            return
        read, meeting_id = self._read, minutes.meeting_id
        # Only reads: a hung server must not keep the ending program alive (see worker).
        job = self.job = Job(lambda _progress: read(meeting_id), self, daemon=True)
        job.finished.connect(lambda checklist: self._read_done(meeting_id, checklist))
        job.ended.connect(self._ended)
        job.start()

    def _read_done(self, meeting_id: int, checklist: Checklist) -> None:
        minutes = self._minutes()
        if minutes is not None and minutes.meeting_id == meeting_id:
            if minutes.frozen:
                why_not = tr(_CONTEXT, "Das Protokoll ist genehmigt.")
            elif minutes.state is MinutesState.CIRCULATED:
                why_not = tr(_CONTEXT, "Das Protokoll ist bereits versandt, kein Entwurf mehr.")
            else:
                why_not = ""
            self._panel.show_checklist(checklist, why_not=why_not)

    def _ended(self) -> None:
        """The job is deleted later: its ``finished`` still follows this ``ended``."""
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        if self._again:
            self._again = False
            self.refresh()
