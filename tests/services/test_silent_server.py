"""A server that hangs (its processes stopped, its virtual machine paused) or a network
that breaks without a word: the work waiting for it ends after seconds with "Der
Datenbankserver antwortet nicht" (input kept, retried like a lost connection), instead of
a window or a command that waits for ever. Long work on a server that answers is never cut
off. The watch's times are shortened here (``quick_watch``); the program's: 4 s, then
8 s for the server to answer a new connection. The window: ui/test_silent_server_window."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from postgres_cluster import Cluster
from silent_server import SilentRelay, silenced
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ConnectionLostError
from expertenrat.services.backup import BackupService
from expertenrat.services.context import Services
from expertenrat.store import migrate, server_watch
from expertenrat.store.backup_format import BackupError
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import make_engine
from expertenrat.store.work_problems import SERVER_SILENT as SERVER_SILENT_AT_WORK


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[Cluster, URL]]:
    """A cluster of these tests alone: they stop its processes."""
    cluster = Cluster()
    if not cluster.available:
        pytest.skip("no PostgreSQL server programs (initdb) found")
    url = make_url(cluster.start()).update_query_dict({"connect_timeout": "2"})
    try:
        migrate.upgrade(url)
        yield cluster, url
    finally:
        cluster.stop()


@contextmanager
def services_on(url: URL) -> Iterator[tuple[Services, int]]:
    database = open_database(url)
    try:
        services = Services.create(database, "Frau Schulz")
        council = services.settings.create_council(
            CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
        )
        yield services, council.id
    finally:
        database.close()


def test_a_read_on_a_server_that_hangs_ends_with_a_german_message(cluster, quick_watch):
    server, url = cluster
    with services_on(url) as (services, council_id):
        with silenced(server.pause, server.carry_on), pytest.raises(ConnectionLostError) as caught:
            services.settings.settings(council_id)

        assert caught.value.message == SERVER_SILENT_AT_WORK  # a read: no input to keep
        assert services.settings.settings(council_id).name == "Expert*innenrat"  # back again


def test_a_statement_sent_to_a_server_that_hangs_is_ended(cluster, quick_watch):
    """A statement already on its way, on a connection already open (no new connection
    that its connect_timeout would end)."""
    server, url = cluster
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            with (
                silenced(server.pause, server.carry_on),
                pytest.raises(server_watch.ServerSilentError),
            ):
                connection.execute(text("SELECT 2"))
    finally:
        database.close()


@pytest.fixture
def relay(cluster) -> Iterator[SilentRelay]:
    relay = SilentRelay(cluster[1].port)
    yield relay
    relay.close()


def test_a_network_that_breaks_without_a_word_ends_the_read_with_a_german_message(
    cluster, relay, quick_watch
):
    url = cluster[1].set(port=relay.port)
    with (
        services_on(url) as (services, council_id),
        silenced(relay.break_down, relay.close),
        pytest.raises(ConnectionLostError) as caught,
    ):
        services.settings.settings(council_id)

    assert caught.value.message == SERVER_SILENT_AT_WORK  # a read: no input to keep


def test_a_backup_from_a_server_that_hangs_ends_with_a_german_message(
    cluster, quick_watch, tmp_path
):
    server, url = cluster
    database = open_database(url)
    target = tmp_path / "sicherung.zip"
    try:
        with silenced(server.pause, server.carry_on), pytest.raises(BackupError) as caught:
            BackupService(database).backup(target)
    finally:
        database.close()

    assert (
        caught.value.message == f"Die Sicherung kann nicht angelegt werden. {SERVER_SILENT_AT_WORK}"
    )
    assert not target.exists()


def test_long_work_on_a_server_that_answers_is_not_cut_off(cluster, quick_watch):
    """The watch asks the server several times meanwhile; it answers, so the work goes on."""
    _server, url = cluster
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT pg_sleep(3), 7")).one()[1] == 7
    finally:
        database.close()


def test_long_work_on_a_server_that_refuses_new_connections_is_not_cut_off(cluster, quick_watch):
    """A server that refuses the watch's question (too many connections, a password
    changed meanwhile, its database closed to new connections) answers: it is busy, not
    hung. libpq gives such a refusal at connect no SQLSTATE."""
    _server, url = cluster
    admin = make_engine(url)
    engine = make_engine(url.set(database="refusing"))
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("CREATE DATABASE refusing"))
            with engine.connect() as working:
                connection.execute(text("ALTER DATABASE refusing ALLOW_CONNECTIONS false"))
                assert working.execute(text("SELECT pg_sleep(3), 7")).one()[1] == 7
    finally:
        engine.dispose()
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("DROP DATABASE IF EXISTS refusing WITH (FORCE)"))
        admin.dispose()
