"""The calendar day changing while the program stays open: over night, a weekend, the PC's
sleep. The window of an office PC is often never closed, and what was worked out for
"today" at the start went stale: the Übersicht still listed yesterday's "in 1 Tag" and
"seit 3 Tagen überfällig", and the daily backup was made only at the next start.

:class:`DayWatch` looks at the clock once a minute (a PC woken from its sleep is looked at
within a minute, as the timer runs on) and tells its followers once a new day has begun.
A follower that cannot follow now (the user is typing on the page to reread, the last
backup still runs) answers ``False`` and is asked again at the next look.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

DAY_LOOK_MS = 60_000


class DayWatch(QObject):
    def __init__(
        self,
        today: Callable[[], date],
        parent: QObject | None = None,
        interval_ms: int = DAY_LOOK_MS,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.day = today()  # the day the followers follow
        self._followers: list[Callable[[], bool]] = []
        self._behind: list[Callable[[], bool]] = []  # not yet followed the new day
        self._told: str | None = None  # the failure raised last, while it lasts
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)

    def follow(self, on_new_day: Callable[[], bool]) -> None:
        """Call ``on_new_day()`` when a new day has begun, and again at each look until it
        answers ``True`` (done)."""
        self._followers.append(on_new_day)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        """Tell the followers of a new day, each on its own: one that fails (a page whose
        reread the lost server refuses) is asked again at the next look, and the others
        still follow (the backup waited for the page); its error is raised afterwards,
        for the window's error report, once until a look finds it gone: a file on a network
        drive out of reach (a laptop woken without its VPN) put a new message on the window
        every minute until it was back, all night long (found by review)."""
        day = self._today()
        if day != self.day:
            self.day = day
            self._behind = list(self._followers)
        behind, self._behind = self._behind, []
        failure: Exception | None = None
        for follower in behind:
            try:
                done = follower()
            except Exception as error:
                done, failure = False, failure or error
            if not done:
                self._behind.append(follower)
        told, self._told = self._told, None if failure is None else str(failure)
        if failure is not None and str(failure) != told:
            raise failure
