"""A database that refuses a statement: a German message and a log without the values."""

from __future__ import annotations

import logging
import sys

import pytest
from sqlalchemy import exc, text

from expertenrat.logs import format_error
from expertenrat.services.unit_of_work import StorageError, changing, reading
from expertenrat.store import models

SECRET_PHONE = "+49 381 SECRET-" + "7" * 90  # 105 characters: too long for the column
SECRET_NAME = "Geheimrätin Wilhelmine"


def assert_nothing_personal(*texts: str) -> None:
    for piece in (SECRET_PHONE, "SECRET", SECRET_NAME, "Wilhelmine"):
        for text_ in texts:
            assert piece not in text_


def force_too_long_phone(database) -> None:
    """Write past validation, straight through the store: PostgreSQL refuses the value."""
    with changing(database, "Das Mitglied") as session:
        session.add(models.Person(given_name=SECRET_NAME, family_name="X", phone=SECRET_PHONE))


def test_a_value_the_database_refuses_is_a_message_without_the_values(database, log_file, caplog):
    if database.is_sqlite:
        pytest.skip("SQLite stores over-long values; PostgreSQL refuses them")
    with caplog.at_level(logging.INFO), pytest.raises(StorageError) as raised:
        force_too_long_phone(database)

    error = raised.value
    assert error.message == (
        "Die Datenbank hat einen Wert abgelehnt, zum Beispiel einen zu langen Text oder ein "
        "ungültiges Zeichen. Es wurde nichts gespeichert."
    )
    assert error.__cause__ is None and error.__suppress_context__
    trace = format_error(type(error), error, error.__traceback__)
    assert "DataError" in caplog.text
    assert_nothing_personal(error.message, trace, caplog.text, log_file.read_text("utf-8"))


def test_a_broken_rule_is_a_message_without_the_values(database, council, log_file, caplog):
    # A second action field of the same name breaks a unique constraint on both backends;
    # PostgreSQL's own text would say "Key (council_id, name)=(…, Geheimrätin …)".
    with (
        caplog.at_level(logging.INFO),
        pytest.raises(StorageError) as raised,
        changing(database, "Das Handlungsfeld") as session,
    ):
        for _ in range(2):
            session.add(models.ActionField(council_id=council.id, name=SECRET_NAME))

    assert raised.value.message == (
        "Die Datenbank hat einen doppelten Eintrag abgelehnt: Einen Eintrag mit diesem Namen "
        "oder dieser Nummer gibt es schon. Es wurde nichts gespeichert."
    )
    assert "IntegrityError" in caplog.text
    assert_nothing_personal(raised.value.message, caplog.text, log_file.read_text("utf-8"))


def test_a_failing_read_is_a_message_without_the_values(database, log_file, caplog):
    statement = text("SELECT CAST(:value AS INTEGER) + no_such_column")
    with (
        caplog.at_level(logging.INFO),
        pytest.raises(StorageError) as raised,
        reading(database) as session,
    ):
        session.execute(statement, {"value": SECRET_NAME})

    assert raised.value.message == "Die Datenbank hat die Anfrage abgelehnt."
    assert_nothing_personal(raised.value.message, caplog.text, log_file.read_text("utf-8"))


def test_an_escaped_database_error_is_logged_without_its_text(database, log_file):
    """Even a database error that escapes the services (a bug) leaves no values in the log."""
    engine = database.engine
    try:
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO persons (given_name, family_name, phone) VALUES (:g, :f, :p)"),
                {"g": SECRET_NAME, "f": None, "p": SECRET_PHONE},
            )
    except exc.DBAPIError:
        logging.getLogger("test").exception("Unexpected error")
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        details = format_error(kind, error, trace)
    else:
        pytest.fail("the database accepted a person without a family name")

    # PostgreSQL refuses the long phone (DataError), SQLite the missing name (IntegrityError).
    assert "Error: (text hidden: it may quote personal data)" in details
    logged = log_file.read_text("utf-8")
    assert "Unexpected error" in logged and "text hidden" in logged
    assert_nothing_personal(details, logged)


def test_the_engine_hides_parameters(database):
    assert database.engine.hide_parameters
