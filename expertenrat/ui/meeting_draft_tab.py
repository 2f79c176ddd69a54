"""Which tab the Übersicht's line of draft minutes not yet sent opens, decided as it opens:
Genehmigung, which sends them, once nothing is missing; else Protokoll, whose check names
what is (:attr:`~expertenrat.domain.overview.MeetingTab.DRAFT`).

The minutes checklist reads much of the meeting (about 24 statements, a round trip each on
a server), so it runs in the worker: the window does not freeze meanwhile (found by a
helper). The tab is opened when the check is done, of the last request only; whether the
user went on in between, the page decides.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from expertenrat.domain.minutes_checklist_lines import Checklist
from expertenrat.domain.overview import MeetingTab
from expertenrat.ui.worker import Job


class DraftTabChoice(QObject):
    def __init__(self, checklist: Callable[[int], Checklist], parent: QObject | None = None):
        """``checklist(meeting_id)`` runs in the worker."""
        super().__init__(parent)
        self._checklist = checklist
        self.job: Job | None = None  # the last request's; an earlier one's result is dropped

    def choose(self, meeting_id: int, open_tab: Callable[[MeetingTab], None]) -> None:
        """Check the draft in the worker, then ``open_tab`` the tab it calls for; a check
        that cannot be read opens Protokoll, which says why."""
        read = self._checklist
        # Only reads: a hung server must not keep the ending program alive (see worker).
        job = self.job = Job(lambda _progress: read(meeting_id).complete, self, daemon=True)
        job.finished.connect(
            lambda complete: self._chosen(
                job, open_tab, MeetingTab.APPROVAL if complete else MeetingTab.MINUTES
            )
        )
        job.failed.connect(lambda _message: self._chosen(job, open_tab, MeetingTab.MINUTES))
        job.ended.connect(job.deleteLater)  # its finished or failed still follows
        job.start()

    def _chosen(self, job: Job, open_tab: Callable[[MeetingTab], None], tab: MeetingTab) -> None:
        if job is self.job:
            self.job = None
            open_tab(tab)
