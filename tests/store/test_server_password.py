"""The server password in the OS keyring, and a PC without any keyring."""

from __future__ import annotations

import keyring
from memory_keyring import MemoryKeyring
from sqlalchemy.engine import make_url

from expertenrat.store import server_password
from expertenrat.store.database_location import chosen_url, store_address

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
