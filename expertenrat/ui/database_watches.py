"""What runs beside the window on an open database: the daily backup
(:mod:`expertenrat.ui.daily_backup`), the watch for a new day (:mod:`expertenrat.ui.day_watch`)
and for other PCs' changes (:mod:`expertenrat.ui.change_watch`), and the start's look for
unsaved minutes (:mod:`expertenrat.ui.recovery_notice`); started once the window has its
areas, stopped before the database closes (:class:`expertenrat.app.Session`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from expertenrat.services.change_marker import OwnEntries, change_marker, open_change_feed
from expertenrat.services.context import Services
from expertenrat.ui.change_watch import ChangeWatch
from expertenrat.ui.daily_backup import DailyBackup
from expertenrat.ui.day_watch import DayWatch
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.main_window import MainWindow
from expertenrat.ui.recovery_notice import offer_unsaved_minutes
from expertenrat.ui.worker import Job

log = logging.getLogger(__name__)
RECOVERY_WAIT_S = 1.0  # at exit, the longest wait for the start's look for unsaved minutes


@dataclass
class DatabaseWatches:
    daily_backup: DailyBackup | None = None
    day_watch: DayWatch | None = None  # a new day while the program is open
    change_watch: ChangeWatch | None = None
    recovery_check: Job | None = None  # the look for unsaved minutes text at start

    def start(self, services: Services, dialogs: DialogService, window: MainWindow) -> None:
        """Start them on the database of ``services``, for ``window`` (its areas built)."""
        self.daily_backup = DailyBackup(
            services.daily_backup,
            QSettings(),
            window.today,
            window,
            safety_copies=services.safety_copies,
        )
        window.overview_page.set_backup_warning(self.daily_backup.warning)
        self.daily_backup.changed.connect(window.overview_page.show_backup_warning)
        self.daily_backup.start()
        self.day_watch = DayWatch(window.today, window)
        self.day_watch.follow(window.reread_when_safe)
        self.day_watch.follow(self.daily_backup.new_day)
        self.day_watch.start()
        database = services.database
        own = OwnEntries(database)
        self.change_watch = ChangeWatch(
            lambda council_id, since: change_marker(database, council_id, since, own),
            window.refresh_when_safe,
            window.current_council_id,
            window,
            open_feed=lambda: open_change_feed(database),
        )
        self.change_watch.start()
        self.recovery_check = offer_unsaved_minutes(
            services,
            dialogs,
            window,
            window.open_target,
            lambda: window.pages.meetings.tabs.minutes_editor(),
        )

    def stop(self, window: MainWindow) -> None:
        """Stop those started, before the database closes."""
        if self.day_watch is not None:
            self.day_watch.stop()  # no backup begun, nor page reread, on a closing database
        if self.change_watch is not None:
            self.change_watch.stop()
        if self.recovery_check is not None and not self.recovery_check.join(RECOVERY_WAIT_S):
            log.warning("The database does not answer; not waiting for the unsaved-minutes check")
        if self.daily_backup is not None:
            # The copy ends before the database closes: the interpreter would wait for it at
            # exit anyway (no daemon: a copy cut off would be no backup). Meanwhile a note
            # says why, over the window (still shown at a switch) and the window repaints.
            self.daily_backup.finish(window if window.isVisible() else None)
