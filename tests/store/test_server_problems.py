"""A server that cannot be used is refused with a German reason; the driver's own
(English) text stays out of the message, and only a cause not recognised carries it as
the error's detail."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import create_engine, exc
from sqlalchemy.engine import make_url

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store.database_opening import open_database
from expertenrat.store.server_problems import server_problem

CLOSED = "postgresql+psycopg://rat@127.0.0.1:1/expertenrat"  # nothing listens there


@pytest.fixture
def server_url(postgres_admin_url):
    if postgres_admin_url is None:
        pytest.skip("no PostgreSQL server")
    return postgres_admin_url


def _refusal(url) -> DatabaseUnusableError:
    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url)
    return caught.value


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A port that takes connections at the TCP level and says nothing."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        yield sock


def test_a_closed_port_says_no_server_takes_connections_there(caplog):
    caplog.set_level(logging.INFO)
    error = _refusal(make_url(CLOSED))

    assert error.message == (
        "Der Datenbankserver „postgresql://rat@127.0.0.1:1/expertenrat“ ist nicht erreichbar: "
        "Unter dieser Adresse nimmt kein Datenbankserver Verbindungen an. Bitte prüfen Sie, ob "
        "der Server läuft und ob Server und Port stimmen."
    )
    assert error.detail == ""
    assert "Connection refused" in caplog.text  # the original, for the IT


def test_an_unknown_database_on_the_server_is_named(server_url):
    error = _refusal(server_url.set(database="gibt_es_nicht"))

    assert "ist erreichbar, aber die Datenbank „gibt_es_nicht“ gibt es dort nicht" in (
        error.message
    )
    assert "does not exist" not in error.message and error.detail == ""


def test_an_unknown_user_is_named(server_url):
    error = _refusal(server_url.set(username="niemand_hier", password="geheim"))

    assert "hat die Anmeldung abgelehnt: Den Benutzer „niemand_hier“ gibt es dort nicht" in (
        error.message
    )
    assert "geheim" not in error.message and "nicht erreichbar" not in error.message


def test_an_address_without_a_user_names_pguser_else_the_user_of_the_operating_system(
    server_url, monkeypatch
):
    monkeypatch.setenv("PGUSER", "niemand_hier")  # what libpq takes, else the system's user
    without_user = server_url._replace(username=None)  # set() keeps a None's old value

    error = _refusal(without_user)

    assert "hat die Anmeldung abgelehnt: Den Benutzer „niemand_hier“ gibt es dort nicht" in (
        error.message
    )
    monkeypatch.delenv("PGUSER")
    refused = exc.OperationalError(
        "connect", {}, psycopg.OperationalError('FATAL:  role "anna" does not exist')
    )
    assert "Den angemeldeten Benutzer des Betriebssystems gibt es dort nicht" in (
        server_problem(refused, without_user, "db").message
    )


def test_a_server_s_connection_limit_reached_is_named_with_what_helps(server_url, postgres_admin):
    """A city's server limits the connections of each role (or all of them): a PC that
    finds them used up is told so, not given the server's English words."""
    role = f"rat_voll_{os.getpid()}"
    postgres_admin(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 0")
    try:
        error = _refusal(server_url.set(username=role))
    finally:
        postgres_admin(f"DROP ROLE {role}")

    assert "nimmt gerade keine weitere Verbindung an: Es sind schon so viele offen" in (
        error.message
    )
    assert "(max_connections oder CONNECTION LIMIT)" in error.message
    assert error.detail == ""


def test_a_user_without_the_connect_right_is_told_the_grant_and_that_helps(
    empty_postgres_url, postgres_admin
):
    """A DBA's usual hardening, REVOKE CONNECT ON DATABASE … FROM PUBLIC, then the grant
    for the role forgotten."""
    role = f"Rat-Gast_{os.getpid()}"
    base = empty_postgres_url.database
    postgres_admin(f'CREATE ROLE "{role}" LOGIN', f"REVOKE CONNECT ON DATABASE {base} FROM PUBLIC")
    url = empty_postgres_url.set(username=role)
    try:
        error = _refusal(url)
        postgres_admin(error.message.split("es ihm zu erlauben: ", 1)[1])
        engine = create_engine(url)
        try:
            engine.connect().close()  # the advice helped
        finally:
            engine.dispose()
    finally:
        postgres_admin(f'REVOKE ALL ON DATABASE {base} FROM "{role}"', f'DROP ROLE "{role}"')

    assert error.message == (
        f"Der Datenbankserver „postgresql://{role}@{url.host}:{url.port}/{base}“ hat die "
        f"Anmeldung abgelehnt: Der Benutzer „{role}“ darf sich mit der Datenbank „{base}“ "
        "nicht verbinden. Bitten Sie Ihre IT-Betreuung, es ihm zu erlauben: GRANT CONNECT "
        f'ON DATABASE "{base}" TO "{role}";'
    )


def test_ssl_asked_of_a_server_without_it_is_named(server_url):
    error = _refusal(server_url.update_query_dict({"sslmode": "require"}))

    assert "bietet keine verschlüsselte Verbindung (SSL) an" in error.message
    assert error.detail == ""


def test_a_server_that_does_not_answer_in_time_is_named(listener):
    port = listener.getsockname()[1]
    url = make_url(f"postgresql+psycopg://rat@127.0.0.1:{port}/x?connect_timeout=2")

    error = _refusal(url)

    assert "antwortet nicht" in error.message and "expired" not in error.message


def test_an_unknown_host_name_is_named():
    error = _refusal(make_url("postgresql+psycopg://rat@server.gibt-es-nicht.invalid/x"))

    assert "Den Servernamen „server.gibt-es-nicht.invalid“ kennt das Netzwerk nicht" in (
        error.message
    )


def test_a_cause_not_known_gets_a_german_sentence_and_the_original_as_detail(listener):
    """A "server" that hangs up at once: libpq's text is all there is."""
    port = listener.getsockname()[1]

    def hang_up() -> None:
        connection, _ = listener.accept()
        connection.close()

    thread = threading.Thread(target=hang_up)
    thread.start()
    error = _refusal(make_url(f"postgresql+psycopg://rat@127.0.0.1:{port}/x?sslmode=disable"))
    thread.join()

    assert error.message == (
        f"Der Datenbankserver „postgresql://rat@127.0.0.1:{port}/x?sslmode=disable“ ist nicht "
        "erreichbar. Bitte prüfen Sie, ob er läuft und ob Server und Port stimmen."
    )
    assert "server closed the connection unexpectedly" in error.detail


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'FATAL:  no pg_hba.conf entry for host "10.0.0.5", user "rat", database "x", '
            "no encryption",
            "Ohne Verschlüsselung (SSL) lässt er diesen PC nicht an",
        ),
        (
            'FATAL:  no pg_hba.conf entry for host "10.0.0.5", user "rat", database "x", '
            "SSL encryption",
            "ist keine Anmeldung freigegeben",
        ),
        ("FATAL:  Datenbank »x« existiert nicht", "die Datenbank „x“ gibt es dort nicht"),
        ("FATAL:  sorry, too many clients already", "nimmt gerade keine weitere Verbindung an"),
        (
            "FATAL:  tut mir leid, schon zu viele Verbindungen",
            "nimmt gerade keine weitere Verbindung",
        ),
        (
            "FATAL:  keine Berechtigung für Datenbank »x«",
            'Bitten Sie Ihre IT-Betreuung, es ihm zu erlauben: GRANT CONNECT ON DATABASE "x" TO '
            '"rat";',
        ),
        (
            "FATAL:  remaining connection slots are reserved for non-replication superuser "
            "connections",
            "nimmt gerade keine weitere Verbindung an",
        ),
        ("FATAL:  the database system is in recovery mode", "Den Grund nennt die Meldung"),
    ],
)
def test_server_texts_that_no_closed_port_or_test_cluster_gives(text, expected):
    """pg_hba.conf refusals and a German server's texts, as libpq passes them on."""
    error = exc.OperationalError("connect", {}, psycopg.OperationalError(text))

    problem = server_problem(error, make_url("postgresql+psycopg://rat@db/x"), "db")

    assert expected in problem.message
    assert "FATAL" not in problem.message
