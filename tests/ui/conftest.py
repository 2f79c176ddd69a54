"""UI fixtures: a dialog service that answers like a user, a main window on a real database."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator

import keyring
import pytest
import shiboken6
from abbrechen import Abbrechen
from dark_palettes import DARK, HIGH_CONTRAST, palette_of
from memory_keyring import MemoryKeyring
from minutes_rows import held_meeting
from postgres_cluster import Cluster
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from scripted_dialogs import ScriptedDialogs
from sqlalchemy.engine import make_url

from expertenrat.app import Session
from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.ui.app_style import apply_style_sheet
from expertenrat.ui.main_window import MainWindow
from expertenrat.ui.worker import POLL_MS, THREAD_NAME


@pytest.fixture(autouse=True)
def _no_window_left_open() -> Iterator[None]:
    """Close what a test left open: a dialog opened with ``open()`` outlives its test until
    its parent is deleted, and a window-modal one left over would hold back the next test's
    refresh (``MainWindow.refresh_when_safe`` waits while a dialog is open). A dialog
    with typed input refuses to close (it asks first): it is hidden without asking.

    The garbage collector waits while Qt's list of windows becomes Python objects and
    they are closed: a collection in the middle of it could delete a listed dialog that
    only a reference cycle kept, and the next wrapper would read freed memory (a crash of
    the whole test process here, seen once in CI). A full collection per test instead
    would cost a quarter of a second each."""
    yield
    if QApplication.instance() is None:
        return
    gc.disable()
    try:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
            if widget.isVisible():
                widget.hide()
    finally:
        gc.enable()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item) -> Iterator[None]:
    """Before pytest-qt closes the test's widgets, the reads they started on their own in
    daemon worker threads end (the minutes' checklist a moment after they show, a change
    poll): on a busy machine one may still run when the test is done, and the test cannot
    know of it. The work a test starts itself (no daemon: exports, saves, imports) it must
    wait for: ``_no_job_left_running`` fails it otherwise."""
    if QApplication.instance() is not None and _daemon_reads():
        deadline = time.monotonic() + 60
        while _daemon_reads() and time.monotonic() < deadline:
            QTest.qWait(20)
        QTest.qWait(2 * POLL_MS)  # their outcomes reach the widgets before these close
    yield


def _daemon_reads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME and t.daemon]


@pytest.fixture(autouse=True)
def _no_job_left_running() -> Iterator[None]:
    """Fail a test that ends while a job it started (no daemon) still runs: it must wait
    for its job. A daemon read may start on its own up to the end (a change poll's timer
    firing while the teardown lets events run): it is waited for, not held against the
    test."""
    yield
    left = [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()]
    for thread in left:  # let it end here rather than in the next test or at shutdown
        thread.join(10)
    own = [t for t in left if not t.daemon]
    if own:
        pytest.fail(f"the test left {len(own)} worker thread(s) running; wait for the job")


@pytest.fixture
def finish_job(qtbot) -> Callable[[object], None]:
    """Wait until the background job of ``owner`` (its ``job`` attribute) has ended."""

    def wait(owner) -> None:
        qtbot.waitUntil(lambda: owner.job is not None and not owner.job.running, timeout=60_000)

    return wait


@pytest.fixture
def abbrechen(monkeypatch) -> Abbrechen:
    """Press "Abbrechen" before a job's work gets going (see ``tests/ui/abbrechen.py``)."""
    return Abbrechen(monkeypatch)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def services(sqlite_database) -> Services:
    return Services.create(sqlite_database, "tester")


@pytest.fixture
def demo_services(sqlite_demo_database) -> Services:
    """Services on a copy of the demo council (a test module uses it as ``services``)."""
    return Services.create(sqlite_demo_database, "tester")


@pytest.fixture
def qsettings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app_style_sheet(qapp) -> Iterator[None]:
    """The app's style sheet (sidebar, page titles …) on the application, as the app sets
    it; ask for it before the window is made (the sidebar measures its labels then)."""
    apply_style_sheet(qapp)
    yield
    qapp.setStyleSheet("")


def _palette_set(qapp, colours) -> Iterator[QPalette]:
    before = qapp.palette()
    palette = palette_of(colours)
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


@pytest.fixture
def dark_palette(qapp) -> Iterator[QPalette]:
    """Windows in dark mode: the application's palette, the light one back afterwards."""
    yield from _palette_set(qapp, DARK)


@pytest.fixture
def high_contrast_palette(qapp) -> Iterator[QPalette]:
    """A Windows high-contrast theme (black, white, yellow) as the application's palette."""
    yield from _palette_set(qapp, HIGH_CONTRAST)


@pytest.fixture
def make_window(qtbot, services, dialogs, qsettings, tmp_path, today):
    def make() -> MainWindow:
        window = MainWindow(qsettings, tmp_path / "log.txt", lambda: today)
        qtbot.addWidget(window)
        window.attach(services, dialogs)
        return window

    return make


@pytest.fixture
def session(qtbot, qsettings, tmp_path) -> Iterator[Session]:
    """The GUI as the program starts it: a window, no database yet (``open_or_explain``)."""
    # Neither kept here nor given to qtbot, which would close it at the end: a switch to
    # another database deletes it (a test may still hold its wrapper).
    opened = Session(MainWindow(qsettings, tmp_path / "log.txt"))
    yield opened
    if shiboken6.isValid(opened.window):
        opened.window.close()
    # close() waits for the change poll and the look for unsaved minutes only a moment (at
    # exit, for a server that hangs); on a busy machine they may take longer: not left
    # running into the next test.
    watches = opened.watches
    if watches is not None and watches.change_watch is not None:
        watches.change_watch.stop(wait_s=60)
    if watches is not None and watches.recovery_check is not None:
        watches.recovery_check.join(60)
    opened.close()


@pytest.fixture
def council_id(services) -> int:
    """A new council "Expert*innenrat" of Rostock with the standard action fields (test
    files whose council needs members define their own)."""
    return services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    ).id


@pytest.fixture
def held_in_rostock(services, today):
    """A held meeting with minutes (``minutes_rows.held_meeting``) of a new Rostock council."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    return held_meeting(services.database, council.id, field, today)


@pytest.fixture
def other_program(services) -> Iterator[Services]:
    """Services of another program (or PC) on the same database file as ``services``."""
    database = open_database(services.database.url)
    yield Services.create(database, "anderes Programm")
    database.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A keyring in memory in place of the system's for the test (there is none in CI)."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def own_server():
    """A PostgreSQL cluster of this test alone: it is stopped and started again."""
    cluster = Cluster()
    if not cluster.available:
        pytest.skip("no PostgreSQL server programs (initdb) found")
    url = make_url(cluster.start()).update_query_dict({"connect_timeout": "2"})
    try:
        yield cluster, url
    finally:
        cluster.stop()


@pytest.fixture
def announced(monkeypatch) -> list[str]:
    """What a screen reader was told to say at once (Orca's announcements)."""
    said: list[str] = []

    def update(event) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return said
