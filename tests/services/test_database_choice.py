"""The start page's questions about the chosen database, through the services."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from expertenrat.paths import default_database_file
from expertenrat.services import database_choice
from expertenrat.store.database_location import store_address, stored_address

SERVER = "postgresql+psycopg://rat@server.example:5432/expertenrat"


def test_a_typed_url_is_a_server_s_and_kept_as_it_is():
    url = make_url(SERVER).set(password="geheim")
    assert database_choice.is_server(url)
    assert not database_choice.is_default_file(url)
    assert database_choice.address_of(url) is url


def test_a_server_typed_field_by_field_is_the_address_its_url_names():
    typed = database_choice.server_address(
        host="server.example", port=5432, database="expertenrat", username="rat", password=None
    )
    assert typed == make_url(SERVER)
    assert database_choice.is_server(typed)
    database_choice.remember(typed)
    assert stored_address() == SERVER


def test_without_a_choice_the_stored_address_or_the_default_file_counts(tmp_path):
    assert database_choice.is_default_file(None) and not database_choice.is_server(None)
    assert database_choice.default_file() == str(default_database_file())
    store_address(make_url(SERVER))
    assert database_choice.is_server(None) and not database_choice.is_default_file(None)
    assert database_choice.address_of(None).host == "server.example"
    other = str(tmp_path / "anders.db")
    assert not database_choice.is_server(other) and not database_choice.is_default_file(other)
    assert database_choice.address_of(other).database == other


def test_remembering_stores_a_server_without_its_password_and_the_default_file_as_none(tmp_path):
    # No keyring in the tests: a password that came with the address is asked at each start.
    assert database_choice.remember(make_url(SERVER).set(password="geheim"), keep_password=True)
    assert stored_address() == SERVER
    assert not database_choice.remember(make_url(SERVER))  # no password, none to ask
    other = str(tmp_path / "anders.db")
    assert not database_choice.remember(other) and stored_address() == other
    database_choice.remember(database_choice.default_file())
    assert stored_address() is None
