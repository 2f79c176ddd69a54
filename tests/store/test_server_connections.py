"""Every connection to a PostgreSQL server gives up on a dead network: it has a connect
timeout and TCP keepalives, unless the URL sets its own."""

from __future__ import annotations

import pytest

from expertenrat.store.engine import SERVER_CONNECTION_SETTINGS, make_engine


@pytest.fixture
def server_url(postgres_admin_url):
    if postgres_admin_url is None:
        pytest.skip("no PostgreSQL server")
    return postgres_admin_url


def _parameters(url) -> dict[str, str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.connection.driver_connection.info.get_parameters()
    finally:
        engine.dispose()


def test_a_server_connection_has_a_timeout_and_keepalives(server_url) -> None:
    parameters = _parameters(server_url)

    assert {name: parameters.get(name) for name in SERVER_CONNECTION_SETTINGS} == {
        "application_name": "Expertenrat",
        "client_encoding": "UTF8",
        "connect_timeout": "5",
        "keepalives": "1",
        "keepalives_idle": "15",
        "keepalives_interval": "5",
        "keepalives_count": "3",
        "tcp_user_timeout": "30000",
    }


def test_the_url_s_own_settings_win(server_url) -> None:
    url = server_url.update_query_dict({"keepalives_idle": "60", "connect_timeout": "2"})

    parameters = _parameters(url)

    assert (parameters["keepalives_idle"], parameters["connect_timeout"]) == ("60", "2")
    assert parameters["keepalives_count"] == "3"


def test_libpq_s_own_connect_timeout_variable_wins(server_url, monkeypatch) -> None:
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "20")

    parameters = _parameters(server_url)

    assert (parameters["connect_timeout"], parameters["keepalives_idle"]) == ("20", "15")
