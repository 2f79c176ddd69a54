"""The tests' settings (Qt offscreen, a UTF-8 locale, patient waits, Hypothesis without
deadlines), each test's own home folder. The database fixtures and a fixed 'today' are
plugins in tests/fixtures/ (``pytest_plugins`` below)."""

from __future__ import annotations

import gc
import locale
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Qt needs a UTF-8 locale: under LC_ALL=C (as a CI machine may run) it switches to C.UTF-8
# itself but warns, and that Qt warning failed whichever test happened to start Qt first
# in its process. The tests take C.UTF-8 before Qt starts (Python reads and writes UTF-8
# there anyway, in its UTF-8 mode).
if locale.nl_langinfo(locale.CODESET).upper().replace("-", "") != "UTF8":
    os.environ["LC_ALL"] = "C.UTF-8"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

import pytest
from hypothesis import HealthCheck, settings
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

pytest_plugins = [
    "fixtures.postgres_server",
    "fixtures.databases",
    "fixtures.demo_databases",
]

# Property tests check behaviour, not speed: a busy CI machine must not fail them on
# Hypothesis' per-example deadline or its "too slow" health check.
settings.register_profile(
    "expertenrat", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("expertenrat")

# The garbage collector's full passes walked every object the run holds (the modules, the
# Qt wrappers, the demo's rows), some 500,000, ten times a second in the UI tests: ~12 % of
# their time. Collected less often, the tests take ~5 % less; cycles still go, just later.
gc.set_threshold(20_000, 20, 20)

# pytest-qt's waits end as soon as what they wait for has happened; their timeout only ends
# a wait that would never end. Its default, 5 s, is too short for a busy CI machine (a read
# in a worker thread, a layout after a resize): the waits that name no timeout take 30 s,
# as the tests' own WAIT.
QT_WAIT_MS = 30_000
for _wait in (
    "waitUntil",
    "waitSignal",
    "waitSignals",
    "waitCallback",
    "waitActive",
):
    getattr(QtBot, _wait).__kwdefaults__["timeout"] = QT_WAIT_MS


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch) -> None:
    """Keep QSettings, logs and the default database out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # Qt reads XDG_CONFIG_HOME for QSettings once per process: told anew, so that each test
    # has this PC's settings (a chosen backup folder, a window's layout) to itself.
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(home / "config"))
    monkeypatch.delenv("EXPERTENRAT_DATABASE_URL", raising=False)
    # No test reads or writes the keyring of the machine it runs on.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture(autouse=True)
def _leftover_windows_deleted() -> Iterator[None]:
    """After each test (its fixtures closed their windows first: this one is torn down
    last), the top-level widgets it left are deleted. Closed, they stayed with their pages,
    models and timers until the garbage collector found their signal cycles: up to some
    twenty main windows and a thousand dialogs at once, which every later test's event
    processing and collection walked (the UI tests took ~10 % longer)."""
    yield
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def log_file(tmp_path) -> Iterator[Path]:
    """The program's log file, set up in ``tmp_path`` and taken down after the test."""
    from expertenrat.logs import setup_logging

    path = setup_logging(tmp_path / "expertenrat.log")
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most Linux logins have, 022: a file written without care is readable by
    every user of the PC (the tests' own may be stricter, and hide that)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture(scope="session")
def bound_by_file_modes() -> list[str]:
    """A command prefix that makes a process obey file modes, as an office user does.

    Empty when the tests do not run as root. As root (CI), the process stays root but
    loses the capabilities that override file modes, so a folder or file without a write
    bit stops it.
    """
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv (util-linux) is missing")
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root and capabilities cannot be dropped here")
    return prefix
