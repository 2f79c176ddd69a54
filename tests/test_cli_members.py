"""The command line for members CSV: export, import, dry run, and files that cannot be read."""

from __future__ import annotations

import codecs
import os
import re
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_runs import assert_one_line_error, import_arguments, run_main
from cli_runs import run_script as run
from openpyxl import Workbook
from pdf_reading import text

HEADER = "Vorname;Nachname;E-Mail;Rolle;Amtszeit Beginn;Primäres Handlungsfeld"


@pytest.fixture
def database(demo_file) -> str:
    return str(demo_file)


def stored(database: str) -> tuple[list[tuple], list[tuple], int]:
    """Everything an import could change: persons, memberships, the audit trail's length."""
    with sqlite3.connect(database) as connection:
        persons = connection.execute("SELECT * FROM persons ORDER BY id").fetchall()
        memberships = connection.execute("SELECT * FROM memberships ORDER BY id").fetchall()
        audit = connection.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
    connection.close()
    return persons, memberships, audit


def write_csv(path: Path, *lines: str) -> str:
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    return str(path)


def test_export_members_writes_a_csv_file_for_excel(database, tmp_path):
    target = tmp_path / "mitglieder.csv"

    result = run("--database", database, "export", "members", "--out", str(target))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"10 Mitglieder als CSV-Datei: {target}"
    lines = target.read_bytes().split(b"\r\n")
    assert lines[0].startswith(codecs.BOM_UTF8 + b"Anrede;Titel;Vorname;Nachname;")
    assert len([line for line in lines[1:] if line]) == 10


def test_export_members_writes_an_excel_workbook_by_its_ending(database, tmp_path):
    target = tmp_path / "Mitglieder äöü.XLSX"

    result = run("--database", database, "export", "members", "--out", str(target))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"10 Mitglieder als Excel-Arbeitsmappe: {target}"
    assert target.read_bytes().startswith(b"PK\x03\x04")


def test_an_exported_workbook_imports_as_unchanged(database, tmp_path):
    workbook = tmp_path / "mitglieder.xlsx"
    run("--database", database, "export", "members", "--out", str(workbook))
    before = stored(database)

    result = run(*import_arguments(database, "members", workbook))

    assert result.returncode == 0, result.stderr
    report = result.stdout.splitlines()
    assert len(report) == 11
    rows = report[:-1]
    assert all(line.startswith(f"Zeile {n}: unverändert – ") for n, line in enumerate(rows, 2))
    assert report[-1] == "Importiert: 0 neu angelegt, 0 geändert, 10 unverändert."
    assert stored(database) == before


@pytest.mark.parametrize("command", ["export", "import"])
def test_an_unknown_file_ending_gives_one_line(database, tmp_path, command):
    file = tmp_path / "mitglieder.ods"
    file.write_bytes(b"PK\x03\x04")
    before = stored(database)

    if command == "export":
        result = run("--database", database, "export", "members", "--out", str(file))
    else:
        result = run(*import_arguments(database, "members", file))

    assert_one_line_error(result, "„mitglieder.ods“: Die Dateiendung „.ods“ ist unbekannt.")
    assert file.read_bytes() == b"PK\x03\x04"
    assert stored(database) == before


def test_dry_run_reports_every_row_and_saves_nothing(database, tmp_path):
    exported = tmp_path / "mitglieder.csv"
    run("--database", database, "export", "members", "--out", str(exported))
    anna = ";;Anna;Berg;Universität Rostock;;;anna@example.org;;;;01.01.2026;;ja;Stadtdaten"
    file = tmp_path / "neu.csv"
    file.write_bytes(exported.read_bytes() + anna.encode("utf-8") + b"\r\n")
    before = stored(database)

    result = run(*import_arguments(database, "members", file, "--dry-run"))

    assert result.returncode == 0, result.stderr
    report = result.stdout.splitlines()
    assert report[0].startswith("Zeile 2: unverändert – ")
    assert not report[0].endswith(")")
    assert report[10] == "Zeile 12: neu – Anna Berg"
    assert (
        report[11] == "Probelauf: 1 neu, 0 zu ändern, 10 unverändert. Es wurde nichts gespeichert."
    )
    assert stored(database) == before


def test_the_report_says_which_columns_were_read_as_what(database, tmp_path):
    file = tmp_path / "beirat.csv"
    file.write_text(
        "Vorname;Name;Amtszeit Beginn;Primäres Handlungsfeld;Funktion im Beirat\n"
        "Zoe;Neumann;01.01.2026;Stadtdaten;Mitglied\n",
        encoding="utf-8",
    )

    result = run(*import_arguments(database, "members", file, "--dry-run"))

    assert result.returncode == 0, result.stderr
    assert (
        "Spalten unter anderem Namen gelesen: „Name“ als „Nachname“; „Funktion im Beirat“ als "
        "„Rolle“"
    ) in result.stdout.splitlines()


def test_the_report_names_the_sheets_of_a_workbook_not_read(capsys, database, tmp_path):
    workbook = Workbook()
    workbook.active.title = "Aktive"
    workbook.active.append(["Vorname", "Nachname", "Amtszeit Beginn", "Primäres Handlungsfeld"])
    workbook.active.append(["Zoe", "Neumann", "01.01.2026", "Stadtdaten"])
    workbook.create_sheet("Ehemalige").append(["Otto", "Alt"])
    workbook.save(file := tmp_path / "beirat.xlsx")

    code, out, _ = run_main(capsys, *import_arguments(database, "members", file, "--dry-run"))

    assert code == 0
    assert (
        "Gelesen wurde nur das erste Tabellenblatt, „Aktive“; nicht gelesen: „Ehemalige“."
        in out.splitlines()
    )


def test_the_help_names_the_columns_a_file_needs_and_may_have(capsys):
    """(found by a tester) A secretariat moving from Excel learned the columns only from
    the error about one missing."""
    code, out, _ = run_main(capsys, "import", "members", "--help")

    assert code == 0
    words = " ".join(out.split())
    assert (
        "Nötig sind die Spalten „Vorname“, „Nachname“, „Amtszeit Beginn“ und „Primäres "
        "Handlungsfeld“." in words
    )
    assert "Weitere Spalten: „Anrede“, „Titel“, „Institution“," in words
    assert "Nachname: „Name“, „Familienname“ oder „Zuname“" in words
    assert "„Straße“, „Hausnummer“, „PLZ“ und „Ort“ in eigenen Spalten" in words
    assert "„expertenrat export members --out DATEI.xlsx“" in words


def test_unused_columns_are_named_with_the_columns_read(capsys, database, tmp_path):
    """(found by a tester) "Nicht verwendete Spalten: Mobil" left open which name it needed."""
    file = write_csv(
        tmp_path / "mobil.csv",
        "Vorname;Nachname;Mobil;Amtszeit Beginn;Primäres Handlungsfeld;Nr.",
        "Zoe;Neumann;0170 1234567;01.01.2026;Stadtdaten;1",
    )

    code, out, _ = run_main(capsys, *import_arguments(database, "members", file, "--dry-run"))

    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith("Nicht verwendete")]
    assert line.startswith(
        "Nicht verwendete Spalten: Mobil, Nr. Gelesen werden die Spalten „Anrede“, „Titel“, "
    )
    assert "„Telefon“" in line and line.endswith("und „Notizen“.")


def test_excels_unicode_text_is_imported_as_in_the_window(capsys, database, tmp_path):
    # "Unicode-Text (*.txt)", which the window's file filter offers, was refused here for
    # its ending (found by a tester)
    file = tmp_path / "Mitglieder.TXT"
    text = "Vorname\tNachname\tAmtszeit Beginn\tPrimäres Handlungsfeld\r\n"
    file.write_bytes((text + "عبد الله\tÖztürk\t01.01.2026\tStadtdaten\r\n").encode("utf-16"))

    code, out, _ = run_main(capsys, *import_arguments(database, "members", file, "--dry-run"))

    assert code == 0
    assert out.splitlines()[0] == "Zeile 2: neu – عبد الله Öztürk"


def test_import_saves_new_and_changed_members(database, tmp_path):
    file = write_csv(
        tmp_path / "neu.csv",
        HEADER,
        "Anna;Berg;anna@example.org;Mitglied;01.01.2026;Stadtdaten",
    )

    result = run(*import_arguments(database, "members", file))

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Zeile 2: neu – Anna Berg",
        "Importiert: 1 neu angelegt, 0 geändert, 0 unverändert.",
    ]
    persons, _memberships, _audit = stored(database)
    assert any("anna@example.org" in person for person in persons)


def test_a_file_with_a_bad_row_is_reported_and_nothing_is_saved(database, tmp_path):
    file = write_csv(
        tmp_path / "fehler.csv",
        HEADER,
        "Anna;Berg;anna@example.org;Mitglied;01.01.2026;Stadtdaten",
        "Jan;Brandt;jan@example.org;Vorsitz;01.01.2026;Stadtdaten",
        "Eva;Kühn;eva@example.org;Mitglied;01.01.2026;Weltraum",
    )
    before = stored(database)

    result = run(*import_arguments(database, "members", file))

    assert_one_line_error(result, "2 Zeilen haben Fehler; es wurde nichts importiert.")
    report = result.stdout.splitlines()
    assert report[0] == "Zeile 2: neu – Anna Berg"
    assert report[1].startswith("Zeile 3: Fehler – Jan Brandt: Vorsitz hat in dieser Zeit bereits")
    assert report[2].startswith("Zeile 4: Fehler – Eva Kühn: Primäres Handlungsfeld: ")
    assert stored(database) == before


def test_the_report_leaves_out_control_characters_and_cuts_long_names(database, tmp_path):
    """A cell's terminal escape and right-to-left override never reach the report (the
    import drops the invisible characters the text rule refuses, since 1511ceb9)."""
    family = "Berg\x1b[31m\u202eRot" + "e" * 500
    file = write_csv(
        tmp_path / "fehler.csv", HEADER, f"Anna;{family};anna@example.org;Mitglied;01.01.2026;X"
    )

    result = run(*import_arguments(database, "members", file, "--dry-run"))

    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith("Zeile 2: Fehler – Anna Berg[31mRoteee")
    assert "\x1b" not in result.stdout + result.stderr and "\u202e" not in result.stdout
    assert "e…: " in line and len(line) < 600  # the name cut, the reasons whole


def test_a_dry_run_with_a_bad_row_also_fails(database, tmp_path):
    file = write_csv(tmp_path / "fehler.csv", HEADER, "Jan;;;;01.01.2026;Stadtdaten")

    result = run(*import_arguments(database, "members", file, "--dry-run"))

    assert_one_line_error(result, "1 Zeile hat Fehler")
    assert result.stdout.strip() == (
        "Zeile 2: Fehler – Jan: Spalte „Nachname“: Bitte geben Sie den Nachnamen an."
    )


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_an_overlong_phone_number_is_refused_with_row_and_column(database, tmp_path, dry_run):
    phone = "0381 " + "1" * 96  # 101 characters
    file = write_csv(
        tmp_path / "lang.csv",
        HEADER + ";Telefon",
        f"Anna;Berg;anna@example.org;Mitglied;01.01.2026;Stadtdaten;{phone}",
    )
    before = stored(database)

    result = run(*import_arguments(database, "members", file, *(["--dry-run"] * dry_run)))

    assert_one_line_error(result, "1 Zeile hat Fehler; es wurde nichts importiert.")
    assert result.stdout.strip() == (
        "Zeile 2: Fehler – Anna Berg: Spalte „Telefon“: "
        "Die Telefonnummer darf höchstens 100 Zeichen haben."
    )
    assert phone not in result.stdout + result.stderr
    assert stored(database) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Die Datei ist leer."),
        (b"Vorname;Nachname\r\nAnna;Berg\r\n", "fehlen die Spalten „Amtszeit Beginn“"),
        (b"PK\x03\x04\x14\x00\x06\x00binary", "Die Arbeitsmappe ist beschädigt"),
        (bytes(range(256)) * 4, "keine Textdatei"),
    ],
    ids=["empty", "missing-columns", "xlsx", "binary"],
)
def test_a_file_that_cannot_be_read_as_csv_gives_one_line(database, tmp_path, content, message):
    file = tmp_path / "mitglieder.csv"
    file.write_bytes(content)
    before = stored(database)

    result = run(*import_arguments(database, "members", file))

    assert_one_line_error(result, message)
    assert result.stdout == ""
    assert stored(database) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("fehlt.csv", "kann nicht gelesen werden: Der Ordner oder die Datei existiert nicht."),
        (".", "ist keine gewöhnliche Datei (sondern ein Ordner)"),
    ],
    ids=["missing", "directory"],
)
def test_a_path_that_is_not_a_readable_file_gives_one_line(database, tmp_path, name, message):
    result = run(*import_arguments(database, "members", tmp_path / name))

    assert_one_line_error(result, message)
    assert result.stdout == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="limits memory with setrlimit")
def test_a_huge_file_is_refused_by_its_size_without_reading_it_whole(database, tmp_path):
    """A file of 2 GB chosen by mistake was read whole before it was checked: with less
    memory than that, a MemoryError traceback (and on any PC seconds and gigabytes)."""
    import resource

    huge = tmp_path / "riesig.csv"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: no disk space taken
    limit = 1536 * 1024**2
    before = stored(database)

    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", database,
         "import", "members", "--council", "1", str(huge)],
        capture_output=True, text=True, timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
    )  # fmt: skip

    assert_one_line_error(
        result,
        "Die Datei ist mit 2048 MB zu groß für eine Mitgliederliste (höchstens 64 MB).",
    )
    assert stored(database) == before


def test_roster_export_warns_about_letters_no_font_has_and_exits_0(database, tmp_path):
    file = write_csv(
        tmp_path / "neu.csv",
        HEADER,
        "小明;王;xiaoming@example.org;Mitglied;01.01.2026;Stadtdaten",
        "محمد;عبد الله;;Mitglied;01.01.2026;Stadtdaten",
    )
    assert run(*import_arguments(database, "members", file)).returncode == 0
    target = tmp_path / "liste.pdf"

    result = run("--database", database, "export", "roster", "--out", str(target), "--council", "1")

    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    assert result.stderr.splitlines() == [
        "expertenrat: Warnung: Mitglied „小明 王“: chinesische Schriftzeichen (CJK) – diese "
        "Zeichen hat keine Schrift des Programms, sie stehen im PDF als „\ufffd“."
    ]
    # How many: the demo's members active on the day the command runs (terms end), not fixed.
    assert re.search(r"Mitgliederliste mit \d+ Mitgliedern: ", result.stdout), result.stdout


def test_the_roster_is_dated_the_councils_day_on_a_pc_set_to_another_zone(database, tmp_path):
    """The demo council counts in Europe/Berlin; a PC whose clock shows another day (a
    zone far east or far west of it, whichever differs now) still prints the council's
    "Stand" and lists the members active that day, as the window does."""
    council_day = datetime.now(ZoneInfo("Europe/Berlin")).date()
    pc_zone = next(
        zone
        for zone in ("Pacific/Kiritimati", "Etc/GMT+12")
        if datetime.now(ZoneInfo(zone)).date() != council_day
    )
    target = tmp_path / "liste.pdf"
    command = ["--database", database, "export", "roster", "--out", str(target)]
    environment = {k: v for k, v in os.environ.items() if k != "EXPERTENRAT_DATABASE_URL"}

    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", *command],
        capture_output=True,
        text=True,
        timeout=120,
        env={**environment, "TZ": pc_zone},
    )

    assert result.returncode == 0, result.stderr
    days = {council_day, datetime.now(ZoneInfo("Europe/Berlin")).date()}  # over midnight
    printed = text(target.read_bytes())
    assert any(f"Stand: {day:%d.%m.%Y}" in printed for day in days)


def test_a_council_of_one_member_is_named_in_the_singular(sqlite_database, tmp_path):
    """(found by review) "1 Mitglieder als CSV-Datei" and "Mitgliederliste mit 1
    Mitgliedern"."""
    from argparse import Namespace
    from datetime import date

    from expertenrat.cli.members import _export_members, _export_roster
    from expertenrat.domain.councils import CouncilSettings
    from expertenrat.domain.members import Member
    from expertenrat.services.context import Services

    services = Services.create(sqlite_database, "tester")
    council = services.settings.create_council(CouncilSettings(None, "Rat", "Rostock"))
    field = services.settings.action_fields(council.id)[0].id
    one = Member(
        id=None, given_name="Kim", family_name="Lee", primary_field_id=field,
        term_start=date(2026, 1, 1),
    )  # fmt: skip
    services.members.save(council.id, one, date(2026, 1, 1))
    csv, pdf = tmp_path / "m.csv", tmp_path / "m.pdf"

    said = _export_members(services, Namespace(out=csv, council=None))
    roster = _export_roster(
        services, Namespace(out=pdf, council=None, public=False, alphabetical=False, stand=None)
    )

    assert said == f"1 Mitglied als CSV-Datei: {csv}"
    assert roster == f"Interne Mitgliederliste mit 1 Mitglied: {pdf}"


def test_a_lone_surrogate_from_a_workbook_is_left_out(capsys, database, tmp_path):
    """(found by a tester) A cell escaped as "_xD800_" (Excel's way of writing a character
    into the XML) is read as a lone surrogate; printing the row's refusal failed with a
    UnicodeEncodeError on a UTF-8 terminal. The import drops it, as every invisible
    character the text rule refuses (since 1511ceb9): the member comes in as typed."""
    from cli_runs import run_main
    from openpyxl import Workbook

    workbook = Workbook()
    for row in HEADER.split(";"), ["Anna", "Berg_xD800_", "", "Mitglied", "01.01.2026", "Umwelt"]:
        workbook.active.append(row)
    workbook.save(file := tmp_path / "mitglieder.xlsx")

    code, _out, _err = run_main(capsys, *import_arguments(database, "members", file))

    assert code == 0
    with sqlite3.connect(database) as connection:
        names = connection.execute("SELECT family_name FROM persons").fetchall()
    connection.close()
    assert ("Berg",) in names


@pytest.mark.skipif(sys.platform == "win32", reason="file names of bytes")
def test_a_file_name_that_is_no_utf8_is_named_by_codes_when_done(capsys, database, tmp_path):
    """(found by a tester) A folder named in Latin-1: the file was written, then printing
    where failed with a UnicodeEncodeError on a UTF-8 terminal (exit code 1)."""
    from cli_runs import run_main

    target = tmp_path / os.fsdecode(b"Mitglieder-M\xfcller.csv")

    code, out, _err = run_main(
        capsys, "--database", database, "export", "members", "--out", str(target)
    )

    assert code == 0 and target.exists()
    assert out.strip().endswith("Mitglieder-M<U+DCFC>ller.csv")


def test_with_two_councils_the_council_to_import_into_must_be_named(database, tmp_path):
    """The demo holds the Rostock council and the Lübeck Beirat: without --council, the
    Beirat's members went into the first council, the Expert*innenrat, unasked (found by a
    tester)."""
    file = write_csv(
        tmp_path / "beirat.csv", HEADER, "Anna;Berg;anna@example.org;Mitglied;01.01.2026;Umwelt"
    )
    before = stored(database)

    result = run("--database", database, "import", "members", file)

    assert result.returncode == 1
    assert result.stdout == ""
    assert "Die Datenbank enthält 2 Gremien: 1 (Smart City Expert*innenrat), 2 (Beirat " in (
        result.stderr
    )
    assert "in welches die Mitglieder übernommen werden sollen" in result.stderr
    assert stored(database) == before


def test_import_help_says_the_council_is_needed_where_there_are_several(capsys):
    code, out, _ = run_main(capsys, "import", "members", "--help")

    assert code == 0
    help_text = " ".join(out.split())
    assert "Nummer des Gremiums, wie „expertenrat councils“ sie nennt (nötig, wenn es" in help_text
