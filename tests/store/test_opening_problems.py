"""Opening a database that is damaged, not writable, empty, foreign or named by a bad URL.

Each case must give its true German reason and leave the database and its folder as they
were. Missing write permission cannot be made in-process when the tests run as root (root
ignores file modes), so the permission messages are checked here with the errors SQLite
raises; tests/test_cli_opening.py runs the real thing in a process without that power.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from schema_reads import table_names
from sqlalchemy import create_engine, exc, text
from sqlalchemy.engine import URL

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.services.change_marker import ChangeMarker, change_marker
from expertenrat.services.context import Services
from expertenrat.services.unit_of_work import StorageError
from expertenrat.store import migrate
from expertenrat.store.database import Database
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url, make_engine, text_without_password
from expertenrat.store.problems import sqlite_problem, upgrade_blocked

TODAY = date(2026, 11, 27)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_data_page(path: Path, table: str = "persons") -> Path:
    """Overwrite ``table``'s first page; the file header and the schema stay intact."""
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    finally:
        connection.close()
    assert root > 1
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = bytes((i * 37 + 11) % 256 for i in range(page_size))
    path.write_bytes(bytes(data))
    return path


def _refused(url: URL, **options) -> DatabaseUnusableError:
    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(url, **options)
    return caught.value


# --- a damaged data page --------------------------------------------------------------------


def test_a_damaged_data_page_is_refused_as_damaged_and_left_alone(tmp_path, demo_file):
    path = damage_data_page(demo_file)
    digest = _sha256(path)

    error = _refused(database_url(str(path)))

    assert "beschädigt" in error.message
    assert "nicht verändert" in error.message
    assert _sha256(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["expertenrat.db"]


def test_a_damaged_data_page_is_refused_also_when_only_reading(tmp_path, demo_file):
    path = damage_data_page(demo_file)

    error = _refused(database_url(str(path)), read_only=True)

    assert "beschädigt" in error.message


def test_a_damaged_old_database_is_refused_before_a_backup_is_made(tmp_path, demo_file):
    path = demo_file
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    damage_data_page(path)

    error = _refused(database_url(str(path)))

    assert "beschädigt" in error.message
    assert not any("vor-update" in p.name for p in tmp_path.iterdir())


def test_a_page_damaged_while_the_program_runs_gives_the_damage_message(tmp_path, demo_file):
    path = demo_file
    url = database_url(str(path))
    database = Database(url=url, engine=make_engine(url))  # opened while it was whole
    services = Services.create(database, "test")
    council_id = services.settings.councils()[0].id
    database.engine.dispose()
    damage_data_page(path)
    try:
        with pytest.raises(StorageError) as caught:
            services.members.members(council_id)
    finally:
        database.close()

    assert "beschädigt" in caught.value.message
    assert "Sicherung" in caught.value.message


# --- the message names the true reason --------------------------------------------------------


def _sqlite_error(name: str, text: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorname = name  # what SQLite sets; root cannot provoke it in-process
    return error


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SQLITE_READONLY_DIRECTORY", "Im Ordner „{folder}“ fehlt Ihnen die Schreibberechtigung"),
        ("SQLITE_READONLY", "ist schreibgeschützt"),
        ("SQLITE_CANTOPEN", "ist nicht zugänglich"),
        ("SQLITE_BUSY", "gesperrt"),
        ("SQLITE_FULL", "Der Datenträger von „{folder}/expertenrat.db“ ist voll"),
        ("SQLITE_IOERR_READ", "Fehler des Datenträgers"),
    ],
)
def test_trouble_that_is_no_damage_is_never_called_damage(tmp_path, name, expected):
    path = tmp_path / "Geschäftsstelle" / "expertenrat.db"

    message = sqlite_problem(path, _sqlite_error(name, "attempt to write")).message

    assert expected.format(folder=path.parent) in message
    assert "beschädigt" not in message.replace("nicht beschädigt", "")
    assert "Sicherung wieder" not in message


@pytest.mark.parametrize("name", ["SQLITE_CORRUPT", "SQLITE_NOTADB"])
def test_damage_is_called_damage(tmp_path, name):
    message = sqlite_problem(tmp_path / "x.db", _sqlite_error(name, "malformed")).message

    assert "beschädigt" in message
    assert "Sicherung wieder" in message


# --- reading only -------------------------------------------------------------------------------


def test_a_database_opened_to_read_reads_and_refuses_every_change(tmp_path, demo_file):
    path = demo_file
    digest = _sha256(path)

    database = open_database(database_url(str(path)), read_only=True)
    services = Services.create(database, "test")
    try:
        council_id = services.settings.councils()[0].id
        assert len(services.members.members(council_id)) == 10
        with pytest.raises(StorageError) as caught:
            services.settings.create_council(CouncilSettings(id=None, name="Neu", city="Wismar"))
    finally:
        database.close()

    assert "schreibgeschützt" in caught.value.message
    assert _sha256(path) == digest


@pytest.mark.parametrize("create", [Create.NEVER, Create.NOW], ids=["never", "now"])
def test_reading_a_missing_file_creates_no_file_and_no_folder(tmp_path, create):
    path = tmp_path / "Geschäftsstelle" / "expertenrat.db"

    error = _refused(database_url(str(path)), read_only=True, create=create)

    assert "gibt es noch nicht oder sie ist leer" in error.message
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_needed_to_exist_stays_empty(tmp_path):
    path = tmp_path / "leer.db"
    path.touch()

    error = _refused(database_url(str(path)), create=Create.NEVER)

    assert "leer" in error.message
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leer.db"]


def test_an_empty_database_that_must_exist_gets_no_schema_on_each_backend(empty_url):
    _refused(empty_url, create=Create.NEVER)

    assert table_names(empty_url) == set()


# --- created on the first change ----------------------------------------------------------------


def test_a_new_file_opened_for_work_is_created_only_by_the_first_change(tmp_path):
    path = tmp_path / "Geschäftsstelle" / "expertenrat.db"
    database = open_database(database_url(str(path)), create=Create.ON_FIRST_WRITE)
    services = Services.create(database, "test")
    try:
        assert services.settings.councils() == []
        assert not path.parent.exists()

        services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Wismar"))

        assert [c.name for c in services.settings.councils()] == ["Rat"]
    finally:
        database.close()
    assert path.is_file()


def test_a_new_file_reads_as_empty_in_another_thread_too(tmp_path, caplog):
    """The window's change poll reads in the worker: the stand-in in memory has its tables
    there as well (it was each thread's own empty database, "no such table")."""
    path = tmp_path / "expertenrat.db"
    database = open_database(database_url(str(path)), create=Create.ON_FIRST_WRITE)
    services = Services.create(database, "test")
    read: list[object] = []
    try:
        assert services.settings.councils() == []  # the stand-in made in this thread
        worker = threading.Thread(target=lambda: read.append(change_marker(database)))
        worker.start()
        worker.join()
    finally:
        database.close()
    assert read == [ChangeMarker(0, 0, ())]
    assert "refused" not in caplog.text
    assert not path.exists()


def test_the_first_reads_of_a_new_file_from_two_threads_at_once_both_find_it_empty(tmp_path):
    """The stand-in is made once, whole, by whichever thread reads first (two makers at a
    time met "database schema is locked" or a stand-in without its tables yet)."""
    failures: list[BaseException] = []
    for attempt in range(10):
        database = open_database(
            database_url(str(tmp_path / f"neu-{attempt}.db")), create=Create.ON_FIRST_WRITE
        )
        services = Services.create(database, "test")
        start = threading.Barrier(2)

        def read(services=services, start=start) -> None:
            start.wait()
            try:
                assert services.settings.councils() == []
            except BaseException as error:  # collected for the assertion below
                failures.append(error)

        threads = [threading.Thread(target=read) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        database.close()
    assert failures == []


def test_an_empty_database_opened_for_work_gets_its_schema_with_the_demo_on_each_backend(
    empty_url,
):
    database = open_database(empty_url, create=Create.ON_FIRST_WRITE)
    services = Services.create(database, "test")
    try:
        assert services.settings.councils() == []
        assert table_names(empty_url) == set()

        services.demo.load(TODAY)

        assert len(services.settings.councils()) == 2  # Rostock and Lübeck
    finally:
        database.close()
    assert "councils" in table_names(empty_url)


# --- foreign tables -------------------------------------------------------------------------------


def _execute(url: URL, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "statements",
    [
        (
            "CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)",
            "INSERT INTO kunden (id, name) VALUES (1, 'Müller GmbH')",
        ),
        (
            "CREATE TABLE councils (id INTEGER PRIMARY KEY, titel TEXT)",
            "INSERT INTO councils (id, titel) VALUES (1, 'Gemeinderat')",
        ),
    ],
    ids=["other-tables", "foreign-councils"],
)
def test_a_database_with_foreign_tables_is_refused_untouched_on_each_backend(empty_url, statements):
    _execute(empty_url, *statements)
    before = table_names(empty_url)

    error = _refused(empty_url)

    assert "keine von Expertenrat" in error.message
    assert "nicht verändert" in error.message
    assert table_names(empty_url) == before


# --- addresses that name no usable database ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mysql://sekretariat:geheim@db.example/rat", "Typ „mysql“ unterstützt Expertenrat nicht"),
        ("foo://", "Typ „foo“ unterstützt Expertenrat nicht"),
        ("postgresql+psycopg2://a@localhost/x", "treiber „psycopg2“ ist nicht installiert"),
        ("://", "keine gültige Datenbankadresse"),
        ("postgresql://a:geheim@localhost:abc/x", "keine gültige Datenbankadresse"),
        ("sqlite:///:memory:", "nur im Arbeitsspeicher"),
        ("sqlite://", "nur im Arbeitsspeicher"),
        # (found by a tester) SQLite's own name for memory, given as a file: it made a file
        # ":memory:" in the current folder
        (":memory:", "nur im Arbeitsspeicher"),
        # (found by a tester) bytes that are no UTF-8, as Linux hands them to Python in
        # argv or the environment: a traceback came from psycopg, urllib or the IDNA codec
        ("postgresql://a:geheim\udcff@localhost/x", "keine gültige Datenbankadresse"),
        ("postgresql://a\udcff:geheim@localhost/x", "keine gültige Datenbankadresse"),
        ("postgresql://a:geheim@h\udcffst/x", "keine gültige Datenbankadresse"),
        ("postgresql://a:geheim@localhost/x\udcff", "keine gültige Datenbankadresse"),
        # (found by review) a NUL, as in a datenbank.json edited by hand: a ValueError
        ("\x00", "ein unsichtbares Steuerzeichen (U+0000)"),
        ("rat\x00.db", "„rat.db“ ist keine gültige Datenbankadresse"),
        ("sqlite:////tmp/rat\x00.db", "Steuerzeichen (U+0000)"),
        ("postgresql://a:geheim\x00@localhost/x", "Steuerzeichen (U+0000)"),
        # (found by a tester) a city's password with "@" (and ":" "/" "%" "#") typed into
        # the address as it is: the part after its "@" showed as the server's name, or in
        # the address said to be not valid
        ("postgresql://a:x@geheim@localhost/x", "muss in der Adresse als „%40“ stehen"),
        ("postgresql://a:x@geheim:w/o%r#d@localhost/x", "muss in der Adresse als „%40“ stehen"),
    ],
)
def test_an_address_that_names_no_usable_database_is_refused_in_german(text, expected):
    with pytest.raises(DatabaseUnusableError) as caught:
        open_database(database_url(text))

    assert expected in caught.value.message
    assert "geheim" not in caught.value.message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # (found by review) an "@" in the query string hid host and database, as if the
        # password ran to it
        (
            "postgresql://rat:geheim@db.stadt.de:5433/rat?application_name=a@b",
            "postgresql://rat:***@db.stadt.de:5433/rat?application_name=a@b",
        ),
        (
            "postgresql://rat:x@geheim@db.stadt.de/rat?options=a@b",
            "postgresql://rat:***@db.stadt.de/rat?options=a@b",
        ),
        ("postgresql://rat:x@geheim:w/o%r#d@db/rat", "postgresql://rat:***@db/rat"),
        ("postgresql://rat:ge/he?im@db/rat", "postgresql://rat:***@db/rat"),
        (
            "postgresql://db/rat?options=a@b&password=geheim",
            "postgresql://db/rat?options=a@b&password=***",
        ),
    ],
)
def test_an_address_is_shown_with_only_its_password_masked(text, shown):
    assert text_without_password(text) == shown


def test_a_folder_with_a_hash_and_a_question_mark_in_its_name_is_kept_whole(tmp_path):
    path = tmp_path / "Sitzung #3? 100%" / "expertenrat.db"

    open_database(database_url(str(path))).close()

    assert path.is_file()


@pytest.mark.skipif(os.name == "nt", reason="a file name that is no UTF-8 is a POSIX matter")
def test_a_file_name_that_is_no_utf8_opens(tmp_path):
    """(found by a tester) A database file whose name holds a byte that is no UTF-8 (Python
    holds it as a lone surrogate) could not be opened: building SQLite's URI raised a
    UnicodeEncodeError, which the command line showed as a traceback."""
    path = Path(os.fsdecode(bytes(tmp_path) + b"/Sitzung\xff.db"))

    open_database(database_url(str(path))).close()
    open_database(database_url(str(path)), read_only=True).close()  # through SQLite's URI

    assert os.path.isfile(bytes(tmp_path) + b"/Sitzung\xff.db")


def test_an_upgrade_stopped_by_an_unknown_rule_says_so_without_raw_sql(caplog):
    error = exc.IntegrityError(
        "INSERT INTO x VALUES (?)",
        ("Anna Berg",),
        sqlite3.IntegrityError("CHECK constraint failed: ck_x"),
    )

    message = upgrade_blocked("expertenrat.db", error, read=None)  # type: ignore[arg-type]

    assert "Vorhandene Daten verletzen eine Regel der neuen Version" in message
    assert "CHECK" not in message
    assert "Anna Berg" not in message
    assert "Anna Berg" not in caplog.text


def test_an_older_database_opened_to_read_is_read_from_an_upgraded_copy(tmp_path, demo_file):
    """`export`, `check`, `backup` open to read: an older file was upgraded in place
    nonetheless (with a copy beside it), and one where nothing may be written (a read-only
    share, an archive) was refused as ".alt-sicherung.tmp: Der Datenträger ist
    schreibgeschützt" (found by a tester)."""
    path = demo_file
    migrate.downgrade(database_url(str(path)), "-1")  # the demo's data as the last version had it
    digest, listing = _sha256(path), sorted(p.name for p in path.parent.iterdir())

    database = open_database(database_url(str(path)), read_only=True)
    services = Services.create(database, "test")
    try:
        council_id = services.settings.councils()[0].id
        assert len(services.members.members(council_id)) == 10
        with pytest.raises(StorageError, match="schreibgeschützt"):
            services.settings.create_council(CouncilSettings(id=None, name="Neu", city="Wismar"))
        scratch = database._scratch
        assert scratch is not None and scratch.is_dir()
    finally:
        database.close()

    assert _sha256(path) == digest
    assert sorted(p.name for p in path.parent.iterdir()) == listing
    assert not scratch.exists()
