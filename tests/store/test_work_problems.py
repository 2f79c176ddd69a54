"""Work the database refuses is said in German by cause; the driver's (English) text goes
to the log, and to the error's detail only where it adds something (a cause not known,
the row a restore could not write)."""

from __future__ import annotations

import logging
import os
import sqlite3

import psycopg
import pytest
from sqlalchemy import create_engine, exc
from sqlalchemy.engine import make_url

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.services.backup import BackupService
from expertenrat.services.server_move import move_to_server
from expertenrat.services.settings import SettingsService
from expertenrat.services.unit_of_work import StorageError, storage_error
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.backup_format import BackupError
from expertenrat.store.database_address import describe
from expertenrat.store.database_opening import open_database
from expertenrat.store.problems import sqlite_problem
from expertenrat.store.table_owners import TableOwners
from expertenrat.store.work_problems import refused, work_problem


def test_a_user_who_may_not_create_tables_on_the_server_is_told_what_to_ask_for(
    sqlite_database, empty_postgres_url, postgres_admin, tmp_path, caplog
):
    """PostgreSQL 15 and later: only the owner of a database may create tables in it."""
    role = f"rat_{os.getpid()}"
    postgres_admin(f"CREATE ROLE {role} LOGIN")
    try:
        target = empty_postgres_url.set(username=role)
        with caplog.at_level(logging.INFO), pytest.raises(DatabaseUnusableError) as caught:
            move_to_server(sqlite_database, target, tmp_path / "kept")
    finally:
        postgres_admin(f"DROP ROLE {role}")

    base = empty_postgres_url.database
    assert caught.value.message == (
        f"Die Datenbank „postgresql://{role}@{target.host}:{target.port}/{base}“ kann nicht "
        f"angelegt werden. Der Datenbankserver verweigert dem Benutzer „{role}“ ein Recht, das "
        "Expertenrat braucht, etwa Tabellen anzulegen (seit PostgreSQL 15 darf das nur der "
        "Eigentümer der Datenbank). Bitten Sie Ihre IT-Betreuung, den Benutzer zum "
        f'Eigentümer der Datenbank zu machen: ALTER DATABASE "{base}" OWNER TO "{role}";'
    )
    assert caught.value.detail == ""
    assert "42501" in caplog.text  # for the IT: the SQLSTATE


def test_a_read_only_sqlite_database_refuses_saving_and_restoring_in_german(
    sqlite_database, tmp_path
):
    good = tmp_path / "gut.zip"
    BackupService(sqlite_database).backup(good)
    read_only = open_database(sqlite_database.url, read_only=True)  # SQLite refuses writes
    try:
        with pytest.raises(StorageError) as saving:
            SettingsService(read_only, "tester").create_council(
                CouncilSettings(id=None, name="Rat", city="Rostock")
            )
        with pytest.raises(BackupError) as restoring:
            BackupService(read_only).restore(good, tmp_path / "kept")
    finally:
        read_only.close()

    cause = (
        "Die Datenbank ist schreibgeschützt: Sie dürfen sie lesen, aber nicht ändern. Bitten "
        "Sie Ihre IT-Betreuung um Schreibrechte."
    )
    assert saving.value.message == f"{cause} Es wurde nichts gespeichert."
    assert restoring.value.message == (
        f"Die Sicherung konnte nicht eingespielt werden. {cause} Die Datenbank ist unverändert."
    )
    assert saving.value.detail == restoring.value.detail == ""


def _sqlite(text: str, name: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorname = name
    return error


@pytest.mark.parametrize(
    ("driver_error", "start"),
    [
        (_sqlite("database or disk is full", "SQLITE_FULL"), "Der Datenträger der Datenbank"),
        (_sqlite("disk I/O error", "SQLITE_IOERR_SHMSIZE"), "Der Datenträger der Datenbank"),
        (_sqlite("database is locked", "SQLITE_BUSY"), "Die Datenbank ist gerade von einem"),
        (psycopg.errors.DiskFull("could not extend file"), "Auf dem Datenbankserver ist der"),
        (psycopg.errors.LockNotAvailable("could not obtain lock"), "Die Datenbank ist gerade"),
        (psycopg.errors.SerializationFailure("could not serialize"), "Ein anderer Arbeitsplatz"),
        (psycopg.errors.DeadlockDetected("deadlock detected"), "Ein anderer Arbeitsplatz"),
        (psycopg.errors.ReadOnlySqlTransaction("read-only"), "Der Datenbankserver nimmt gerade"),
        (psycopg.errors.ForeignKeyViolation("violates foreign key"), "Die Datenbank hat einen"),
    ],
)
def test_causes_the_test_setup_cannot_bring_about_are_named(driver_error, start):
    error = exc.OperationalError("INSERT …", {}, driver_error)
    assert work_problem(error).startswith(start)
    message, detail = refused("Es ging nicht", error, "Nichts verändert.")
    assert message.startswith(f"Es ging nicht. {start}") and message.endswith("verändert.")
    assert str(driver_error) not in message
    refused_row = isinstance(driver_error, psycopg.errors.IntegrityError)  # names the row
    assert detail == (str(driver_error) if refused_row else "")


def test_a_save_tried_again_by_itself_is_told_the_case_without_try_again():
    """The autosave's line read "Nicht gespeichert: … versuchen Sie es erneut. Es wurde
    nichts gespeichert." while it tries again by itself (found by a tester): the error
    keeps its message for the dialogs and says the case apart."""
    full = exc.OperationalError("INSERT …", {}, _sqlite("database or disk is full", "SQLITE_FULL"))
    error = storage_error(full, writing=True)
    assert error.message == (
        "Der Datenträger der Datenbank ist voll. Bitte schaffen Sie Platz und versuchen Sie "
        "es erneut. Es wurde nichts gespeichert."
    )
    assert error.case == "Der Datenträger der Datenbank ist voll; bitte schaffen Sie Platz."
    unknown = exc.InternalError("INSERT …", {}, psycopg.errors.RaiseException("no"))
    assert storage_error(unknown, writing=True).case == "Die Datenbank hat die Anfrage abgelehnt."


def test_a_cause_not_known_keeps_the_driver_s_text_for_the_details_only():
    driver_error = psycopg.errors.RaiseException("custom trigger says no")
    error = exc.InternalError("INSERT …", {}, driver_error)
    message, detail = refused("Die Sicherung konnte nicht eingespielt werden", error, url=None)
    assert work_problem(error, make_url("postgresql://rat@db/x")) is None
    assert message == (
        "Die Sicherung konnte nicht eingespielt werden. Die Meldung der Datenbank steht unter "
        "den Einzelheiten; bitte wenden Sie sich an Ihre IT-Betreuung."
    )
    assert detail == "custom trigger says no"


def test_a_user_without_rights_on_the_tables_is_told_what_to_grant_and_that_helps(
    empty_postgres_url, postgres_admin
):
    """Owning the database gives no right on tables another role owns: the advice is the
    grants, quoted so that a name with capitals and a hyphen works."""
    role = f"Rat-Leser_{os.getpid()}"
    postgres_admin(f'CREATE ROLE "{role}" LOGIN')
    owner = open_database(empty_postgres_url)  # the schema, owned by the administrator
    try:
        with owner.engine.begin() as connection:  # the role opens it, but reads nothing
            connection.exec_driver_sql(f'GRANT SELECT ON alembic_version TO "{role}"')
        database = open_database(empty_postgres_url.set(username=role))
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
            assert [council.name for council in service.councils()] == ["Rat"]
        finally:
            database.close()
    finally:
        with owner.engine.begin() as connection:
            connection.exec_driver_sql(f'DROP OWNED BY "{role}"')
        owner.close()
        postgres_admin(f'DROP ROLE "{role}"')

    grantee = f'"{role}"'
    assert caught.value.message == (
        f"Der Datenbankserver verweigert dem Benutzer „{role}“ den Zugriff auf die Tabellen "
        "von Expertenrat. Bitten Sie Ihre IT-Betreuung, ihm die Rechte darauf zu geben: "
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "
        f"{grantee}; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {grantee}; "
        "(oder ihn zum Eigentümer der Tabellen zu machen)."
    )
    assert caught.value.detail == ""


def test_a_refused_row_s_values_stay_out_of_the_log(empty_postgres_url, caplog):
    engine = create_engine(empty_postgres_url)
    try:
        with engine.connect() as connection, pytest.raises(exc.IntegrityError) as caught:
            connection.exec_driver_sql("CREATE TEMP TABLE people (email text UNIQUE)")
            for _ in range(2):
                connection.exec_driver_sql("INSERT INTO people VALUES ('geheim@example.org')")
    finally:
        engine.dispose()

    with caplog.at_level(logging.INFO):
        message, detail = refused("Die Sicherung kann nicht eingespielt werden", caught.value)

    assert "geheim@example.org" in detail  # behind "Details einblenden …"
    assert "geheim@example.org" not in message and "geheim@example.org" not in caplog.text
    assert "IntegrityError (psycopg.errors.UniqueViolation, 23505)" in caplog.text


def test_a_stale_read_s_write_says_another_program_changed_the_file_not_that_it_is_locked(
    tmp_path,
):
    """SQLITE_BUSY_SNAPSHOT: another connection wrote since this one read (write-ahead log)."""
    path = tmp_path / "daten.db"
    first, second = sqlite3.connect(path), sqlite3.connect(path)
    try:
        first.execute("PRAGMA journal_mode=wal")
        first.execute("CREATE TABLE t (x)")
        first.commit()
        first.execute("BEGIN")
        first.execute("SELECT * FROM t").fetchall()  # the read this transaction stands on
        second.execute("INSERT INTO t VALUES (1)")
        second.commit()
        with pytest.raises(sqlite3.OperationalError) as caught:
            first.execute("INSERT INTO t VALUES (2)")
    finally:
        first.close()
        second.close()

    assert caught.value.sqlite_errorname == "SQLITE_BUSY_SNAPSHOT"
    assert work_problem(caught.value) == (
        "Ein anderes Programm hat die Datenbank inzwischen geändert. Bitte versuchen Sie es erneut."
    )
    assert sqlite_problem(path, caught.value).message == (
        f"Die Datenbank „{path}“ wurde inzwischen von einem anderen Programm geändert. Bitte "
        "versuchen Sie es erneut."
    )


def test_a_lost_connection_s_words_reach_the_log_for_the_it(
    empty_postgres_url, postgres_admin, caplog
):
    """A lost connection's text quotes no row: the log keeps the server's words."""
    engine = create_engine(empty_postgres_url)
    name = empty_postgres_url.database
    try:
        with engine.connect() as connection, pytest.raises(exc.OperationalError) as caught:
            postgres_admin(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            )
            connection.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()

    with caplog.at_level(logging.INFO):
        message, _detail = refused("Die Sicherung kann nicht angelegt werden", caught.value)
        lost = storage_error(caught.value, writing=True)

    assert "Verbindung zum Datenbankserver ist unterbrochen" in message
    assert lost.case == "Die Verbindung zum Datenbankserver ist unterbrochen."
    assert caplog.text.count("terminating connection due to administrator command") == 2


def test_a_move_refused_by_the_old_database_names_it_and_its_user(
    empty_postgres_url, postgres_admin, postgres_template, tmp_path
):
    """The data comes from a server database whose user may not read the tables; the
    target is another database with another user."""
    role = f"rat_quelle_{os.getpid()}"
    name = f"{empty_postgres_url.database}_quelle"
    postgres_admin(
        f"CREATE ROLE {role} LOGIN", f"CREATE DATABASE {name} TEMPLATE {postgres_template}"
    )
    source_url = empty_postgres_url.set(database=name, username=role)
    try:
        owner = create_engine(empty_postgres_url.set(database=name))
        with owner.begin() as connection:  # the role opens it, but reads nothing
            connection.exec_driver_sql(f"GRANT SELECT ON alembic_version TO {role}")
        owner.dispose()
        source = open_database(source_url)
        try:
            with pytest.raises(DatabaseUnusableError) as caught:
                move_to_server(source, empty_postgres_url, tmp_path / "kept")
        finally:
            source.close()
    finally:
        postgres_admin(f"DROP DATABASE {name} WITH (FORCE)", f"DROP ROLE {role}")

    target, old = describe(empty_postgres_url), describe(source_url)
    assert caught.value.message.startswith(
        f"Der Umzug nach „{target}“ ist an der bisherigen Datenbank „{old}“ gescheitert. "
        f"Der Datenbankserver verweigert dem Benutzer „{role}“ den Zugriff auf die Tabellen"
    )
    assert f'TO "{role}";' in caught.value.message
    assert caught.value.message.endswith("Die bisherige Datenbank wird weiter verwendet.")
    assert f"„{empty_postgres_url.username}“" not in caught.value.message


@pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)
def test_an_upgrade_of_tables_another_role_owns_advises_giving_them_and_that_helps(
    database_at, postgres_admin
):
    """Only a table's owner may change it: owning the database does not help, the advice
    gives the tables (and the database, to create new ones) to the user."""
    owner, user = f"rat_alt_{os.getpid()}", f"Rat-Neu_{os.getpid()}"
    postgres_admin(f"CREATE ROLE {owner} LOGIN", f'CREATE ROLE "{user}" LOGIN')
    old = database_at("0011")  # an older version's tables
    admin = create_engine(old)
    try:
        with admin.begin() as connection:
            tables = connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).scalars()
            for table in tables:
                connection.exec_driver_sql(f'ALTER TABLE "{table}" OWNER TO {owner}')
            connection.exec_driver_sql(f'GRANT SELECT ON alembic_version TO "{user}"')
        url = old.set(username=user)
        # upgrade_anyway: the test's own admin sessions are no other PC to ask about
        with pytest.raises(DatabaseUnusableError) as caught:
            open_database(url, upgrade_anyway=True)
        advised = caught.value.message.split("zum Eigentümer zu machen: ", 1)[1]
        with admin.begin() as connection:  # the IT, as the superuser
            connection.exec_driver_sql(advised)
        open_database(url, upgrade_anyway=True).close()  # upgraded now
        with admin.connect() as connection:
            assert migrate.current_revision(connection) == schema_revisions.head_revision()
    finally:
        base = old.database
        with admin.begin() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE {base} OWNER TO CURRENT_USER")
            connection.exec_driver_sql(f'DROP OWNED BY {owner}, "{user}"')
        admin.dispose()
        postgres_admin(f"DROP ROLE {owner}", f'DROP ROLE "{user}"')

    base, grantee = old.database, f'"{user}"'
    assert caught.value.message == (
        f"Die Datenbank „{describe(url)}“ konnte nicht aktualisiert werden. Der "
        f"Datenbankserver verweigert dem Benutzer „{user}“, die Tabellen von Expertenrat zu "
        f"ändern: Sie gehören dem Benutzer „{owner}“, und ändern darf sie nur ihr "
        "Eigentümer. Bitten Sie Ihre IT-Betreuung, die Datenbank einmal als "
        f"„{owner}“ mit Expertenrat zu öffnen (das aktualisiert sie) oder in der Datenbank "
        f"„{base}“ den Benutzer zum Eigentümer zu machen: REASSIGN OWNED BY "
        f'"{owner}" TO {grantee}; ALTER DATABASE "{base}" OWNER TO {grantee};'
    )
    assert caught.value.detail == ""


@pytest.mark.parametrize(
    ("owners", "advice"),
    [
        (("postgres",), "die Datenbank einmal als „postgres“ mit Expertenrat zu öffnen; das "),
        (("postgres", "alt"), 'Tabellen von Expertenrat zu machen (ALTER TABLE … OWNER TO "rat";)'),
        (("a", "b"), "in der Datenbank „x“ den Benutzer zum Eigentümer zu machen: REASSIGN OWNED"),
    ],
)
def test_tables_of_the_system_s_superuser_or_of_several_roles_get_advice_that_works(owners, advice):
    """REASSIGN OWNED cannot take the bootstrap superuser's objects."""
    error = exc.ProgrammingError("ALTER TABLE …", {}, psycopg.errors.InsufficientPrivilege("no"))
    facts = TableOwners(
        "rat", "x", owners, "postgres" in owners, "rat", "public", may_create=True, search_path=""
    )

    assert advice in work_problem(error, creating_schema=True, owners=facts)


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_a_restore_the_server_s_time_limit_cuts_off_says_so_and_changes_nothing(database, tmp_path):
    """A city's DBA limits how long a statement may run (statement_timeout, set for the
    database or the role): a restore that waits for another PC's work longer than that is
    cancelled by the server, and the message says why and what to ask for."""
    service = BackupService(database)
    backup = tmp_path / "leer.zip"
    service.backup(backup)
    SettingsService(database, "tester").create_council(
        CouncilSettings(id=None, name="Rat", city="Rostock")
    )
    admin = create_engine(database.url)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(
                f"ALTER DATABASE {database.url.database} SET statement_timeout = '300ms'"
            )
        database.engine.dispose()  # the next connections get the limit
        with admin.begin() as connection:  # another PC's change, not yet committed
            connection.exec_driver_sql("UPDATE councils SET name = name")
            with pytest.raises(BackupError) as caught:
                service.restore(backup, tmp_path / "kept")
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE {database.url.database} RESET ALL")
        admin.dispose()

    assert "Der Datenbankserver hat die Arbeit abgebrochen: Sie dauerte länger, als er " in (
        caught.value.message
    )
    assert (
        f'ALTER ROLE "{database.url.username}" SET statement_timeout = 0;' in caught.value.message
    )
    assert caught.value.detail == ""
    assert [council.name for council in SettingsService(database, "tester").councils()] == ["Rat"]


def test_opening_cut_off_by_the_server_s_time_limit_says_so_not_unreachable(
    empty_postgres_url, postgres_admin
):
    """The look at a database (or its upgrade) the server's statement_timeout cuts off,
    while it waits for another's lock: it said "ist nicht erreichbar … ob er läuft"."""
    open_database(empty_postgres_url).close()  # Expertenrat's tables
    base = empty_postgres_url.database
    postgres_admin(f"ALTER DATABASE {base} SET statement_timeout = '300ms'")
    admin = create_engine(empty_postgres_url)
    try:
        with admin.begin() as connection:  # another's work holding the version table
            connection.exec_driver_sql("LOCK TABLE alembic_version IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(DatabaseUnusableError) as caught:
                open_database(empty_postgres_url)
    finally:
        admin.dispose()
        postgres_admin(f"ALTER DATABASE {base} RESET ALL")

    assert "Der Datenbankserver hat die Arbeit abgebrochen: Sie dauerte länger" in (
        caught.value.message
    )
    assert "nicht erreichbar" not in caught.value.message
    assert "oder sie wurde dort abgebrochen" not in caught.value.message  # said: a time limit
