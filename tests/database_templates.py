"""Databases built once per test process (or run) and copied for each test that needs one:
a SQLite file copied, a PostgreSQL database copied by ``CREATE DATABASE … TEMPLATE``.

:class:`RevisionTemplates` keeps empty databases migrated to a revision: the tests of a
migration start from a copy of the database at the revision before it, instead of running
every migration before it from an empty database each time. A revision asked for first is
migrated from the nearest one below it already built (an empty database for none): the
migrations run once per process and backend, not once per test.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from migration_scripts import script_directory
from sqlalchemy.engine import URL
from sqlite_copies import FILE_NAME, sqlite_copy

from expertenrat.store import migrate, schema_revisions
from expertenrat.store.engine import database_url

AdminExecute = Callable[..., None]  # runs statements as the server's superuser
_names = itertools.count()


def private_name(kind: str = "test") -> str:
    """A PostgreSQL database name no other test (nor test process) uses."""
    return f"expertenrat_{kind}_{os.getpid()}_{next(_names)}"


def built_once_per_run(
    tmp_path_factory: pytest.TempPathFactory, key: str, build: Callable[[], str]
) -> str:
    """What ``build()`` gives (a file's path, a database's name), built by one test process of
    the run: under pytest-xdist the first worker to ask builds it while the others wait for
    it (a file lock in the run's temporary folder, shared by its workers, as pytest-xdist
    advises for session fixtures), then reads what it wrote; a process alone builds it.

    For what every worker would build alike (the demo: the same data on every load).
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return build()
    run_folder = tmp_path_factory.getbasetemp().parent
    built = run_folder / f"{key}.built"
    with (run_folder / f"{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released as the file closes
        if built.exists():
            return built.read_text("utf-8")
        result = build()
        built.write_text(result, "utf-8")
        return result


@contextmanager
def database_copy(
    backend: str,
    template: Path | str,
    folder: Path,
    admin_url: URL | None,
    admin_execute: AdminExecute,
) -> Iterator[URL]:
    """A copy of ``template`` (a SQLite file, or a PostgreSQL database's name) for the
    block: ``expertenrat.db`` in ``folder``, or a database on the server, dropped after it."""
    if backend == "sqlite":
        yield database_url(str(sqlite_copy(Path(template), folder)))
        return
    assert admin_url is not None
    name = private_name()
    admin_execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield admin_url.set(database=name)
    finally:
        admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class RevisionTemplates:
    """Empty databases migrated to a revision, built when first asked for and kept for the
    test process: copy them (:meth:`copy`), never change them."""

    def __init__(self, folder: Path, admin_url: URL | None, admin_execute: AdminExecute):
        self._folder = folder
        self._admin_url = admin_url
        self._admin_execute = admin_execute
        self._built: dict[tuple[str, str], Path | str] = {}

    def template(self, backend: str, revision: str) -> Path | str:
        """The database at ``revision`` ("head" too) on ``backend``: a SQLite file's path,
        or a PostgreSQL database's name."""
        if revision == "head":
            revision = schema_revisions.head_revision()
        if (backend, revision) not in self._built:
            below = self._nearest_built_below(backend, revision)
            url = self._new(backend, revision, below)
            migrate.upgrade(url, revision)
            self._built[backend, revision] = (
                Path(url.database) if backend == "sqlite" else str(url.database)
            )
        return self._built[backend, revision]

    @contextmanager
    def copy(self, backend: str, revision: str, folder: Path) -> Iterator[URL]:
        """A copy of the database at ``revision`` for the block (see :func:`database_copy`)."""
        template = self.template(backend, revision)
        with database_copy(backend, template, folder, self._admin_url, self._admin_execute) as url:
            yield url

    def drop(self) -> None:
        """Drop the PostgreSQL templates (the SQLite ones go with the temporary folder)."""
        for (backend, _revision), template in self._built.items():
            if backend == "postgresql":
                self._admin_execute(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)")
        self._built.clear()

    def _nearest_built_below(self, backend: str, revision: str) -> Path | str | None:
        for script in script_directory().iterate_revisions(revision, "base"):
            if (backend, script.revision) in self._built:
                return self._built[backend, script.revision]
        return None

    def _new(self, backend: str, revision: str, start: Path | str | None) -> URL:
        """A new database to become the template of ``revision``: a copy of ``start``, or
        empty for None."""
        if backend == "sqlite":
            folder = Path(tempfile.mkdtemp(prefix=f"at-{revision}-", dir=self._folder))
            path = folder / FILE_NAME if start is None else sqlite_copy(Path(start), folder)
            return database_url(str(path))
        assert self._admin_url is not None
        name = f"expertenrat_template_{os.getpid()}_{revision}"
        copied = "" if start is None else f" TEMPLATE {start}"
        self._admin_execute(
            f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}{copied}"
        )
        return self._admin_url.set(database=name)
