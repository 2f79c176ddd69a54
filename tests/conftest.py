"""Shared fixtures: databases on SQLite and PostgreSQL, services, a fixed 'today'."""

from __future__ import annotations

import locale
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Qt needs a UTF-8 locale: under LC_ALL=C (as a CI machine may run) it switches to C.UTF-8
# itself but warns, and that Qt warning failed whichever test happened to start Qt first
# in its process. The tests take C.UTF-8 before Qt starts (Python reads and writes UTF-8
# there anyway, in its UTF-8 mode).
if locale.nl_langinfo(locale.CODESET).upper().replace("-", "") != "UTF8":
    os.environ["LC_ALL"] = "C.UTF-8"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

import pytest
from database_templates import (
    RevisionTemplates,
    built_once_per_run,
    database_copy,
    private_name,
)
from hypothesis import HealthCheck, settings
from postgres_cluster import Cluster
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlite_copies import opened_sqlite_copy, sqlite_copy

from expertenrat.store import server_watch
from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

if TYPE_CHECKING:
    from expertenrat.services.demo import DemoSummary

# Property tests check behaviour, not speed: a busy CI machine must not fail them on
# Hypothesis' per-example deadline or its "too slow" health check.
settings.register_profile(
    "expertenrat", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("expertenrat")

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

POSTGRES_ENV = "EXPERTENRAT_TEST_POSTGRES_URL"
TODAY = date(2026, 11, 27)
DEMO_ACTOR = "Frau Schulz"  # who loads the demo of ``demo_database``


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


@pytest.fixture
def quick_watch(monkeypatch) -> None:
    """The watch on a server's connections (store.server_watch) asks a server after half a
    second whether it still answers, and waits 2 seconds for its answer (libpq's least)."""
    monkeypatch.setattr(server_watch, "ANSWER_WAIT_S", 0.5)
    monkeypatch.setattr(server_watch, "PROBE_TIMEOUT_S", 2)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[URL | None]:
    given = os.environ.get(POSTGRES_ENV)
    if given:
        try:
            yield make_url(given)
        finally:
            _dispose_admin_engines()
        return
    cluster = Cluster()
    if not cluster.available:
        yield None
        return
    url = cluster.start()
    try:
        yield make_url(url)
    finally:
        _dispose_admin_engines()
        cluster.stop()


# One engine per server for the superuser's statements, kept for the session: a new one
# per statement connected anew and read the server's settings each time, twice per
# PostgreSQL test (CREATE and DROP of its database). pool_pre_ping: a test that drops
# connections (pg_terminate_backend) or restarts a server costs a reconnect, not an error.
_admin_engines: dict[str, Engine] = {}


def _admin_execute(admin: URL, *statements: str) -> None:
    key = admin.render_as_string(hide_password=False)
    if key not in _admin_engines:
        _admin_engines[key] = create_engine(admin, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with _admin_engines[key].connect() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _statements_as_admin(admin: URL | None) -> Callable[..., None]:
    return lambda *statements: _admin_execute(admin, *statements)


def _dispose_admin_engines() -> None:
    for engine in _admin_engines.values():
        engine.dispose()
    _admin_engines.clear()


@pytest.fixture
def postgres_admin(postgres_admin_url):
    """Run statements as the test server's superuser (e.g. to drop connections)."""
    return _statements_as_admin(postgres_admin_url)


@pytest.fixture(scope="session")
def revision_templates(tmp_path_factory, postgres_admin_url) -> Iterator[RevisionTemplates]:
    """Empty databases migrated to a revision, built once per test process (see
    tests/database_templates.py); :func:`database_at` gives a test its copy of one."""
    templates = RevisionTemplates(
        tmp_path_factory.mktemp("revisions"),
        postgres_admin_url,
        _statements_as_admin(postgres_admin_url),
    )
    try:
        yield templates
    finally:
        templates.drop()


@pytest.fixture(scope="session")
def postgres_template(postgres_admin_url, revision_templates) -> str | None:
    """A migrated database that each PostgreSQL test copies (CREATE DATABASE … TEMPLATE)."""
    if postgres_admin_url is None:
        return None
    return str(revision_templates.template("postgresql", "head"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_at(
    request, tmp_path, postgres_admin_url, revision_templates
) -> Iterator[Callable[[str], URL]]:
    """``database_at("0019")``: the URL of a database of the test's own at revision 0019
    (or "head"), built by the migrations from an empty one, on each backend: a copy of one
    built per test process. A test of one backend only names it:
    ``@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)``."""
    _skip_without_server(request.param, postgres_admin_url)
    with ExitStack() as copies:

        def at(revision: str) -> URL:
            folder = Path(tempfile.mkdtemp(dir=tmp_path))
            return copies.enter_context(revision_templates.copy(request.param, revision, folder))

        yield at


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path, postgres_admin_url) -> Iterator[URL]:
    """The URL of a new, empty database (no schema) on each backend."""
    if request.param == "sqlite":
        yield database_url(str(tmp_path / "expertenrat.db"))
        return
    yield from _empty_postgres_database(postgres_admin_url)


@pytest.fixture
def empty_postgres_url(postgres_admin_url) -> Iterator[URL]:
    """The URL of a new, empty PostgreSQL database (no schema)."""
    yield from _empty_postgres_database(postgres_admin_url)


def _empty_postgres_database(postgres_admin_url: URL | None) -> Iterator[URL]:
    _skip_without_server("postgresql", postgres_admin_url)
    name = private_name()
    _admin_execute(postgres_admin_url, f"CREATE DATABASE {name}")
    try:
        yield postgres_admin_url.set(database=name)
    finally:
        _admin_execute(postgres_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(database_url(str(path))).close()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path, postgres_admin_url) -> Iterator[Database]:
    """A migrated, empty database on each backend."""
    yield from _copied_database(
        request, tmp_path, postgres_admin_url, "_sqlite_template", "postgres_template"
    )


@pytest.fixture(scope="session")
def sqlite_demo_template(request, tmp_path_factory) -> Path:
    """The run's demo as a SQLite file (see ``demo_database``), loaded by one test process
    of the run (built_once_per_run); copy it, never change it."""

    def build() -> str:
        path = tmp_path_factory.mktemp("demo-template") / "demo.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        _load_demo(database_url(str(path)))
        return str(path)

    return Path(built_once_per_run(tmp_path_factory, "sqlite-demo", build))


@pytest.fixture(scope="session")
def _postgres_demo_template(request, tmp_path_factory, postgres_admin_url) -> str:
    def build() -> str:
        name = f"expertenrat_demo_{os.getpid()}"
        template = request.getfixturevalue("postgres_template")
        _admin_execute(
            postgres_admin_url,
            f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
            f"CREATE DATABASE {name} TEMPLATE {template}",
        )
        _load_demo(postgres_admin_url.set(database=name))
        return name

    if os.environ.get(POSTGRES_ENV):  # one server for the run's processes: one demo too
        return built_once_per_run(tmp_path_factory, "postgres-demo", build)
    return build()  # a server of this process's own


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_database(request, tmp_path, postgres_admin_url) -> Iterator[Database]:
    """A database holding the demo (one council, two years, loaded on ``TODAY`` by
    ``DEMO_ACTOR``) on each backend: a copy of one load per test run."""
    yield from _copied_database(
        request, tmp_path, postgres_admin_url, "sqlite_demo_template", "_postgres_demo_template"
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_builder(
    request, tmp_path_factory, postgres_admin_url
) -> Iterator[Callable[..., tuple[Database, DemoSummary]]]:
    """Build a demo of another size on each backend: ``demo_builder(councils=3, years=2)``
    gives a database holding it and the load's summary. Each size is built once per test
    module (on ``TODAY`` by ``DEMO_ACTOR``) into a database of its own: only read it."""
    from expertenrat.services.demo import DemoService

    built: dict[tuple[int, int], tuple[Database, DemoSummary]] = {}
    with ExitStack() as databases:

        def build(*, councils: int = 1, years: int = 2):
            if (councils, years) not in built:
                db = databases.enter_context(
                    contextmanager(_copied_database)(
                        request,
                        tmp_path_factory.mktemp("demo-build"),
                        postgres_admin_url,
                        "_sqlite_template",
                        "postgres_template",
                    )
                )
                summary = DemoService(db, DEMO_ACTOR).load(TODAY, councils=councils, years=years)
                built[councils, years] = db, summary
            return built[councils, years]

        yield build


def _load_demo(url: URL) -> None:
    from expertenrat.services.demo import DemoService

    db = open_database(url)
    try:
        DemoService(db, DEMO_ACTOR).load(TODAY)
    finally:
        db.close()


def _copied_database(
    request, tmp_path, postgres_admin_url, sqlite_template: str, postgres_template: str
) -> Iterator[Database]:
    """A copy of the template (the fixtures named) of the backend ``request.param``."""
    backend = request.param
    _skip_without_server(backend, postgres_admin_url)
    template = request.getfixturevalue(
        sqlite_template if backend == "sqlite" else postgres_template
    )
    with database_copy(
        backend,
        template,
        tmp_path,
        postgres_admin_url,
        _statements_as_admin(postgres_admin_url),
    ) as url:
        db = open_database(url)
        try:
            yield db
        finally:
            db.close()


def _skip_without_server(backend: str, postgres_admin_url: URL | None) -> None:
    if backend == "postgresql" and postgres_admin_url is None:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ENV} unset, no initdb found)")


@pytest.fixture
def demo_file(tmp_path, sqlite_demo_template) -> Path:
    """A SQLite file holding the session's demo, ``expertenrat.db`` in the test's folder:
    for tests of the command line and of opening files."""
    return sqlite_copy(sqlite_demo_template, tmp_path)


@pytest.fixture
def migrated_file(tmp_path, _sqlite_template) -> Path:
    """An empty, migrated SQLite file ``expertenrat.db`` in the test's folder."""
    return sqlite_copy(_sqlite_template, tmp_path)


@pytest.fixture
def sqlite_database(tmp_path, _sqlite_template) -> Iterator[Database]:
    """A migrated SQLite database, for tests that are about the UI, not the backend."""
    with opened_sqlite_copy(_sqlite_template, tmp_path) as db:
        yield db


@pytest.fixture
def sqlite_demo_database(tmp_path, sqlite_demo_template) -> Iterator[Database]:
    """A SQLite copy of the session's demo (see ``demo_database``), for UI tests."""
    with opened_sqlite_copy(sqlite_demo_template, tmp_path) as db:
        yield db


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


@pytest.fixture
def today() -> date:
    return TODAY
