"""The command line: real processes, German messages, exit codes, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from cli_runs import run_main, script_environment
from cli_runs import run_script as run

from expertenrat import __version__
from expertenrat.store import schema_revisions


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert (
        result.stdout.strip()
        == f"Expertenrat {__version__} (Schemastand {schema_revisions.head_revision()})"
    )


def test_the_help_speaks_of_any_council_not_of_rostocks_kind():
    """(found by a tester) The help said "Geschäftsstelle eines Smart-City-Expert*innenrats":
    a Beirat in Lübeck runs the same program by its settings."""
    from expertenrat.cli import build_parser

    text = " ".join(build_parser().format_help().split())
    assert "Smart" not in text
    assert "Geschäftsstelle eines Gremiums" in text


def test_demo_fills_an_empty_database_and_refuses_a_second_time(tmp_path):
    database = str(tmp_path / "demo.db")
    first = run("--database", database, "demo")
    assert first.returncode == 0, first.stderr
    assert "Demodaten geladen: 2 Gremien, 14 Mitglieder, 9 Sitzungen" in first.stdout

    second = run("--database", database, "demo")
    assert second.returncode == 1
    assert "enthält schon Daten" in second.stderr
    assert "Traceback" not in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1


def _zone_of_another_day() -> str:
    """A time zone whose date is not Berlin's now (UTC+14 or UTC-12: one of them is always
    a day apart from UTC+1/+2)."""
    berlin = datetime.now(ZoneInfo("Europe/Berlin")).date()
    return next(
        z for z in ("Etc/GMT-14", "Etc/GMT+12") if datetime.now(ZoneInfo(z)).date() != berlin
    )


def test_demo_is_of_the_councils_day_not_the_pcs(tmp_path):
    """(found by a tester) `expertenrat demo` took the PC's date: on a PC set to another
    zone the demo's day was not the day its councils (Europe/Berlin) count, and their pages
    and deadlines disagreed with it by a day. Its day is the councils' today now, as the
    demo service's own default is."""
    from expertenrat.domain.councils import new_council_today
    from expertenrat.services.demo import DemoService
    from expertenrat.store.database_opening import open_database
    from expertenrat.store.engine import database_url

    database = tmp_path / "demo.db"
    before = new_council_today()
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(database), "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**script_environment(), "TZ": _zone_of_another_day()},
    )
    assert result.returncode == 0, result.stderr
    expected = []
    for day in sorted({before, new_council_today()}):  # the run may pass Berlin's midnight
        reference = open_database(database_url(str(tmp_path / f"reference-{day}.db")))
        try:
            DemoService(reference, "Test").load(day)
            expected.append(_days(reference))
        finally:
            reference.close()
    made = open_database(database_url(str(database)))
    try:
        assert _days(made) in expected
    finally:
        made.close()


def _days(database) -> list:
    """The demo's days: the members' term ends and the meetings' starts."""
    from sqlalchemy import select

    from expertenrat.store import models

    with database.reading() as session:
        ends = session.scalars(select(models.Membership.term_end).order_by(models.Membership.id))
        starts = session.scalars(select(models.Meeting.starts_at).order_by(models.Meeting.id))
        return [*ends, *starts]


def test_demo_uses_the_database_from_the_environment(tmp_path):
    database = tmp_path / "env.db"
    result = run("demo", "--councils", "2", "--years", "1", env_database=str(database))
    assert result.returncode == 0, result.stderr
    assert "3 Gremien, 24 Mitglieder" in result.stdout  # and the Lübeck Beirat
    assert database.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("demo", "--years", "zwei"), "„zwei“ ist keine ganze Zahl"),
        (("demo", "--councils", "0"), "muss mindestens 1 sein"),
        (("demo", "--councils", "99999999999999999999"), "darf höchstens 20 sein"),
        (("demo", "--years", "51"), "darf höchstens 50 sein"),
        (("retention", "--years", "2026"), "darf höchstens 100 sein"),
        (
            ("export", "minutes", "--meeting", "99999999999999999999", "--out", "x.pdf"),
            "--meeting: darf höchstens 2147483647 sein",
        ),
        (("export", "roster", "--out", ""), "--out: ist leer; bitte eine Zieldatei angeben\n"),
        # (found by a tester) the backup, which writes a file, asked for "a file or a folder"
        (("backup", "--out", " "), "--out: ist leer; bitte eine Zieldatei angeben\n"),
        (("export", "opendata", "--out", ""), "--out: ist leer; bitte einen Zielordner angeben\n"),
        (("export", "oparl", "--base-url", "https://x.de/o/", "--out", "/"), "„/“ kann nicht"),
        (("zaubern",), "Angabe BEFEHL: „zaubern“ gibt es nicht; möglich: demo, export, "),
        (("export", "brief"), "Angabe WAS: „brief“ gibt es nicht; möglich: roster, members"),
        # (found by a tester) an empty input was read as the current folder ("„.“ ist keine
        # gewöhnliche Datei"), move-to-server's as the default database
        (("restore", "", "--yes"), "DATEI.zip|.db: ist leer; bitte die Sicherung angeben"),
        (
            ("import", "members", " ", "--dry-run"),
            "DATEI.xlsx|.xlsm|.csv|.txt: ist leer; bitte die Datei",
        ),
        (("import", "settings", "", "--new"), "DATEI.json: ist leer; bitte die Einstellungsdatei"),
        (("move-to-server", "", "--yes"), "URL: ist leer; bitte die Adresse der leeren Datenbank"),
        # (found by a tester) one missing option was "diese Angaben fehlen: --out"
        (("backup",), "Fehler: diese Angabe fehlt: --out\n"),
        (("export", "annual-report"), "Fehler: diese Angaben fehlen: --year, --out\n"),
        # (found by a tester) "unbekannte Angaben: --database y.db" of an option --help names
        (
            ("backup", "--out", "x.zip", "--database", "y.db"),
            "unbekannte Angaben: --database y.db (--database gehört vor den Befehl: "
            "expertenrat --database … BEFEHL …)\n",
        ),
    ],
)
def test_bad_arguments_give_exit_code_1_and_a_german_line(args, message, tmp_path):
    result = run("--database", str(tmp_path / "x.db"), *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # no database made for nothing


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_database_argument_is_refused_not_taken_as_the_default(
    given, tmp_path, monkeypatch
):
    """(found by a tester) ``--database ""`` (a script's unset variable, ``--database
    "$DB"``) silently used the default database in the user folder, where ``restore
    --yes`` then replaced the user's data; ``--database " "`` made a file named " " in the
    working folder. An empty value is refused; without ``--database`` the default stays."""
    from expertenrat.paths import default_database_file

    monkeypatch.chdir(tmp_path)  # the working folder of the command: nothing made there
    result = run("--database", given, "meetings")

    assert result.returncode == 1
    assert "--database: ist leer" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [] and not default_database_file().exists()


def test_a_failed_command_leaves_no_new_database_behind(tmp_path):
    broken = tmp_path / "einstellungen.json"
    broken.write_text('{"format": "expertenrat-council-settings", "formatVersion": 2, "c', "utf-8")
    database = tmp_path / "neu" / "rat.db"

    result = run("--database", str(database), "import", "settings", str(broken), "--new")

    assert result.returncode == 1 and "kein gültiges JSON" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["einstellungen.json"]  # no folder


def test_a_command_failing_after_its_first_change_leaves_no_new_database(
    tmp_path, monkeypatch, capsys
):
    from expertenrat.__main__ import main
    from expertenrat.domain.errors import ExpertenratError
    from expertenrat.services.demo import DemoService

    load = DemoService.load

    def failing(self, *args, **kwargs):
        load(self, *args, **kwargs)  # the file and its data are written, then it fails
        raise ExpertenratError("Die Demodaten sind unvollständig.")

    monkeypatch.setattr(DemoService, "load", failing)
    database = tmp_path / "neu" / "demo.db"

    assert main(["--database", str(database), "demo"]) == 1

    assert "Die Demodaten sind unvollständig." in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # neither the file nor its folder


def test_ctrl_c_rolls_back_says_so_and_leaves_no_new_database(tmp_path, monkeypatch, capsys):
    from expertenrat.__main__ import main
    from expertenrat.services.demo import DemoService

    load = DemoService.load

    def interrupted(self, *args, **kwargs):
        load(self, *args, **kwargs)  # the demo is written, then the user presses Ctrl+C
        raise KeyboardInterrupt

    monkeypatch.setattr(DemoService, "load", interrupted)
    database = tmp_path / "demo.db"

    assert main(["--database", str(database), "demo"]) == 130

    assert capsys.readouterr().err.strip() == "expertenrat: Abgebrochen."
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_the_program_loads_says_so_without_a_traceback(monkeypatch, capsys):
    """The modules of a command load for a few tenths of a second; Ctrl+C then ended
    with a traceback of the import."""
    from expertenrat import __main__

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(__main__, "load_data_stack", interrupted)

    try:
        code = __main__.main(["check"])
    except KeyboardInterrupt:  # not let through: pytest would take it for the user's
        pytest.fail("Ctrl+C while loading came through as a traceback")
    assert code == 130

    assert capsys.readouterr().err.strip() == "expertenrat: Abgebrochen."


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    notes = tmp_path / "notizen.txt"
    notes.write_text("Einkaufsliste", encoding="utf-8")
    result = run("--database", str(notes), "demo")
    assert result.returncode == 1
    assert "keine Expertenrat-Datenbank" in result.stderr
    assert "Traceback" not in result.stderr
    assert notes.read_text(encoding="utf-8") == "Einkaufsliste"


def test_a_relative_out_in_a_deleted_current_folder_is_a_german_message(
    tmp_path, monkeypatch, capsys
):
    """A shell left in a folder that was deleted meanwhile: the relative name had no
    folder to stand in, and the command ended with a FileNotFoundError traceback."""
    from expertenrat.__main__ import main

    gone = tmp_path / "weg"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()

    with pytest.raises(SystemExit) as ended:
        main(["--database", str(tmp_path / "x.db"), "export", "settings", "--out", "r.json"])

    assert ended.value.code == 1
    err = capsys.readouterr().err
    assert "der aktuelle Ordner existiert nicht mehr" in err and "Traceback" not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's display")
def test_the_window_without_a_display_is_a_german_message_not_a_qt_abort(tmp_path):
    """(found by a tester) Over SSH or on a server "expertenrat" ended with Qt's English
    "could not load the Qt platform plugin" and exit code 134; the commands work there."""
    environment = {
        k: v
        for k, v in script_environment().items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    database = tmp_path / "ohne-fenster.db"

    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(database)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "expertenrat: Fehler: Das Programmfenster braucht eine grafische Oberfläche, hier ist "
        "keine erreichbar (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Die Befehle laufen "
        "auch ohne sie: „expertenrat --help“ nennt sie.\n"
    )
    assert not database.exists()
    help_text = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert help_text.returncode == 0 and "Ohne Befehl startet das" in help_text.stdout


@pytest.mark.parametrize("what", ["members", "recommendations"])
def test_a_folder_as_out_of_an_export_whose_ending_chooses_the_format_is_named_a_folder(
    demo_file, tmp_path, what
):
    """``export members --out /tmp`` said "„tmp“: Die Dateiendung „(keine)“ ist
    unbekannt" (found by a tester); a folder is said to be one, as for the other exports."""
    result = run("--database", str(demo_file), "export", what, "--out", str(tmp_path))

    assert result.returncode == 1
    assert result.stderr == (
        f"expertenrat: Fehler: „{tmp_path}“ ist ein Ordner. Bitte geben Sie einen Dateinamen an.\n"
    )


def test_an_error_names_a_file_with_its_spaces_as_they_are(demo_file, tmp_path, capsys):
    """(found by review) An error is written on one line, and every run of spaces in it was
    folded to one: "Sicherung  alt.zip" (two spaces) was named "Sicherung alt.zip", a file
    that is not there either. A line break still becomes a space, a tab its code."""
    missing = tmp_path / "Sicherung  alt\tneu.zip"

    code, out, err = run_main(capsys, "--database", str(demo_file), "restore", str(missing))

    shown = str(missing).replace("\t", "<U+0009>")
    assert code == 1 and out == ""
    assert err.startswith(f"expertenrat: Fehler: „{shown}“ kann nicht gelesen werden: "), err
    assert err.count("\n") == 1, err
