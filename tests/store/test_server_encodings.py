"""A city's server database in another encoding than UTF8 (LATIN1, SQL_ASCII) is refused
with a German reason before any table is made in it; the texts travel as UTF-8 whatever
the database's encoding or ``PGCLIENTENCODING`` says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from database_templates import private_name
from fixtures.postgres_server import admin_execute, skip_without_server
from sqlalchemy import inspect, select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import DatabaseUnusableError, StorageError
from expertenrat.services.settings import SettingsService
from expertenrat.store import migrate, models
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import make_engine

WORDS = "Stadtentwicklung – Ärger über 5 € · Łódź · 🚲 …"


@pytest.fixture
def encoded_database(request, postgres_admin_url) -> Iterator:
    """An empty database in the encoding ``request.param``, as a DBA may make it."""
    skip_without_server("postgresql", postgres_admin_url)
    name = private_name()
    admin_execute(
        postgres_admin_url,
        f"CREATE DATABASE {name} ENCODING '{request.param}' LC_COLLATE 'C' LC_CTYPE 'C' "
        "TEMPLATE template0",
    )
    try:
        yield postgres_admin_url.set(database=name)
    finally:
        admin_execute(postgres_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.parametrize("encoded_database", ["LATIN1", "SQL_ASCII"], indirect=True)
def test_a_database_not_in_utf8_is_refused_and_left_empty(encoded_database):
    with pytest.raises(DatabaseUnusableError) as refused:
        open_database(encoded_database, create=Create.NOW)

    encoding = "LATIN1" if "LATIN1" in refused.value.message else "SQL_ASCII"
    assert f"in der Zeichenkodierung {encoding} angelegt" in refused.value.message
    assert f'CREATE DATABASE "{encoded_database.database}" OWNER "postgres" ENCODING \'UTF8\'' in (
        refused.value.message
    )
    engine = make_engine(encoded_database)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def test_texts_travel_as_utf8_whatever_pgclientencoding_says(empty_postgres_url, monkeypatch):
    monkeypatch.setenv("PGCLIENTENCODING", "LATIN1")  # as set on some Windows PCs
    database = open_database(empty_postgres_url, create=Create.NOW)
    try:
        with database.transaction() as session:
            session.add(models.Council(name=WORDS, city="Łódź"))
        with database.reading() as session:
            assert session.scalar(select(models.Council.name)) == WORDS
    finally:
        database.close()


@pytest.mark.parametrize("encoded_database", ["WIN1252"], indirect=True)
def test_a_database_made_earlier_in_another_encoding_refuses_a_character_in_german(
    encoded_database,
):
    """A Windows server's database in WIN1252, made before Expertenrat refused such ones:
    it opens, holds "€" and umlauts, and a character it cannot hold is said to be one."""
    migrate.create(encoded_database)  # as an earlier version made it
    database = open_database(encoded_database)
    try:
        service = SettingsService(database, "tester")
        service.create_council(CouncilSettings(id=None, name="Rat für 5 €", city="Rostock"))
        with pytest.raises(StorageError) as caught:
            service.create_council(CouncilSettings(id=None, name="Rat", city="Łódź"))
        names = [council.name for council in service.councils()]
    finally:
        database.close()

    assert caught.value.message == (
        "Die Datenbank kann ein Zeichen der Eingabe nicht speichern (etwa „Ł“ oder ein "
        "Emoji), weil sie nicht in der Zeichenkodierung UTF8 angelegt ist. Bitte lassen Sie "
        "das Zeichen weg. Ihre IT-Betreuung kann die Daten in eine neue Datenbank in UTF8 "
        "bringen: eine Sicherung anlegen und dort wiederherstellen. Es wurde nichts "
        "gespeichert."
    )
    assert names == ["Rat für 5 €"]


@pytest.mark.parametrize("encoded_database", ["LATIN1"], indirect=True)
def test_a_shared_database_not_in_utf8_is_not_advised_to_be_dropped(encoded_database):
    # A city's database in WIN1252/LATIN1 that other programs use, their tables in a
    # schema of their own: the refusal must not tell the IT to drop it.
    admin_execute(encoded_database, "CREATE SCHEMA fachverfahren")
    admin_execute(encoded_database, "CREATE TABLE fachverfahren.akten (id integer)")

    with pytest.raises(DatabaseUnusableError) as refused:
        open_database(encoded_database, create=Create.NOW)

    message = refused.value.message
    assert "in der Zeichenkodierung LATIN1 angelegt" in message
    assert "DROP DATABASE" not in message
    assert "darf nicht gelöscht werden" in message
    assert "CREATE DATABASE expertenrat OWNER \"postgres\" ENCODING 'UTF8'" in message
