"""Work cancelled on the server by hand (``pg_cancel_backend``, "canceling statement due
to user request") has the SQLSTATE of a time limit (57014): it was advised as the
server's statement_timeout to lift (found by review)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import Connection, create_engine, exc

from expertenrat.services.unit_of_work import storage_error
from expertenrat.store.privilege_problems import CANCELLED_BY_HAND, cut_off


def test_a_statement_cancelled_by_hand_is_said_so(empty_postgres_url) -> None:
    engine = create_engine(empty_postgres_url)
    failed: list[exc.DBAPIError] = []
    with engine.connect() as working, engine.connect() as administrator:
        pid = working.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()

        def sleep() -> None:
            try:
                working.exec_driver_sql("SELECT pg_sleep(30)")
            except exc.DBAPIError as error:
                failed.append(error)

        thread = threading.Thread(target=sleep)
        thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not sleeping(administrator, pid):
            time.sleep(0.05)
        administrator.exec_driver_sql("SELECT pg_cancel_backend(%s)", (pid,))
        thread.join(timeout=10)
    engine.dispose()

    assert len(failed) == 1
    message = storage_error(failed[0], writing=False, url=empty_postgres_url).message
    assert CANCELLED_BY_HAND in message
    assert "statement_timeout" not in message


@pytest.mark.parametrize(
    ("server_text", "by_hand"),
    [
        ("storniere Anfrage wegen Benutzeraufforderung", True),  # a German server's (15)
        ("storniere Anfrage wegen Zeitüberschreitung der Anfrage", False),
        ("annulation de la requête à la demande de l'utilisateur", None),  # not known here
    ],
)
def test_a_german_server_s_cancel_is_told_from_its_time_limit(server_text, by_hand) -> None:
    message = cut_off(None, server_text)

    assert (message == CANCELLED_BY_HAND) is bool(by_hand)
    # Words not recognised name both causes.
    assert ("oder sie wurde dort abgebrochen" in message) is (by_hand is None)


def sleeping(administrator: Connection, pid: int) -> bool:
    """Whether the server process ``pid`` runs its ``pg_sleep`` (a cancel reaches it)."""
    return bool(
        administrator.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE pid = %s AND state = 'active'"
            " AND query LIKE 'SELECT pg_sleep%%'",
            (pid,),
        ).scalar_one()
    )
