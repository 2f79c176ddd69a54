"""The server password in the OS keyring, and a PC without any keyring."""

from __future__ import annotations

import keyring
import pytest
from memory_keyring import MemoryKeyring
from sqlalchemy.engine import make_url

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import server_password
from expertenrat.store.database_location import chosen_url, location_file, store_address
from expertenrat.store.engine import database_url

URL = make_url("postgresql+psycopg://expertenrat@server.example:5432/rat")


def test_without_a_keyring_nothing_is_stored_and_nothing_fails():
    assert not server_password.keyring_available()
    assert server_password.save_password(URL, "geheim") is False
    assert server_password.load_password(URL) is None
    assert chosen_url(URL.render_as_string(False)).password is None


def test_the_stored_address_gets_the_keyrings_password(monkeypatch):
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        assert server_password.save_password(URL.set(password="x"), "gehe1m&<")
        store_address(URL.set(password="gehe1m&<"))
        chosen = chosen_url(None)
        assert chosen.password == "gehe1m&<"
        assert chosen.host == "server.example" and chosen.database == "rat"
        assert all("gehe1m" not in value for value in memory.secrets)
    finally:
        keyring.set_keyring(previous)


def test_a_password_given_as_an_option_is_neither_stored_nor_named_nor_shown():
    """libpq takes the password as ``?password=…`` too (and the client key's as
    ``sslpassword``): the address stored for this PC and the keyring's name for it held it
    in plain text (found by a tester)."""
    given = "postgresql://rat@server.example/rat?sslpassword=Schl%C3%BCssel&password=gehe1m"
    url = database_url(f"{given}&sslmode=verify-full")
    store_address(url)
    stored = location_file().read_text("utf-8")
    named = server_password.account(url)
    assert "sslmode=verify-full" in stored and "sslmode=verify-full" in named
    assert not any(secret in text for secret in ("gehe1m", "Schl") for text in (stored, named))

    unusable = f"{given.replace('example/', 'example:port/')}"
    with pytest.raises(DatabaseUnusableError) as refused:
        database_url(unusable)
    assert "gehe1m" not in refused.value.message and "Schl" not in refused.value.message
    assert "?sslpassword=***&password=***“" in refused.value.message
