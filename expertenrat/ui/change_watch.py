"""Other PCs' changes appear without a restart: poll a cheap change marker, then refresh.

Every few seconds the newest audit id (:mod:`expertenrat.services.change_marker`) is read
in the worker (a slow or lost server never freezes the window; a failed poll is only
logged and tried again at the next tick). When it has grown, ``refresh()`` is asked to
reread the shown page; it answers ``False`` while that would disturb the user (unsaved
input, an open dialog), and the refresh is tried again at the next tick. The same works
on SQLite (another program on the same file) and PostgreSQL (other PCs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from expertenrat.ui.worker import Job

log = logging.getLogger(__name__)

POLL_MS = 5000


class ChangeWatch(QObject):
    def __init__(
        self,
        read_marker: Callable[[], int],
        refresh: Callable[[], bool],
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._read_marker = read_marker
        self._refresh = refresh
        self.seen: int | None = None  # the marker the shown page reflects
        self.job: Job | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        """No more polls; waits for one still running (before the database closes)."""
        self.timer.stop()
        if self.job is not None:
            self.job.join()

    def poll(self) -> None:
        if self.job is not None and self.job.running:
            return  # the last poll still waits for the server
        self.job = Job(lambda _progress: self._read_marker(), self)
        self.job.finished.connect(self._compare)
        self.job.failed.connect(lambda message: log.info("Change poll failed: %s", message))
        self.job.start()

    def _compare(self, marker: int) -> None:
        if self.seen is None:
            self.seen = marker  # the window was just read
        elif marker != self.seen and self._refresh():
            self.seen = marker
