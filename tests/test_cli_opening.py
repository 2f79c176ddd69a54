"""The command line on databases it cannot or may not change, and on awkward output targets.

Missing write permission is real here: the command runs in a process that file modes bind
(see the ``bound_by_file_modes`` fixture).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cli_runs import assert_one_line_error, script_environment
from cli_runs import run_script as run
from damaged_file import damage_table


@pytest.fixture(scope="module")
def exported(sqlite_demo_template, tmp_path_factory) -> Path:
    """The demo members as CSV, exported from the template (not from the test's folder)."""
    path = tmp_path_factory.mktemp("csv") / "mitglieder.csv"
    result = run("--database", str(sqlite_demo_template), "export", "members", "--out", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def database(sqlite_demo_template, tmp_path) -> Path:
    folder = tmp_path / "Daten"
    folder.mkdir()
    path = folder / "expertenrat.db"
    shutil.copyfile(sqlite_demo_template, path)
    return path


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- damaged ------------------------------------------------------------------------------------


def test_a_damaged_data_page_gives_the_damage_message(database, tmp_path):
    damage_table(database, "persons")

    result = run("--database", str(database), "export", "members", "--out", str(tmp_path / "m.csv"))

    error, detail = result.stderr.strip().splitlines()  # SQLite's own words: a detail
    assert error.startswith("expertenrat: Fehler: ") and "ist beschädigt" in error
    assert "malformed" not in error and detail.startswith("expertenrat: Einzelheiten: ")
    assert result.returncode == 1 and "malformed" in detail
    assert not (tmp_path / "m.csv").exists()


# --- no write permission ------------------------------------------------------------------------


@pytest.fixture
def read_only_folder(database):
    folder = database.parent
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


@pytest.fixture
def read_only_file(database):
    database.chmod(0o444)
    yield database
    database.chmod(0o644)


def test_export_reads_a_database_in_a_folder_without_write_permission(
    database, read_only_folder, bound_by_file_modes, tmp_path
):
    before = _listing(read_only_folder)
    target = tmp_path / "mitglieder.csv"

    result = run(
        "--database", str(database), "export", "members", "--out", str(target),
        prefix=bound_by_file_modes,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("10 Mitglieder als CSV-Datei")
    assert _listing(read_only_folder) == before


@pytest.mark.parametrize("read_only", ["read_only_file", "read_only_folder"])
def test_an_auskunft_from_a_database_that_may_only_be_read_is_written_with_a_warning(
    request, read_only, database, bound_by_file_modes, tmp_path
):
    """It notes itself in the audit trail (found by a tester), which needs the right to
    write; where that is missing, the Auskunft still goes out, and a warning says it is not
    noted."""
    request.getfixturevalue(read_only)
    target = tmp_path / "auskunft.pdf"

    result = run(
        "--database", str(database), "export", "person", "--id", "1", "--out", str(target),
        prefix=bound_by_file_modes,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Auskunft nach Art. 15 DSGVO über Person Nr. 1")
    assert target.stat().st_size > 0
    assert result.stderr.startswith(
        "expertenrat: Warnung: Die Auskunft ist geschrieben, aber nicht im Änderungsprotokoll "
        "vermerkt: "
    )


def test_listings_read_a_database_in_a_folder_without_write_permission(
    database, read_only_folder, bound_by_file_modes
):
    """meetings, recommendations and retention without --anonymise only read, as the
    exports do; only anonymising needs the right to write."""
    before = _listing(read_only_folder)

    results = [
        run("--database", str(database), *command, prefix=bound_by_file_modes)
        for command in (["meetings"], ["recommendations"], ["retention"])
    ]
    anonymise = run("--database", str(database), "retention", "--anonymise",
                    prefix=bound_by_file_modes)  # fmt: skip

    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    assert results[0].stdout.startswith("  1. Sitzung")
    assert results[2].stdout.startswith("Niemand ist vor mehr als 2 Jahren ausgeschieden")
    assert_one_line_error(anonymise, f"Im Ordner „{read_only_folder}“ fehlt Ihnen die Schreib")
    assert _listing(read_only_folder) == before


def test_changing_a_database_in_a_folder_without_write_permission_names_the_folder(
    database, read_only_folder, bound_by_file_modes, exported
):
    result = run("--database", str(database), "import", "members", str(exported),
                 prefix=bound_by_file_modes)  # fmt: skip

    assert_one_line_error(result, f"Im Ordner „{read_only_folder}“ fehlt Ihnen die Schreib")
    assert "beschädigt" not in result.stderr.replace("nicht beschädigt", "")
    assert "Sicherung wieder" not in result.stderr
    dry = run("--database", str(database), "import", "members", str(exported), "--dry-run",
              "--council", "1", prefix=bound_by_file_modes)  # fmt: skip
    assert dry.returncode == 0, dry.stderr


def test_a_write_protected_database_file_is_read_but_not_changed(
    database, read_only_file, bound_by_file_modes, exported, tmp_path
):
    digest = database.read_bytes()

    export = run("--database", str(database), "export", "members", "--out",
                 str(tmp_path / "neu.csv"), prefix=bound_by_file_modes)  # fmt: skip
    change = run("--database", str(database), "import", "members", str(exported),
                 prefix=bound_by_file_modes)  # fmt: skip

    assert export.returncode == 0, export.stderr
    assert_one_line_error(change, "ist schreibgeschützt")
    assert "beschädigt" not in change.stderr.replace("nicht beschädigt", "")
    assert database.read_bytes() == digest


# --- nothing is created by reading --------------------------------------------------------------


def test_reading_leaves_no_log_files_beside_the_database(database, tmp_path):
    before = _listing(database.parent)

    export = run("--database", str(database), "export", "members", "--out",
                 str(tmp_path / "neu.csv"))  # fmt: skip
    dry = run("--database", str(database), "import", "members", str(tmp_path / "neu.csv"),
              "--dry-run", "--council", "1")  # fmt: skip

    assert export.returncode == 0, export.stderr
    assert dry.returncode == 0, dry.stderr
    assert _listing(database.parent) == before  # no expertenrat.db-wal or -shm left


@pytest.mark.parametrize("command", ["export", "import"])
def test_a_command_on_an_empty_file_creates_nothing(tmp_path, command):
    path = tmp_path / "leer.db"
    path.touch()
    source = tmp_path / "x.csv"
    source.write_text("Vorname;Nachname\n", encoding="utf-8")
    args = ["export", "members", "--out", str(tmp_path / "m.csv")]
    if command == "import":
        args = ["import", "members", str(source)]

    result = run("--database", str(path), *args)

    assert_one_line_error(result, "gibt es noch nicht oder sie ist leer")
    assert path.read_bytes() == b""
    assert _listing(tmp_path) == ["leer.db", "x.csv"]


def test_an_export_from_a_missing_folder_creates_no_folder(tmp_path):
    path = tmp_path / "Geschäftsstelle" / "expertenrat.db"

    result = run("--database", str(path), "export", "roster", "--out", str(tmp_path / "r.pdf"))

    assert_one_line_error(result, "es wurde nichts angelegt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "url",
    [
        "mysql://sekretariat:geheim@db.example/rat",
        "foo://",
        "postgresql+psycopg2://a@localhost/x",
        "://",
        "postgresql://a@localhost:abc/x",
        "sqlite:///:memory:",
    ],
)
def test_an_address_that_names_no_usable_database_gives_one_german_line(url, tmp_path):
    result = run("--database", url, "export", "members", "--out", str(tmp_path / "m.csv"))

    assert_one_line_error(result, "")
    assert "geheim" not in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- output -------------------------------------------------------------------------------------


def test_output_into_a_closed_pipe_ends_quietly(database, exported):
    with subprocess.Popen(
        [sys.executable, "-m", "expertenrat", "--database", str(database),
         "import", "members", str(exported), "--dry-run", "--council", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=script_environment(),
    ) as process:  # fmt: skip
        process.stdout.close()  # like `| head -0`: nobody reads
        errors = process.stderr.read().decode()
        process.wait(timeout=120)

    assert errors == ""
    assert process.returncode == 1


@pytest.mark.skipif(sys.platform == "win32", reason="a pipe without reader, as POSIX has it")
def test_the_version_into_a_closed_pipe_ends_quietly():
    """(found by a tester) "expertenrat --version | true": the version, written after the
    reader had gone, ended with a BrokenPipeError traceback ("--help" never did: argparse
    drops the error)."""
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails
    try:
        result = subprocess.run(
            [sys.executable, "-m", "expertenrat", "--version"],
            stdin=subprocess.DEVNULL,
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=120,
            env=script_environment(),
        )
    finally:
        os.close(writer)

    assert (result.returncode, result.stderr) == (1, b"")


def test_a_file_name_that_is_too_long_gets_a_german_message(database, tmp_path):
    target = tmp_path / ("Mitgliederliste-" + "x" * 300 + ".pdf")

    result = run(
        "--database", str(database), "export", "roster", "--out", str(target), "--council", "1"
    )

    assert_one_line_error(result, "kann nicht geschrieben werden: Der Dateiname ist zu lang.")


def test_a_name_just_short_enough_is_written(database, tmp_path):
    target = tmp_path / ("m" * 251 + ".csv")

    result = run("--database", str(database), "export", "members", "--out", str(target))

    assert result.returncode == 0, result.stderr
    assert target.is_file()
    assert _listing(tmp_path) == ["Daten", target.name]


def test_a_link_as_target_is_refused_and_its_file_kept(database, tmp_path):
    kept = tmp_path / "wichtig.txt"
    kept.write_text("Protokoll 2025", encoding="utf-8")
    link = tmp_path / "mitglieder.csv"
    link.symlink_to(kept)

    result = run(
        "--database", str(database), "export", "members", "--out", str(link), "--council", "1"
    )

    assert_one_line_error(result, "ist eine Verknüpfung")
    assert link.is_symlink()
    assert kept.read_text(encoding="utf-8") == "Protokoll 2025"


def test_a_write_protected_target_is_refused_and_kept(database, tmp_path):
    target = tmp_path / "mitglieder.csv"
    target.write_text("alte Liste", encoding="utf-8")
    target.chmod(0o444)

    result = run(
        "--database", str(database), "export", "members", "--out", str(target), "--council", "1"
    )

    assert_one_line_error(result, "ist schreibgeschützt und wird nicht ersetzt")
    assert target.read_text(encoding="utf-8") == "alte Liste"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_server_that_cannot_be_reached_is_named_as_the_user_knows_it_in_german():
    result = run("--database", "postgresql://rat:geheim@127.0.0.1:1/expertenrat", "meetings")

    assert result.returncode == 1
    assert result.stderr == (
        "expertenrat: Fehler: Der Datenbankserver „postgresql://rat@127.0.0.1:1/expertenrat“ "
        "ist nicht erreichbar: Unter dieser Adresse nimmt kein Datenbankserver Verbindungen "
        "an. Bitte prüfen Sie, ob der Server läuft und ob Server und Port stimmen.\n"
    )


def test_a_server_problem_not_known_is_told_with_the_driver_s_text_as_details():
    """A "server" that hangs up at once."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        hang_up = threading.Thread(target=lambda: listener.accept()[0].close())
        hang_up.start()
        result = run(
            "--database", f"postgresql://rat@127.0.0.1:{port}/x?sslmode=disable", "meetings"
        )
        hang_up.join()

    assert result.returncode == 1
    first, second = result.stderr.splitlines()
    assert first.endswith(
        "ist nicht erreichbar. Bitte prüfen Sie, ob er läuft und ob Server und Port stimmen."
    )
    assert second.startswith("expertenrat: Einzelheiten: ")
    assert "server closed the connection unexpectedly" in second


def test_an_unreadable_stored_choice_is_said_in_german_and_logged_not_printed(
    sqlite_demo_template, tmp_path
):
    """(found by a tester) Without a handler of its own a command printed the program's log
    warnings on stderr, in English and with a traceback: here "Ignoring unreadable
    …/datenbank.json". The file is passed over for the default file, which after a move to
    a server holds the data from before it: that is said, in German."""
    data, config = Path(os.environ["XDG_DATA_HOME"]), Path(os.environ["XDG_CONFIG_HOME"])
    (data / "Expertenrat").mkdir(parents=True)
    default = data / "Expertenrat" / "expertenrat.db"
    shutil.copyfile(sqlite_demo_template, default)
    (config / "Expertenrat").mkdir(parents=True)
    stored = config / "Expertenrat" / "datenbank.json"
    stored.write_text("{kaputt", "utf-8")

    result = run("meetings", "--council", "1")

    assert result.returncode == 0 and "1. Sitzung" in result.stdout
    assert result.stderr == (
        f"expertenrat: Warnung: Die Datei „{stored}“, in der dieser PC sich die gewählte "
        f"Datenbank merkt, ist unlesbar; verwendet wird die Standarddatei „{default}“. "
        "Wählen Sie die Datenbank im Programmfenster neu (Einstellungen → Datenbank) oder "
        "geben Sie sie mit --database an.\n"
    )
    logged = Path(os.environ["XDG_STATE_HOME"]) / "Expertenrat" / "log" / "expertenrat.log"
    assert "Ignoring unreadable" in logged.read_text("utf-8")
    # the stored choice is not asked
    given = run("--database", str(default), "meetings", "--council", "1")
    assert given.returncode == 0 and given.stderr == ""


def test_a_command_that_logs_nothing_makes_no_log_folder(database):
    result = run("--database", str(database), "meetings", "--council", "1")

    assert result.returncode == 0 and result.stderr == ""
    assert not (Path(os.environ["XDG_STATE_HOME"]) / "Expertenrat").exists()


def test_a_file_name_the_output_cannot_show_is_written_and_named_by_its_codes(database, tmp_path):
    """(found by a tester) Output to a file or pipe on Windows is in the ANSI code page: the
    file was written, then naming it ended the command with a traceback and exit code 1."""
    target = tmp_path / "Liste 😀.pdf"
    command = ["--database", str(database), "export", "roster", "--out", str(target)]
    command += ["--council", "1"]
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", *command],
        capture_output=True,
        timeout=120,
        env=script_environment() | {"PYTHONIOENCODING": "cp1252"},
    )  # fmt: skip

    assert (result.returncode, result.stderr) == (0, b"")
    assert target.is_file()
    assert result.stdout.decode("cp1252").endswith("Liste \\U0001f600.pdf\n")


@pytest.mark.parametrize("encoding", ["cp850", "iso8859-15", "ascii"])
def test_the_help_is_written_where_the_output_lacks_the_dashes_and_quotation_marks(encoding):
    """(found by a tester) A DOS code page, a Latin-1 locale or ASCII (``LC_ALL=C``) has no
    "–" or "„": "--help" ended with a UnicodeEncodeError traceback and exit code 1."""
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--help"],
        capture_output=True,
        timeout=120,
        env=script_environment() | {"PYTHONIOENCODING": encoding},
    )

    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode(encoding).startswith("Aufruf: expertenrat ")
    assert "Expertenrat - die Anwendung" in result.stdout.decode(encoding)


def test_a_message_in_a_dos_code_page_writes_dashes_and_quotation_marks_plainly(tmp_path):
    """(found by a tester) Output in a DOS code page (cp850) wrote every "„…“" of a German
    message as "\\u201e…\\u201c"; the characters it has (ü) stay, the others are codes."""
    missing = tmp_path / "Prüfung 😀.db"
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(missing), "persons"],
        capture_output=True,
        timeout=120,
        env=script_environment() | {"PYTHONIOENCODING": "cp850"},
    )

    assert result.returncode == 1
    shown = str(missing).replace("😀", "\\U0001f600")
    assert result.stderr.decode("cp850").startswith(
        f'expertenrat: Fehler: Die Datenbank "{shown}" gibt es noch nicht'
    )


def test_a_missing_database_no_one_named_says_whose_it_was_and_what_to_give(tmp_path):
    """(found by a tester) A scheduled backup run as another user (SYSTEM, root) than the
    window's opened that user's database, not there, and was told only to make a council
    or load the demo data."""
    unnamed = run("backup", "--out", str(tmp_path / "sicherung.zip"))
    named = run("--database", str(tmp_path / "x.db"), "backup", "--out", str(tmp_path / "s.zip"))

    assert_one_line_error(unnamed, "gibt es noch nicht oder sie ist leer")
    assert "Angegeben war keine Datenbank (weder --database noch $EXPERTENRAT_DATABASE_URL)" in (
        unnamed.stderr
    )
    assert "unter einem anderen Benutzer (etwa als geplante Aufgabe)" in unnamed.stderr
    assert_one_line_error(named, "gibt es noch nicht oder sie ist leer")
    assert "Angegeben war keine" not in named.stderr


def test_a_stored_file_chosen_on_another_pc_is_not_created_by_a_command(tmp_path):
    """(found by review) datenbank.json roams with a Windows profile: "demo" on a PC
    without the file chosen on another created it here, the council's data split."""
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "Expertenrat"
    config.mkdir(parents=True)
    elsewhere = tmp_path / "Rat" / "rat.db"
    (config / "datenbank.json").write_text(json.dumps({"url": str(elsewhere)}), "utf-8")

    result = run("demo")

    assert_one_line_error(result, f"Die gewählte Datenbank „{elsewhere}“ gibt es auf diesem PC")
    assert "mit --database an" in result.stderr
    assert not elsewhere.parent.exists()


def test_the_reminders_arrow_is_written_plainly_in_the_ansi_code_page(database, tmp_path):
    """(found by a tester) The reminders' lines in a scheduled task's log (Windows writes
    redirected output in the ANSI code page, which has no "→") read "E-2025-04 \\u2192 …"."""
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(database),
         "export", "reminders", "--council", "1", "--out", str(tmp_path / "Erinnerungen")],
        capture_output=True,
        timeout=120,
        env=script_environment() | {"PYTHONIOENCODING": "cp1252"},
    )  # fmt: skip

    assert result.returncode == 0
    lines = result.stdout.decode("cp1252").splitlines()
    assert lines and all(" -> " in line and "\\u" not in line for line in lines)
