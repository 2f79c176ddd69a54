"""A new day begins while the program stays open (over night, a weekend, the PC's sleep):
the shown page is reread for it and the day's backup made, without a restart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from expertenrat.app import Session
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ConnectionLostError, StorageError
from expertenrat.services.context import Services
from expertenrat.services.overview import OverviewService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.daily_backup import FOLDER_KEY, DailyBackup
from expertenrat.ui.day_watch import DayWatch
from expertenrat.ui.main_window import MainWindow

FRIDAY, SATURDAY = date(2026, 12, 4), date(2026, 12, 5)


def test_followers_hear_of_a_new_day_once_and_are_asked_again_until_they_follow(qtbot):
    days, heard, busy = [FRIDAY], [], [True]
    watch = DayWatch(lambda: days[-1])
    watch.follow(lambda: heard.append("page") or not busy[0])
    watch.follow(lambda: heard.append("backup") or True)

    watch.look()
    assert heard == []  # the same day
    days.append(SATURDAY)
    watch.look()
    watch.look()  # the page still busy: asked again, the backup not
    busy[0] = False
    watch.look()
    watch.look()
    assert heard == ["page", "backup", "page", "page"]


def test_a_follower_that_fails_keeps_none_of_the_others_from_following(qtbot):
    """The page's reread refused by a lost server: the backup still follows the new day,
    the page is asked again, and the error goes to the window's report."""
    days, heard, server = [FRIDAY], [], ["gone"]

    def reread() -> bool:
        heard.append("page")
        if server[0] == "gone":
            raise ConnectionLostError("Die Verbindung zum Server ist unterbrochen.")
        return True

    watch = DayWatch(lambda: days[-1])
    watch.follow(reread)
    watch.follow(lambda: heard.append("backup") or True)
    days.append(SATURDAY)
    with pytest.raises(ConnectionLostError):
        watch.look()
    server[0] = "back"
    watch.look()
    watch.look()
    assert heard == ["page", "backup", "page"]


def test_a_failure_lasting_many_looks_is_reported_once_until_it_is_gone(qtbot):
    """(found by review) The database file on a network drive out of reach (a laptop woken
    without its VPN): the window got a new message every minute until it was back."""
    days, away, asked = [FRIDAY], [True], []

    def reread() -> bool:
        asked.append(days[-1])
        if away[0]:
            raise StorageError("Die Datenbank „S:\\expertenrat.db“ ist nicht erreichbar.")
        return True

    watch = DayWatch(lambda: days[-1])
    watch.follow(reread)
    days.append(SATURDAY)
    with pytest.raises(StorageError):
        watch.look()
    for _minute in range(3):
        watch.look()  # still away: asked again, not reported again
    away[0] = False
    watch.look()
    away[0] = True
    days.append(SATURDAY + timedelta(days=1))
    with pytest.raises(StorageError):
        watch.look()  # gone in between: a new failure is reported
    assert len(asked) == 6


def test_a_window_left_open_over_night_rereads_the_overview_and_makes_the_new_day_s_copy(
    qsettings, tmp_path, demo_file, qtbot, monkeypatch
):
    """The Übersicht still listed yesterday's "in 1 Tag" and "seit 3 Tagen überfällig", and
    the daily copy was made only at the next start: after three days the Übersicht warned
    of a backup too old, which only a restart mended. (Here another PC changed the data
    over night: unchanged, there is no new copy, see below.)"""
    days = [FRIDAY]
    session = Session(MainWindow(qsettings, tmp_path / "log.txt", lambda: days[-1]))
    try:
        session.window.show()
        session.open(str(demo_file))
        qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
        read_for = []
        read = OverviewService.overview
        monkeypatch.setattr(
            OverviewService,
            "overview",
            lambda self, council_id, today: read_for.append(today) or read(self, council_id, today),
        )
        assert session.window.stack.currentWidget() is session.window.overview_page

        other_pc = open_database(database_url(str(demo_file)))
        Services.create(other_pc, "anderer PC").settings.create_council(
            CouncilSettings(id=None, name="Beirat", city="Wismar")
        )
        other_pc.close()
        days.append(SATURDAY)
        session.watches.day_watch.look()  # as its timer does within a minute

        assert set(read_for) == {SATURDAY}
        qtbot.waitUntil(lambda: not session.watches.daily_backup.job.running, timeout=30000)
        copies = sorted(p.name for p in (demo_file.parent / "Sicherungen").glob("*.db"))
        assert copies == ["expertenrat-2026-12-04.db", "expertenrat-2026-12-05.db"]
    finally:
        session.window.close()
        session.close()


def test_a_new_day_with_the_data_unchanged_makes_no_copy_and_no_warning(
    services, qsettings, tmp_path, qtbot
):
    """A window left open over two weeks' holiday made 14 copies alike, and the rotation,
    which keeps the newest 14, dropped every copy from before; and without them the
    Übersicht would warn of a backup too old."""
    folder = tmp_path / "Netzlaufwerk"
    qsettings.setValue(FOLDER_KEY, str(folder))
    days = [FRIDAY]
    daily = DailyBackup(services.daily_backup, qsettings, lambda: days[-1])

    def run(start) -> None:
        start()
        qtbot.waitUntil(lambda: not daily.job.running, timeout=30000)

    run(daily.start)
    for day in range(1, 15):  # the holiday
        days.append(FRIDAY + timedelta(days=day))
        run(daily.new_day)
    assert [p.name for p in folder.iterdir()] == ["expertenrat-2026-12-04.db"]
    assert daily.warning() is None

    services.settings.create_council(CouncilSettings(id=None, name="Beirat", city="Wismar"))
    days.append(FRIDAY + timedelta(days=15))
    run(daily.new_day)
    assert sorted(p.name for p in folder.iterdir()) == [
        "expertenrat-2026-12-04.db",
        "expertenrat-2026-12-19.db",
    ]
