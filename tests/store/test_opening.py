"""Opening a database: new, old, newer, corrupt, foreign and unreachable ones."""

from __future__ import annotations

import hashlib
import socket
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from old_schema import add_row
from schema_reads import revision_of
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import migrate, models, schema_revisions
from expertenrat.store.database import Database
from expertenrat.store.database_address import describe
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import SQLITE_HEADER, database_url, make_engine


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _revision_of_file(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _council_names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM councils ORDER BY id")]
    finally:
        connection.close()


def _old_database(path: Path) -> Path:
    """A file at revision 0001 holding one council with a member, as an old version left it."""
    url = database_url(str(path))
    migrate.upgrade(url, "0001")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            council = add_row(connection, "councils", name="Alter Rat", city="Stralsund")
            person = add_row(connection, "persons", given_name="Anna", family_name="Berg")
            add_row(
                connection,
                "memberships",
                council_id=council,
                person_id=person,
                term_start=date(2025, 1, 1),
            )
    finally:
        engine.dispose()
    return path


def _current_database(path: Path) -> Path:
    open_database(database_url(str(path))).close()
    return path


def _refused(path: Path) -> DatabaseUnusableError:
    """Open ``path`` expecting a refusal; check the folder gained no file and return the error."""
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(database_url(str(path)))
    assert sorted(p.name for p in path.parent.iterdir()) == before
    return caught.value


# --- new and current files ---------------------------------------------------------------


def test_opening_a_new_path_creates_a_migrated_database(tmp_path):
    path = tmp_path / "neu.db"

    database = open_database(database_url(str(path)))
    database.close()

    assert path.read_bytes().startswith(SQLITE_HEADER)
    assert _revision_of_file(path) == schema_revisions.head_revision()


def test_opening_a_new_path_creates_missing_folders(tmp_path):
    path = tmp_path / "Geschäftsstelle" / "Daten" / "expertenrat.db"

    open_database(database_url(str(path))).close()

    assert _revision_of_file(path) == schema_revisions.head_revision()


def test_opening_a_new_database_makes_no_backup(tmp_path):
    database = open_database(database_url(str(tmp_path / "neu.db")))
    database.close()

    assert database.backup_file is None
    assert not any("vor-update" in p.name for p in tmp_path.iterdir())


def test_opening_an_empty_file_treats_it_as_new(tmp_path):
    path = tmp_path / "leer.db"
    path.touch()

    open_database(database_url(str(path))).close()

    assert _revision_of_file(path) == schema_revisions.head_revision()


def test_opening_a_current_database_keeps_its_data_and_makes_no_backup(tmp_path):
    path = _current_database(tmp_path / "aktuell.db")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO councils (name, short_name, city, min_members, max_members, quorum_rule,"
            " notice_period_days, response_period_months, version)"
            " VALUES ('Rat', '', 'Wismar', 8, 10, 'more_than_half', 7, 2, 1)"
        )
    connection.close()

    database = open_database(database_url(str(path)))
    database.close()

    assert database.backup_file is None
    assert _council_names(path) == ["Rat"]


# --- an old database: backup, then upgrade --------------------------------------------------


def test_opening_an_old_database_upgrades_it_to_head(tmp_path):
    path = _old_database(tmp_path / "expertenrat.db")

    open_database(database_url(str(path))).close()

    assert _revision_of_file(path) == schema_revisions.head_revision()
    assert _council_names(path) == ["Alter Rat"]


def test_opening_an_old_database_writes_a_backup_named_by_its_revision_next_to_it(tmp_path):
    path = _old_database(tmp_path / "expertenrat.db")

    database = open_database(database_url(str(path)))
    database.close()

    backup = database.backup_file
    assert backup is not None
    assert backup.parent == path.parent
    assert "vor-update" in backup.name
    assert backup.name == "expertenrat-vor-update-von-0001.db"
    assert backup.is_file()


def test_backup_before_upgrade_holds_the_old_data_at_the_old_revision(tmp_path):
    path = _old_database(tmp_path / "expertenrat.db")

    database = open_database(database_url(str(path)))
    database.close()

    assert database.backup_file is not None
    assert _revision_of_file(database.backup_file) == "0001"
    assert _council_names(database.backup_file) == ["Alter Rat"]
    connection = sqlite3.connect(database.backup_file)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT given_name FROM persons").fetchall() == [("Anna",)]
    finally:
        connection.close()


def test_backup_of_an_old_database_can_be_opened_and_upgraded_itself(tmp_path):
    path = _old_database(tmp_path / "expertenrat.db")
    database = open_database(database_url(str(path)))
    database.close()
    assert database.backup_file is not None
    copy = tmp_path / "wiederhergestellt.db"
    copy.write_bytes(database.backup_file.read_bytes())

    open_database(database_url(str(copy))).close()

    assert _revision_of_file(copy) == schema_revisions.head_revision()
    assert _council_names(copy) == ["Alter Rat"]


# --- files that must be refused and left alone ----------------------------------------------


def test_newer_database_is_refused_with_a_message_about_the_newer_version(tmp_path):
    path = _current_database(tmp_path / "expertenrat.db")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()

    error = _refused(path)

    assert "neueren Version" in error.message
    assert "9999" in error.message
    assert "nicht verändert" in error.message


def test_newer_database_file_is_left_byte_for_byte_unchanged(tmp_path):
    path = _current_database(tmp_path / "expertenrat.db")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    digest = _sha256(path)

    _refused(path)

    assert _sha256(path) == digest
    assert _revision_of_file(path) == "9999"


def _corrupt(path: Path) -> Path:
    """Keep the 16-byte header, overwrite bytes 100..4096 (the schema page) with garbage."""
    data = bytearray(path.read_bytes())
    assert len(data) >= 4096
    data[100:4096] = bytes((i * 37 + 11) % 256 for i in range(100, 4096))
    path.write_bytes(bytes(data))
    assert path.read_bytes()[:16] == SQLITE_HEADER
    return path


def test_corrupt_database_is_refused_as_damaged(tmp_path):
    path = _corrupt(_current_database(tmp_path / "expertenrat.db"))

    error = _refused(path)

    assert "beschädigt" in error.message
    assert "nicht verändert" in error.message


def test_corrupt_database_file_is_left_byte_for_byte_unchanged(tmp_path):
    path = _corrupt(_current_database(tmp_path / "expertenrat.db"))
    digest = _sha256(path)

    _refused(path)

    assert _sha256(path) == digest


def test_corrupt_old_database_is_refused_before_anything_is_written(tmp_path):
    path = _corrupt(_old_database(tmp_path / "expertenrat.db"))
    digest = _sha256(path)

    error = _refused(path)

    assert "beschädigt" in error.message
    assert _sha256(path) == digest


@pytest.mark.parametrize(
    "content",
    [
        "Liebe Mitglieder,\nanbei die Tagesordnung für Dezember.\n".encode(),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
        b"PK\x03\x04" + b"\x00" * 5000,
        b"SQLite",
    ],
    ids=["text", "png", "zip", "short"],
)
def test_file_that_is_no_database_is_refused(tmp_path, content):
    path = tmp_path / "expertenrat.db"
    path.write_bytes(content)

    error = _refused(path)

    assert "keine Expertenrat-Datenbank" in error.message
    assert "nicht verändert" in error.message


@pytest.mark.parametrize(
    "content",
    [
        "Liebe Mitglieder,\nanbei die Tagesordnung für Dezember.\n".encode(),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
    ],
    ids=["text", "png"],
)
def test_file_that_is_no_database_is_left_unchanged(tmp_path, content):
    path = tmp_path / "Tagesordnung.txt"
    path.write_bytes(content)

    _refused(path)

    assert path.read_bytes() == content


def _foreign_database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO kunden (name) VALUES ('Müller GmbH')")
    connection.close()
    return path


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = _foreign_database(tmp_path / "kunden.db")

    error = _refused(path)

    assert "keine von Expertenrat" in error.message


def test_foreign_sqlite_database_is_left_unchanged(tmp_path):
    path = _foreign_database(tmp_path / "kunden.db")
    digest = _sha256(path)

    _refused(path)

    assert _sha256(path) == digest
    connection = sqlite3.connect(path)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert tables == {"kunden"}


def test_folder_is_refused(tmp_path):
    folder = tmp_path / "Ordner.db"
    folder.mkdir()

    error = _refused(folder)

    assert "Ordner" in error.message
    assert list(folder.iterdir()) == []


# --- the connection settings ------------------------------------------------------------------


def _pragma(database, name: str):
    with database.engine.connect() as connection:
        return connection.execute(text(f"PRAGMA {name}")).scalar()


def test_opened_sqlite_database_enforces_foreign_keys(sqlite_database):
    assert _pragma(sqlite_database, "foreign_keys") == 1


def test_opened_sqlite_database_uses_write_ahead_logging(sqlite_database):
    assert _pragma(sqlite_database, "journal_mode") == "wal"


def test_opened_sqlite_database_syncs_fully(sqlite_database):
    assert _pragma(sqlite_database, "synchronous") == 2  # FULL


def test_opened_sqlite_database_waits_for_a_busy_file(sqlite_database):
    assert _pragma(sqlite_database, "busy_timeout") >= 1000


def test_sqlite_database_location_is_the_file(tmp_path):
    path = tmp_path / "expertenrat.db"
    database = open_database(database_url(str(path)))
    database.close()

    assert database.is_sqlite
    assert database.location == str(path)


# --- PostgreSQL ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_postgresql_server_is_refused(tmp_path):
    url = database_url(f"postgresql://sekretariat:geheim@127.0.0.1:{_free_port()}/expertenrat")

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url)

    assert "nicht erreichbar" in caught.value.message


def test_message_about_an_unreachable_server_hides_the_password(tmp_path):
    url = database_url(f"postgresql://sekretariat:geheim@127.0.0.1:{_free_port()}/expertenrat")

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url)

    assert "geheim" not in caught.value.message
    assert "127.0.0.1" in caught.value.message


def test_postgres_scheme_is_mapped_to_the_psycopg_driver():
    assert database_url("postgres://a@localhost/x").drivername == "postgresql+psycopg"
    assert make_url("postgresql+psycopg://a@localhost/x") == database_url(
        "postgresql://a@localhost/x"
    )


def test_opening_a_migrated_database_on_each_backend_is_at_head(database):
    with database.engine.connect() as connection:
        assert migrate.current_revision(connection) == schema_revisions.head_revision()


def test_location_of_a_server_database_never_shows_the_password():
    url = database_url("postgresql://sekretariat:geheim@db.rostock.example/expertenrat")
    database = Database(url=url, engine=create_engine(url))  # create_engine does not connect

    assert database.location == "postgresql://sekretariat@db.rostock.example/expertenrat"
    assert not database.is_sqlite


def test_a_server_address_is_shown_as_the_user_knows_it():
    url = database_url(
        "postgresql://rat:geheim@db.stadt.de:5432/expertenrat?sslmode=require&password=auch"
        "&sslpassword=schluessel"
    )

    assert describe(url) == "postgresql://rat@db.stadt.de:5432/expertenrat?sslmode=require"


# --- both backends -----------------------------------------------------------------------------


def test_opening_an_empty_database_migrates_it_on_each_backend(empty_url):
    database = open_database(empty_url)
    database.close()

    assert database.backup_file is None
    assert revision_of(empty_url) == schema_revisions.head_revision()


def test_opening_an_old_database_upgrades_it_and_keeps_its_data_on_each_backend(empty_url):
    migrate.upgrade(empty_url, "0001")
    engine = make_engine(empty_url)
    try:
        with engine.begin() as connection:
            add_row(connection, "councils", name="Alter Rat", city="Lübeck")
    finally:
        engine.dispose()

    database = open_database(empty_url)
    try:
        with database.reading() as session:
            names = list(session.scalars(select(models.Council.name)))
    finally:
        database.close()

    assert revision_of(empty_url) == schema_revisions.head_revision()
    assert names == ["Alter Rat"]


def test_newer_database_is_refused_and_left_at_its_revision_on_each_backend(engine_at):
    url, engine = engine_at("head")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url)

    assert "neueren Version" in caught.value.message
    assert revision_of(url) == "9999"


def test_old_data_that_a_new_constraint_rejects_stops_the_upgrade_cleanly(empty_url):
    """An old council with min > max: refused with a message, left at 0001 with its data."""
    migrate.upgrade(empty_url, "0001")
    engine = make_engine(empty_url)
    try:
        with engine.begin() as connection:
            add_row(
                connection,
                "councils",
                name="Alter Rat",
                city="Wismar",
                min_members=11,
                max_members=10,
            )
    finally:
        engine.dispose()

    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(empty_url)

    message = caught.value.message
    assert "kann nicht auf den Stand dieser Programmversion gebracht werden" in message
    assert (
        "Im Gremium „Alter Rat“ ist die Mindestzahl der Mitglieder (11) größer als die "
        "Höchstzahl (10)." in message
    )
    assert "CHECK" not in message.upper()
    assert "ck_councils" not in message
    assert revision_of(empty_url) == "0001"
    engine = make_engine(empty_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM councils")).scalars().all() == [
                "Alter Rat"
            ]
    finally:
        engine.dispose()


def test_a_failed_upgrade_tried_twice_leaves_one_backup(tmp_path):
    path = _old_database(tmp_path / "expertenrat.db")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE councils SET min_members = 12, max_members = 9")
    connection.close()

    for _attempt in range(2):
        error = _refused_upgrade(path)
        assert "Mindestzahl der Mitglieder (12) größer als die Höchstzahl (9)" in error.message

    backups = sorted(p.name for p in tmp_path.iterdir() if "vor-update" in p.name)
    assert backups == ["expertenrat-vor-update-von-0001.db"]
    assert _revision_of_file(path) == "0001"
    assert _revision_of_file(tmp_path / backups[0]) == "0001"


def _refused_upgrade(path: Path) -> DatabaseUnusableError:
    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(database_url(str(path)))
    return caught.value


def test_a_failed_first_change_on_a_server_leaves_no_schema_and_the_next_makes_it(
    empty_postgres_url,
) -> None:
    database = open_database(empty_postgres_url, create=Create.ON_FIRST_WRITE)
    try:
        with pytest.raises(RuntimeError), database.transaction() as session:
            session.add(models.Council(name="Digitalbeirat", city="Wismar"))
            session.flush()  # the schema and the row are written, then the work fails
            raise RuntimeError

        assert database.pending and revision_of(empty_postgres_url) is None
        with database.reading() as session:  # the empty twin in memory, as before
            assert session.scalars(select(models.Council.name)).all() == []

        with database.transaction() as session:
            session.add(models.Council(name="Digitalbeirat", city="Wismar"))

        assert not database.pending
        assert revision_of(empty_postgres_url) == schema_revisions.head_revision()
        with database.reading() as session:
            assert session.scalars(select(models.Council.name)).all() == ["Digitalbeirat"]
    finally:
        database.close()
