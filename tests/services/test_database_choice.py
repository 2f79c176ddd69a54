"""The start page's questions about the chosen database, through the services."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from expertenrat.paths import default_database_file
from expertenrat.services import database_choice
from expertenrat.store.database_location import store_address

SERVER = "postgresql+psycopg://rat@server.example:5432/expertenrat"


def test_a_typed_url_is_a_server_s_and_kept_as_it_is():
    url = make_url(SERVER).set(password="geheim")
    assert database_choice.is_server(url)
    assert not database_choice.is_default_file(url)
    assert database_choice.address_of(url) is url


def test_without_a_choice_the_stored_address_or_the_default_file_counts(tmp_path):
    assert database_choice.is_default_file(None) and not database_choice.is_server(None)
    assert database_choice.default_file() == str(default_database_file())
    store_address(make_url(SERVER))
    assert database_choice.is_server(None) and not database_choice.is_default_file(None)
    assert database_choice.address_of(None).host == "server.example"
    other = str(tmp_path / "anders.db")
    assert not database_choice.is_server(other) and not database_choice.is_default_file(other)
    assert database_choice.address_of(other).database == other
