"""Other PCs' changes appear without a restart: a notification or a poll, then a refresh.

Every few seconds the shown council's newest audit id and the list of councils (a
:class:`~expertenrat.services.change_marker.ChangeMarker`) are read in the worker (a slow
or lost server never freezes the window; a failed poll is only logged and tried again at
the next tick). When the marker differs, ``refresh(councils)`` is asked to reread the shown
page and the council switcher (``councils``: the marker's, as the switcher shows them); it
answers ``False`` while that would disturb the user (unsaved
input, an open dialog), and the refresh is tried again at the next tick. The same works on
SQLite (another program on the same file) and PostgreSQL (other PCs).

This window's own saves move the marker too, but its page already shows them: a marker read
``since`` the one the window reflects that moved by own entries alone
(:meth:`~expertenrat.services.change_marker.ChangeMarker.moved_by_own_saves_only`) is taken
as reflected without a reread; any other change beside them still rereads.

On PostgreSQL a :class:`~expertenrat.services.change_marker.ChangeFeed` (a connection that
LISTENs, opened in the worker) is watched by a socket notifier on the GUI thread: any
notification polls at once (one of another council may tell of its new name, or of a new
council), and the marker decides whether to refresh, so a change shows within a moment.
The timer goes on as the safety net, slowed to once a minute while the feed is healthy;
when the feed is lost it ticks every few seconds again and reopens the feed at its ticks.

Both only read, so at exit :meth:`ChangeWatch.stop` waits for them a few seconds at most:
a poll stuck on a hung server runs in a daemon thread, which the ending program leaves.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.change_marker import ChangeFeed, ChangeMarker
from expertenrat.ui.worker import Job

log = logging.getLogger(__name__)

POLL_MS = 5000
FEED_POLL_MS = 60_000  # the safety-net poll while notifications arrive
STOP_WAIT_S = 3.0  # at exit, the longest wait for a poll or the feed's opening


class ChangeWatch(QObject):
    def __init__(
        self,
        read_marker: Callable[[int | None, ChangeMarker | None], ChangeMarker],
        refresh: Callable[[tuple[CouncilChoice, ...]], bool],
        shown_council: Callable[[], int | None],
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
        open_feed: Callable[[], ChangeFeed | None] | None = None,
        feed_interval_ms: int = FEED_POLL_MS,
    ) -> None:
        """``read_marker(council_id, since)`` and ``open_feed()`` run in the worker (``since``:
        the marker the window reflects, of the same council, or ``None``); the poll runs
        every ``interval_ms``, or every ``feed_interval_ms`` while the feed is open."""
        super().__init__(parent)
        self._read_marker = read_marker
        self._refresh = refresh
        self._shown_council = shown_council
        self._open_feed = open_feed
        self.seen: ChangeMarker | None = None  # the marker the window reflects
        self._seen_council: int | None = None
        self.job: Job | None = None
        self._again = False
        self.feed: ChangeFeed | None = None
        self._feed_job: Job | None = None
        self._notifier: QSocketNotifier | None = None
        self._interval_ms, self._feed_interval_ms = interval_ms, feed_interval_ms
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self._poll_failures = RepeatedFailure("Change poll")
        self._feed_failures = RepeatedFailure("Change feed")

    def start(self) -> None:
        self._tick()
        self.timer.start()

    def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """No more polls, the feed closed; waits for work still running (before the
        database closes), ``wait_s`` seconds at most: what still runs then is left to end
        with the program (it only reads)."""
        self.timer.stop()
        deadline = time.monotonic() + wait_s
        for job in (self.job, self._feed_job):
            if job is not None and not job.join(max(0.0, deadline - time.monotonic())):
                log.warning("The database does not answer; not waiting for its change poll")
        self._open_feed = None
        if self._feed_job is not None:
            self._feed_job.deliver()  # a feed opened meanwhile is closed now, not left open
        self._drop_feed()

    def _tick(self) -> None:
        self.poll()
        self._connect_feed()

    def poll(self) -> None:
        if self.job is not None and self.job.running:
            # The running poll may have read before the change: read again after it.
            self._again = True
            return
        self._again = False
        council = self._shown_council()
        since = self.seen if council == self._seen_council else None
        _dispose(self.job)
        self.job = Job(lambda _progress: self._read_marker(council, since), self, daemon=True)
        self.job.finished.connect(lambda marker: self._compare(council, since, marker))
        # Lambdas, not the bound methods of a plain object: PySide kept each such
        # connection, sender deleted or not, as long as that object lived.
        self.job.finished.connect(lambda _marker: self._poll_failures.worked())
        self.job.failed.connect(lambda message: self._poll_failures.failed(message))
        self.job.ended.connect(self._poll_ended)
        self.job.start()

    def _poll_ended(self) -> None:
        if self._again and self.timer.isActive():
            QTimer.singleShot(0, self, self.poll)

    def _compare(
        self, council: int | None, since: ChangeMarker | None, marker: ChangeMarker
    ) -> None:
        if since is not None and since is self.seen and marker.moved_by_own_saves_only(since):
            self.seen = marker  # this window's own saves: its page shows them
        if self.seen is None:
            self.seen = marker  # the window was just read
        elif council != self._seen_council:
            # The page of the council shown now was just read; the switcher perhaps not.
            self.seen = replace(marker, councils=self.seen.councils)
        self._seen_council = council
        if marker != self.seen and self._refresh(marker.councils):
            self.seen = marker

    def _connect_feed(self) -> None:
        busy = self._feed_job is not None and self._feed_job.running
        if self._open_feed is None or self.feed is not None or busy:
            return
        opener = self._open_feed
        _dispose(self._feed_job)
        self._feed_job = Job(lambda _progress: opener(), self, daemon=True)
        self._feed_job.finished.connect(self._feed_opened)
        self._feed_job.finished.connect(lambda _feed: self._feed_failures.worked())
        self._feed_job.failed.connect(lambda message: self._feed_failures.failed(message))
        self._feed_job.start()

    def _feed_opened(self, feed: ChangeFeed | None) -> None:
        if feed is None or self._open_feed is None:  # SQLite has none; or stopped meanwhile
            self._open_feed = None
            if feed is not None:
                feed.close()
            return
        self.feed = feed
        self._notifier = QSocketNotifier(feed.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._feed_readable)
        self.timer.setInterval(self._feed_interval_ms)  # an active timer restarts with it
        self.poll()  # what changed while the feed was away

    def _feed_readable(self) -> None:
        if self.feed is None:
            return
        try:
            councils = self.feed.take()
        except ExpertenratError:
            self._drop_feed()  # polling goes on; the next tick reconnects
            return
        if councils:
            self.poll()

    def _drop_feed(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self.feed is not None:
            self.feed.close()
            self.feed = None
            self.timer.setInterval(self._interval_ms)


def _dispose(job: Job | None) -> None:
    """Delete a job that has ended, which its parent, the watch, would keep until the
    program ends: a poll every 5 seconds left 17,000 jobs a day, each with its timer,
    its thread's leftovers and the markers its signals held, so a window left open for
    weeks grew by some hundred megabytes (found by a tester)."""
    if job is not None:
        job.deleteLater()


class RepeatedFailure:
    """A failure that comes at every tick logged once, and once that it works again: a
    server gone over night logged a line every 5 seconds, and the log's 6 MB held nothing
    but it by morning, the evening's messages rotated out (found by a tester)."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._said: str | None = None  # the failure logged last, while it lasts

    def failed(self, message: str) -> None:
        if message != self._said:
            log.info("%s failed: %s", self._what, message)
            self._said = message

    def worked(self) -> None:
        if self._said is not None:
            log.info("%s works again", self._what)
            self._said = None
