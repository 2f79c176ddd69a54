"""Trouble in the environment becomes a German message, for reading and writing alike."""

from __future__ import annotations

import pytest

from expertenrat.domain.errors import ConnectionLostError
from expertenrat.services.change_marker import open_change_feed
from expertenrat.services.settings import SettingsService
from expertenrat.services.unit_of_work import StorageError
from expertenrat.store.database import Database
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
