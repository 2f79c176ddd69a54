"""A city's server as its DBAs set it up (PostgreSQL 15): the database belongs to the
administrator, Expertenrat's role may not create tables in ``public`` but owns (or may
only use) a schema of its own, reached through ``?options=-csearch_path%3D…``. The tables,
the integrity check and the advice for a missing right are in that schema; ``public``
is left alone."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fixtures.postgres_server import empty_postgres_database
from sqlalchemy import create_engine, inspect, select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.settings import SettingsService
from expertenrat.services.unit_of_work import StorageError
from expertenrat.store import models
from expertenrat.store.database_opening import Create, open_database

SCHEMA = "ratsdaten"


@pytest.fixture
def city_server(postgres_admin_url) -> Iterator[tuple]:
    """The superuser's URL of an empty database and a login role without rights in it."""
    role = f"Rat-{os.getpid()}"
    database = empty_postgres_database(postgres_admin_url)
    admin_url = next(database)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
    try:
        yield admin, admin_url, role
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP OWNED BY "{role}"')
            connection.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()
        database.close()


def _in_schema(admin_url, role):
    return admin_url.set(username=role).update_query_dict({"options": f"-csearch_path={SCHEMA}"})


def test_a_role_owning_only_its_schema_keeps_everything_there_and_the_check_looks_there(
    city_server,
):
    admin, admin_url, role = city_server
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{SCHEMA}" AUTHORIZATION "{role}"')
    database = open_database(_in_schema(admin_url, role), create=Create.NOW)
    try:
        with admin.connect() as connection:
            tables = inspect(connection).get_table_names(schema=SCHEMA)
            assert "councils" in tables and "alembic_version" in tables
            assert inspect(connection).get_table_names(schema="public") == []
            # what the check is for: a rule added but not checked, an index left invalid
            connection.exec_driver_sql(
                f'ALTER TABLE "{SCHEMA}".councils ADD CONSTRAINT named '
                "CHECK (name <> '') NOT VALID"
            )
            connection.exec_driver_sql(f'CREATE INDEX loose ON "{SCHEMA}".councils (city)')
            connection.exec_driver_sql(
                "UPDATE pg_index SET indisvalid = false "
                f"WHERE indexrelid = '\"{SCHEMA}\".loose'::regclass"
            )
            # another program's broken index in another schema is not Expertenrat's
            connection.exec_driver_sql("CREATE TABLE public.other (x int)")
            connection.exec_driver_sql("CREATE INDEX other_x ON public.other (x)")
            connection.exec_driver_sql(
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'other_x'::regclass"
            )
        found = [finding.text for finding in IntegrityService(database).check()]
    finally:
        database.close()

    assert found == [
        "Die Regel named auf councils ist nicht geprüft.",
        "Der Index loose ist ungültig.",
    ]


def test_a_role_that_may_only_use_its_schema_is_told_to_own_it_and_that_helps(city_server):
    admin, admin_url, role = city_server
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{SCHEMA}"')
        connection.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{SCHEMA}" TO "{role}"')
    url = _in_schema(admin_url, role)

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url, create=Create.NOW)
    advised = caught.value.message.split("zum Eigentümer des Schemas zu machen: ", 1)[1]
    with admin.connect() as connection:  # the IT, as the superuser
        connection.exec_driver_sql(advised)
    open_database(url, create=Create.NOW).close()

    assert f"etwa Tabellen im Schema „{SCHEMA}“ anzulegen" in caught.value.message
    assert advised == f'ALTER SCHEMA "{SCHEMA}" OWNER TO "{role}";'


def test_a_role_without_rights_on_the_tables_of_its_schema_is_told_the_grants_there(
    city_server,
):
    admin, admin_url, role = city_server
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{SCHEMA}"')
        connection.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{SCHEMA}" TO "{role}"')
    owner = open_database(
        admin_url.update_query_dict({"options": f"-csearch_path={SCHEMA}"}), create=Create.NOW
    )
    try:
        with owner.engine.begin() as connection:  # the role opens it, but reads nothing
            connection.exec_driver_sql(f'GRANT SELECT ON alembic_version TO "{role}"')
        database = open_database(_in_schema(admin_url, role))
        try:
            service = SettingsService(database, "tester")
            with pytest.raises(StorageError) as caught:
                service.councils()
            advised = caught.value.message.split(": ", 1)[1].removesuffix(
                " (oder ihn zum Eigentümer der Tabellen zu machen)."
            )
            with owner.engine.begin() as connection:  # the IT, as the superuser
                connection.exec_driver_sql(advised)
            service.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
            with database.reading() as session:
                assert session.scalars(select(models.Council.name)).all() == ["Rat"]
        finally:
            database.close()
    finally:
        owner.close()

    assert f'ON ALL TABLES IN SCHEMA "{SCHEMA}" TO "{role}"' in caught.value.message


def test_a_search_path_naming_no_schema_there_is_told_how_to_make_it_and_that_helps(city_server):
    admin, admin_url, role = city_server
    url = _in_schema(admin_url, role)  # the IT has not made the schema yet

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url, create=Create.NOW)
    advised = caught.value.message.split("das Schema anzulegen: ", 1)[1]
    with admin.connect() as connection:  # the IT, as the superuser
        connection.exec_driver_sql(advised)
    open_database(url, create=Create.NOW).close()

    assert (
        "Der Datenbankserver findet kein Schema, in dem Expertenrat seine Tabellen anlegen "
        f"kann: Die Schemas im Suchpfad des Benutzers „{role}“ (search_path = {SCHEMA}) gibt "
        "es in der Datenbank nicht, oder er darf sie nicht benutzen."
    ) in caught.value.message
    assert advised == f'CREATE SCHEMA "{SCHEMA}" AUTHORIZATION "{role}";'
    assert caught.value.detail == ""


def test_a_database_other_programs_share_is_advised_a_schema_of_the_user_s_own_that_helps(
    city_server,
):
    admin, admin_url, role = city_server
    with admin.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE public.kunden (id int)")
    url = admin_url.set(username=role)

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url, create=Create.NOW)
    advised = caught.value.message.split("darin ein eigenes Schema: ", 1)[1]
    with admin.connect() as connection:  # the IT, as the superuser
        connection.exec_driver_sql(advised)
    open_database(url, create=Create.NOW).close()

    assert "enthält schon Tabellen (kunden), aber keine von Expertenrat" in caught.value.message
    assert advised == f'CREATE SCHEMA "{role}" AUTHORIZATION "{role}";'
    with admin.connect() as connection:
        assert "councils" in inspect(connection).get_table_names(schema=role)
        assert inspect(connection).get_table_names(schema="public") == ["kunden"]


def test_a_schema_of_its_own_beside_another_program_s_tables_and_alembic_version_in_public(
    city_server,
):
    """PostgreSQL's default search_path ("$user", public) shows the other programs' tables
    in public beside the user's own schema: they are not Expertenrat's. The database was
    refused as holding foreign tables, or taken for one of a newer version by the other
    program's Alembic revision."""
    admin, admin_url, role = city_server
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{role}" AUTHORIZATION "{role}"')
        connection.exec_driver_sql("CREATE TABLE public.kunden (id int)")
        connection.exec_driver_sql("CREATE TABLE public.councils (id int)")
        connection.exec_driver_sql(
            "CREATE TABLE public.alembic_version (version_num varchar(32) PRIMARY KEY)"
        )
        connection.exec_driver_sql("INSERT INTO public.alembic_version VALUES ('1a2b3c4d')")
        connection.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    url = admin_url.set(username=role)

    database = open_database(url, create=Create.NOW)
    try:
        SettingsService(database, "tester").create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
        found = IntegrityService(database).check()
    finally:
        database.close()
    open_database(url).close()  # found again as Expertenrat's, at its revision

    assert found == []
    with admin.connect() as connection:
        assert "councils" in inspect(connection).get_table_names(schema=role)
        assert connection.exec_driver_sql(
            "SELECT version_num FROM public.alembic_version"
        ).all() == [("1a2b3c4d",)]
        assert connection.exec_driver_sql("SELECT count(*) FROM public.councils").scalar() == 0


def test_tables_made_in_public_before_a_schema_of_the_user_s_name_are_not_taken_for_none(
    city_server,
):
    """Expertenrat's tables made in public, then a schema of the user's name made (for
    another program, or as advised for one): the own schema, first in the search_path,
    holds nothing of Expertenrat's. Taken as an empty database, the window showed no
    council; one made there was the user's alone, beside the colleagues' data."""
    admin, admin_url, role = city_server
    with admin.connect() as connection:
        connection.exec_driver_sql(f'GRANT CREATE ON SCHEMA public TO "{role}"')
    url = admin_url.set(username=role)
    database = open_database(url, create=Create.NOW)
    try:
        SettingsService(database, "tester").create_council(
            CouncilSettings(id=None, name="Rat", city="Rostock")
        )
    finally:
        database.close()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{role}" AUTHORIZATION "{role}"')

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url, create=Create.NOW)
    advised = caught.value.message.split("den Suchpfad des Benutzers darauf zu setzen: ", 1)[1]
    with admin.connect() as connection:  # the IT, as the superuser
        assert inspect(connection).get_table_names(schema=role) == []
        connection.exec_driver_sql(advised)
    database = open_database(url, create=Create.NOW)
    try:
        with database.reading() as session:
            assert session.scalars(select(models.Council.name)).all() == ["Rat"]
    finally:
        database.close()

    assert f"im Schema „public“, der Benutzer „{role}“ arbeitet aber im Schema „{role}“" in (
        caught.value.message
    )
    assert advised == (
        f'ALTER ROLE "{role}" IN DATABASE "{admin_url.database}" SET search_path = "public";'
    )
