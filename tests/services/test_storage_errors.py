"""Trouble in the environment becomes a German message, for reading and writing alike."""

from __future__ import annotations

import os

import pytest

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ConnectionLostError
from expertenrat.services.change_marker import open_change_feed
from expertenrat.services.settings import SettingsService
from expertenrat.services.unit_of_work import StorageError
from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url, make_engine


def test_a_database_that_went_away_while_reading_is_a_message(tmp_path):
    # A folder where the file should be: SQLite cannot open it, as after a lost share.
    url = database_url(str(tmp_path))
    gone = Database(url=url, engine=make_engine(url))
    try:
        with pytest.raises(StorageError, match="Die Datenbankdatei ist nicht zugänglich"):
            SettingsService(gone, "tester").councils()
    finally:
        gone.close()


def test_a_lost_server_is_named_as_such(tmp_path):
    url = database_url("postgresql+psycopg://nobody@127.0.0.1:1/none")
    gone = Database(url=url, engine=make_engine(url))
    try:
        with pytest.raises(StorageError, match="Verbindung zum Datenbankserver"):
            SettingsService(gone, "tester").councils()
    finally:
        gone.close()


def test_the_change_feed_of_a_server_that_is_down_is_a_lost_connection():
    """The window reopens its change feed every few seconds while the server is away: the
    driver's own error came through unwrapped, and each try showed "Unerwarteter Fehler"
    (found by a tester)."""
    url = database_url("postgresql+psycopg://nobody@127.0.0.1:1/none")
    gone = Database(url=url, engine=make_engine(url))
    try:
        with pytest.raises(ConnectionLostError):
            open_change_feed(gone)
    finally:
        gone.close()


def test_a_server_whose_connection_limit_is_reached_at_work_says_so_not_the_network(
    empty_postgres_url, postgres_admin
):
    """The window's next connection refused by a server at its limit (a city's
    CONNECTION LIMIT for the role): it said "Die Verbindung … ist unterbrochen. Bitte
    prüfen Sie das Netzwerk" (found by a tester)."""
    role = f"rat_voll_{os.getpid()}"
    base = empty_postgres_url.database
    postgres_admin(f"CREATE ROLE {role} LOGIN", f"ALTER DATABASE {base} OWNER TO {role}")
    database = open_database(empty_postgres_url.set(username=role))
    try:
        service = SettingsService(database, "tester")
        service.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
        postgres_admin(f"ALTER ROLE {role} CONNECTION LIMIT 0")
        database.engine.dispose()  # the next work needs a new connection
        with pytest.raises(ConnectionLostError) as reading:
            service.councils()
        with pytest.raises(ConnectionLostError) as saving:
            service.create_council(CouncilSettings(id=None, name="Beirat", city="Rostock"))
        postgres_admin(f"ALTER ROLE {role} CONNECTION LIMIT -1")
        assert [council.name for council in service.councils()] == ["Rat"]  # tried again
    finally:
        database.close()
        postgres_admin(f"DROP DATABASE {base} WITH (FORCE)", f"DROP ROLE {role}")

    full = "Der Datenbankserver nimmt gerade keine weitere Verbindung an: Es sind schon so viele "
    assert reading.value.message.startswith(full)
    assert saving.value.message == (
        f"{full}offen, wie er erlaubt. Ihre Eingaben bleiben erhalten. Bitte versuchen Sie es "
        "in einigen Augenblicken erneut; bleibt es dabei, bitten Sie Ihre IT-Betreuung, die "
        "Grenze zu erhöhen (max_connections oder CONNECTION LIMIT)."
    )
