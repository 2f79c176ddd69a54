"""backup, restore and check on the command line: real processes, German messages."""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from backup_dates import berlin_clock, date_backup, date_file
from cli_runs import assert_one_line_error, run_main, run_on_terminal, script_environment
from cli_runs import run_script as run
from damaged_file import damage_table
from dateutil.relativedelta import relativedelta
from sqlalchemy import create_engine
from test_cli import _zone_of_another_day

from expertenrat.cli.retention import _safety_copies
from expertenrat.domain.councils import new_council_today
from expertenrat.services.context import Services
from expertenrat.services.server_upgrade_copy import copies_folder
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.database_address import describe
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url, sqlite_file


def _count(path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_backup_restore_and_check(demo_file, tmp_path):
    database = demo_file
    members = _count(database, "memberships")
    backup = tmp_path / "sicherung.zip"

    made = run("--database", str(database), "backup", "--out", str(backup))
    assert made.returncode == 0, made.stderr
    assert "Sicherung mit" in made.stdout and str(backup) in made.stdout
    assert re.search(r"Datensätzen in \d+ Tabellen \(\d+(,\d)? (MB|KB)\)", made.stdout)

    other = tmp_path / "andere.db"
    refused = run("--database", str(other), "restore", str(backup))
    assert refused.returncode == 1
    assert "nur mit --yes" in refused.stderr and "Traceback" not in refused.stderr
    assert not other.exists()  # the new database is created only by the restore itself

    restored = run("--database", str(other), "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "Wiederhergestellt:" in restored.stdout
    assert _count(other, "memberships") == members

    checked = run("--database", str(other), "check")
    assert checked.returncode == 0, checked.stderr
    assert "in Ordnung" in checked.stdout


def test_the_restore_counts_its_records_as_the_backup_does(
    demo_file, tmp_path, capsys, monkeypatch
):
    """(found by a tester) "Sicherung mit 1.450 Datensätzen", but "Wiederhergestellt: 1450
    Datensätze": the restore wrote its number without the thousands separator."""
    from expertenrat.services.backup import BackupService, RestoreSummary

    backup = tmp_path / "sicherung.zip"
    assert run_main(capsys, "--database", str(demo_file), "backup", "--out", str(backup))[0] == 0
    monkeypatch.setattr(
        BackupService, "restore", lambda *_a, **_k: RestoreSummary(1450, "head", None)
    )

    code, out, err = run_main(capsys, "--database", str(demo_file), "restore", str(backup), "--yes")

    assert (code, err) == (0, "")
    assert out.startswith(f"Wiederhergestellt: 1.450 Datensätze aus „{backup}“.")


def test_a_bad_restore_file_gives_one_german_line_and_changes_nothing(demo_file, tmp_path):
    database = demo_file
    members = _count(database, "memberships")
    bogus = tmp_path / "kaputt.zip"
    bogus.write_bytes(b"PK\x03\x04 nicht wirklich")
    result = run("--database", str(database), "restore", str(bogus), "--yes")
    assert result.returncode == 1
    assert "keine gültige Expertenrat-Sicherung" in result.stderr
    assert "Traceback" not in result.stderr
    assert _count(database, "memberships") == members


def test_a_restore_the_database_refuses_leaves_no_copy_of_the_unchanged_data(demo_file, tmp_path):
    database = demo_file
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(database), "backup", "--out", str(backup)).returncode == 0
    orphan = tmp_path / "verwaist.db"  # the backup of a database with a broken reference
    orphan.write_bytes(database.read_bytes())
    connection = sqlite3.connect(orphan)
    connection.execute("UPDATE memberships SET person_id = 999999 WHERE id = 1")
    connection.commit()
    connection.close()
    broken = tmp_path / "verwaist.zip"
    assert run("--database", str(orphan), "backup", "--out", str(broken)).returncode == 0
    members = _count(database, "memberships")

    for _attempt in range(2):
        result = run("--database", str(database), "restore", str(broken), "--yes")
        assert result.returncode == 1 and "Die Datenbank ist unverändert." in result.stderr

    assert _count(database, "memberships") == members
    assert not list(database.parent.glob("*vor-wiederherstellung*"))
    restored = run("--database", str(database), "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert len(list(database.parent.glob("*vor-wiederherstellung*"))) == 1


def test_check_reports_problems_with_exit_code_1(demo_file):
    database = demo_file
    connection = sqlite3.connect(database)
    connection.execute("UPDATE votes SET yes = yes + 50 WHERE id = (SELECT min(id) FROM votes)")
    connection.commit()
    connection.close()
    result = run("--database", str(database), "check")
    assert result.returncode == 1
    assert "Stimmen, aber nur" in result.stdout
    assert "Die Prüfung hat 1 Problem gefunden." in result.stderr


def test_check_of_an_older_database_says_it_will_be_upgraded(tmp_path):
    """(found by a tester) On a database at 0024 `check` said only "in Ordnung", not that
    the program upgrades it when it opens it."""
    path = tmp_path / "alt.db"
    open_database(database_url(str(path))).close()
    migrate.downgrade(database_url(str(path)), "0024")

    result = run("--database", str(path), "check")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Die Datenbank ist in Ordnung.",
        "Die Datenbank hat noch den Schemastand 0024 einer älteren Programmversion; geprüft "
        "wurde eine auf den aktuellen Stand gebrachte Kopie. Sie selbst wird aktualisiert, "
        "sobald das Programm sie zum Ändern öffnet (zuvor wird daneben eine Kopie des alten "
        "Stands angelegt).",
    ]


@pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)
def test_a_command_that_upgraded_a_server_database_says_so(database_at, capsys):
    """A server's database, shared by every PC, is upgraded in place even to be read (after
    a copy of its old state). (found by a tester) Only `check` said so, in its report:
    `meetings` or an export upgraded it without a word, and the PCs still on the old
    version learnt it from their refusal. Every command says it, as a warning."""
    url = database_at("0024")

    code, out, err = run_main(
        capsys, "--database", url.render_as_string(hide_password=False), "check"
    )

    assert code == 0, err
    assert out.splitlines() == ["Die Datenbank ist in Ordnung."]
    (copy,) = copies_folder().iterdir()
    assert err.splitlines() == [
        f"expertenrat: Warnung: Die Datenbank „{describe(url)}“ hatte noch den Schemastand "
        "0024 einer älteren Programmversion und wurde auf den Stand dieser Version "
        f"({schema_revisions.head_revision()}) gebracht; die Kopie des alten Stands liegt in "
        f"„{copy}“. Ältere Versionen von Expertenrat können sie nicht mehr öffnen: "
        "Aktualisieren Sie das Programm auf jedem PC, der mit dieser Datenbank arbeitet."
    ]
    engine = create_engine(url)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == schema_revisions.head_revision()
    engine.dispose()


def test_check_names_a_nul_and_a_bidi_override_with_exit_code_1(demo_file):
    # Found by a tester: texts written around the program (NUL, a bidi override) passed
    # the check, and a database with NUL could not move to the server.
    connection = sqlite3.connect(demo_file)
    given, family = connection.execute(
        "SELECT given_name, family_name FROM persons ORDER BY id"
    ).fetchone()
    connection.execute("UPDATE persons SET family_name = family_name || char(0) WHERE id = 1")
    connection.execute("UPDATE projects SET description = char(8238) || description")
    connection.commit()
    connection.close()
    result = run("--database", str(demo_file), "check")
    assert result.returncode == 1
    assert (
        f"- Mitglied „{given} {family}“, Feld Nachname: "
        "enthält ein unsichtbares Steuerzeichen (U+0000).\n"
    ) in result.stdout
    assert "Feld Beschreibung: enthält ein unsichtbares Steuerzeichen (U+202E" in result.stdout
    assert "Probleme gefunden." in result.stderr


def test_a_backup_into_a_read_only_folder_is_refused_in_german(
    demo_file, tmp_path, bound_by_file_modes
):
    import subprocess
    import sys

    database = demo_file
    folder = tmp_path / "schreibgeschützt"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [*bound_by_file_modes, sys.executable, "-m", "expertenrat", "--database",
             str(database), "backup", "--out", str(folder / "sicherung.zip")],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    assert "kann nicht geschrieben werden" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_retention_lists_and_anonymises_former_members(demo_file):
    database = demo_file
    connection = sqlite3.connect(database)
    connection.execute(
        "UPDATE memberships SET term_end = '2020-06-30', term_start = '2019-01-01' "
        "WHERE id = (SELECT min(id) FROM memberships)"
    )
    connection.commit()
    connection.close()
    listed = run("--database", str(database), "retention")
    assert listed.returncode == 0, listed.stderr
    # the demo holds two councils: each person names theirs (found by a tester)
    assert "(Smart City Expert*innenrat; ausgeschieden am 30.06.2020)" in listed.stdout
    due = len(listed.stdout.strip().splitlines()) - 1
    assert due == 1 and "1 Person fällig" in listed.stdout
    done = run("--database", str(database), "retention", "--anonymise")
    assert done.returncode == 0, done.stderr
    assert "1 Person anonymisiert" in done.stdout
    assert "Die täglichen Sicherungen enthalten die gelöschten Angaben noch" in done.stdout
    again = run("--database", str(database), "retention")
    assert "Niemand ist vor mehr als 2 Jahren ausgeschieden" in again.stdout
    # the year and the persons in their grammatical number ("1 Jahre", "Person(en)")
    # (found by a tester)
    run("--database", str(database), "retention", "--years", "1", "--anonymise")
    one_year = run("--database", str(database), "retention", "--years", "1")
    assert "Niemand ist vor mehr als einem Jahr ausgeschieden" in one_year.stdout


def test_retention_person_anonymises_a_former_member_on_request_before_the_period(demo_file):
    """Art. 17 DSGVO: a member who left last year asks for the deletion; `retention` knew
    only the period (found by a tester, the city's data protection officer)."""
    database = str(demo_file)
    persons = run("--database", database, "persons").stdout.splitlines()
    gone = int(next(line for line in persons if "Abendroth" in line).split()[0])
    sitting = int(next(line for line in persons if "Lindqvist" in line).split()[0])
    assert "Niemand ist vor mehr als 2 Jahren" in run("--database", database, "retention").stdout

    listed = run("--database", database, "retention", "--person", str(gone))
    refused = run("--database", database, "retention", "--person", str(sitting), "--anonymise")
    done = run("--database", database, "retention", "--person", str(gone), "--anonymise")

    first, second = listed.stdout.splitlines()[:2]
    assert re.fullmatch(
        r"Friedrich Abendroth \(Smart City Expert\*innenrat; ausgeschieden am \d\d\.\d\d\.\d{4}\)",
        first,
    )
    assert second == "Auf Antrag anonymisieren mit --anonymise."
    assert refused.returncode == 1
    assert f"Person Nr. {sitting} ist kein ehemaliges Mitglied" in refused.stderr
    assert done.returncode == 0, done.stderr
    assert f"Person Nr. {gone} auf Antrag anonymisiert" in done.stdout
    persons = run("--database", database, "persons").stdout.splitlines()
    assert next(line for line in persons if "Abendroth" in line).endswith("– anonymisiert")
    assert not next(line for line in persons if "Lindqvist" in line).endswith("anonymisiert")


def test_retention_counts_the_councils_day_not_the_pcs(demo_file):
    """(found by a tester) `retention` took the PC's date: on a PC set to another zone it
    counted the two years from another day than the councils (Europe/Berlin) and the
    window's Datei → Aufbewahrung, and listed a person a day early or late. Someone who
    left exactly two years before the councils' today is not due yet; a day earlier, due."""
    berlin = new_council_today()
    zone = _zone_of_another_day()
    ahead = zone == "Etc/GMT-14"  # the PC's date is Berlin's + 1, else Berlin's - 1
    left = berlin - relativedelta(years=2) - (timedelta(0) if ahead else timedelta(days=1))
    connection = sqlite3.connect(demo_file)
    person = connection.execute(
        "SELECT person_id FROM memberships GROUP BY person_id HAVING count(*) = 1 "
        "ORDER BY person_id LIMIT 1"
    ).fetchone()[0]
    connection.execute(
        "UPDATE memberships SET term_start = '2019-01-01', term_end = ? WHERE person_id = ?",
        (left.isoformat(), person),
    )
    connection.commit()
    connection.close()

    listed = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(demo_file), "retention"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**script_environment(), "TZ": zone},
    )

    assert listed.returncode == 0, listed.stderr
    if new_council_today() != berlin:
        pytest.skip("Berlin's midnight passed during the run")
    named = f"; ausgeschieden am {left:%d.%m.%Y})" in listed.stdout
    assert named is not ahead, listed.stdout


@pytest.mark.parametrize("answer", [(), ("--yes",)], ids=["asked", "yes"])
def test_the_empty_copy_a_killed_restore_leaves_is_refused_as_empty(demo_file, tmp_path, answer):
    """A restore killed while copying leaves the copy's name empty (0 bytes); restoring it
    said "keine gültige Expertenrat-Sicherung" with zipfile's "File is not a zip file" as
    the detail (found by a tester). Without ``--yes`` it is refused before the question."""
    members = _count(demo_file, "memberships")
    empty = tmp_path / "expertenrat-vor-wiederherstellung-2026-12-02-100958.db"
    empty.touch()

    result = run("--database", str(demo_file), "restore", str(empty), *answer)

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "expertenrat: Fehler: Die Datei ist leer (0 Bytes) und enthält keine Sicherung, etwa "
        "weil ihr Anlegen abgebrochen wurde. Bitte wählen Sie eine andere Sicherung."
    )
    assert result.stdout == ""
    assert _count(demo_file, "memberships") == members


def test_ctrl_d_at_the_restore_question_cancels_and_changes_nothing(demo_file, tmp_path):
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0
    run("--database", str(demo_file), "check")  # settles the file before it is compared
    before = demo_file.read_bytes()

    code, output = run_on_terminal(
        "--database", str(demo_file), "restore", str(backup), answer=b"\x04", at=b"(Ja/Nein) "
    )

    assert code == 1 and "Traceback" not in output
    assert output.rstrip().endswith("expertenrat: Fehler: Abgebrochen; es wurde nichts verändert.")
    assert demo_file.read_bytes() == before


def test_no_to_the_restore_question_leaves_no_new_database_behind(demo_file, tmp_path):
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0
    target = tmp_path / "Neuer Ordner" / "rat.db"

    code, output = run_on_terminal(
        "--database", str(target), "restore", str(backup), answer=b"Nein\n", at=b"(Ja/Nein) "
    )

    assert code == 1 and "Abgebrochen; es wurde nichts verändert." in output
    assert not target.parent.exists()


def test_restore_replaces_a_damaged_database_and_keeps_it_aside(demo_file, tmp_path):
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0
    damage_table(demo_file)

    refused = run("--database", str(demo_file), "restore", str(backup))
    assert refused.returncode == 1 and "nur mit --yes" in refused.stderr
    assert "ist beschädigt" in refused.stderr

    restored = run("--database", str(demo_file), "restore", str(backup), "--yes")

    assert restored.returncode == 0, restored.stderr
    assert "Die beschädigte Datei liegt in" in restored.stdout
    assert [p.name for p in tmp_path.glob("expertenrat-beschädigt-*.db")] != []
    assert run("--database", str(demo_file), "check").returncode == 0


def test_the_restore_over_a_damaged_database_names_when_the_backup_was_made(
    demo_file, monkeypatch, tmp_path
):
    """(found by a tester) As the restore over a readable database asks."""
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0
    date_backup(backup, "2026-11-01T12:48:00+00:00")
    damage_table(demo_file)

    with berlin_clock(monkeypatch):
        refused = run("--database", str(demo_file), "restore", str(backup))
        code, output = run_on_terminal(
            "--database", str(demo_file), "restore", str(backup), answer=b"Nein\n", at=b"(Ja/Nein) "
        )

    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        f"expertenrat: Fehler: Die Datenbank „{demo_file}“ ist beschädigt; die "
        "Wiederherstellung legt sie beiseite und spielt die Sicherung vom 01.11.2026, "
        "13:48 Uhr in eine neue Datei ein. Ohne Rückfrage geht das nur mit --yes; es wurde "
        "nichts verändert."
    )
    assert code == 1 and (
        f"Die Datenbank „{demo_file}“ ist beschädigt. Beiseitelegen und durch „{backup}“ vom "
        "01.11.2026, 13:48 Uhr ersetzen? (Ja/Nein) "
    ) in output.replace("\r\n", " ").replace("\n", " ")


def test_a_backup_onto_the_database_itself_is_refused_and_the_data_stays(demo_file):
    """``backup --out expertenrat.db`` replaced the database with the zip of its data."""
    before = run("--database", str(demo_file), "meetings").stdout

    result = run("--database", str(demo_file), "backup", "--out", str(demo_file))

    assert result.returncode == 1
    # Refused by its name now (a backup ends in .zip); the service refuses a database too.
    assert "der Dateiname muss auf .zip enden" in result.stderr
    assert run("--database", str(demo_file), "meetings").stdout == before


@pytest.mark.parametrize(
    ("command", "name", "ending"),
    [
        (("backup",), "sicherung-maerz", ".zip"),
        (("export", "roster"), "mitglieder.txt", ".pdf"),
        (("export", "annual-report", "--year", "2025"), "bericht", ".pdf"),
    ],
)
def test_a_file_name_without_its_ending_is_refused(demo_file, tmp_path, command, name, ending):
    """`backup --out sicherung-maerz` wrote a zip without its ending, which the restore
    dialog (*.zip *.db) does not even list; the roster and the Tätigkeitsbericht likewise
    (found by a tester)."""
    target = tmp_path / name

    result = run("--database", str(demo_file), *command, "--out", str(target))

    assert result.returncode == 1 and result.stdout == ""
    assert f"der Dateiname muss auf {ending} enden" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_the_restore_question_says_that_every_council_is_replaced(demo_file, tmp_path):
    """(found by a tester) "Alle Daten in „…“" read as the data of the council at hand; the
    database holds the demo's two councils, and a restore replaces both."""
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0

    refused = run("--database", str(demo_file), "restore", str(backup))

    assert refused.returncode == 1
    assert (
        f"Die Wiederherstellung ersetzt alle Daten in „{demo_file}“ – beide Gremien dieser "
        "Datenbank – durch die Sicherung vom " in refused.stderr
    )


def test_the_restore_question_names_when_the_backup_was_made(demo_file, monkeypatch, tmp_path):
    """(found by a tester) The question named neither when the backup was made nor that
    what was changed since goes too: a clerk who picked last month's daily copy by
    mistake was not warned. A backup's manifest says when it was made, a daily copy
    (a copy of the database file) its file's last change, both in this computer's time."""
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0
    date_backup(backup, "2026-11-01T12:48:00+00:00")
    daily = tmp_path / "expertenrat-2026-07-14.db"
    shutil.copyfile(demo_file, daily)
    date_file(daily, "2026-07-14T21:05:00+00:00")

    with berlin_clock(monkeypatch):
        refused = [run("--database", str(demo_file), "restore", str(p)) for p in (backup, daily)]
        code, output = run_on_terminal(
            "--database", str(demo_file), "restore", str(backup), answer=b"Nein\n", at=b"(Ja/Nein) "
        )

    scope = "– beide Gremien dieser Datenbank –"  # no council shown on a terminal
    assert [(r.returncode, r.stderr.splitlines()[-1]) for r in refused] == [
        (
            1,
            f"expertenrat: Fehler: Die Wiederherstellung ersetzt alle Daten in „{demo_file}“ "
            f"{scope} durch die Sicherung vom {made} Uhr, auch alles, was seitdem geändert "
            "oder neu erfasst wurde. Ohne Rückfrage geht das nur mit --yes; es wurde nichts "
            "verändert.",
        )
        for made in ("01.11.2026, 13:48", "14.07.2026, 23:05")
    ]
    assert code == 1 and (
        f"Alle Daten in „{demo_file}“ {scope} durch „{backup}“ vom 01.11.2026, 13:48 Uhr "
        "ersetzen, auch alles, was seitdem geändert oder neu erfasst wurde (eine Kopie der "
        "bisherigen Daten wird vorher angelegt)? (Ja/Nein) "
    ) in output.replace("\r\n", " ").replace("\n", " ")


@pytest.mark.parametrize("demo_database", ["postgresql"], indirect=True)
def test_a_server_backup_restores_into_a_new_server_database_that_goes_on_numbering(
    demo_database, empty_postgres_url, tmp_path
):
    """``backup`` of the council's server database, ``restore --yes`` into a new, empty one
    (as for a new server): everything arrives, and new records there get numbers and ids
    after the restored ones."""
    from datetime import datetime, timedelta

    from expertenrat.domain.enums import MeetingKind
    from expertenrat.domain.meeting_draft import MeetingDraft
    from expertenrat.services.context import Services
    from expertenrat.store.database_opening import open_database

    source = demo_database.url.render_as_string(hide_password=False)
    target = empty_postgres_url.render_as_string(hide_password=False)
    backup = tmp_path / "server.zip"
    made = run("--database", source, "backup", "--out", str(backup))
    assert made.returncode == 0, made.stderr

    restored = run("--database", target, "restore", str(backup), "--yes")

    assert restored.returncode == 0, restored.stderr
    assert re.fullmatch(
        rf"Wiederhergestellt: \d+ Datensätze aus „{re.escape(str(backup))}“\.\n", restored.stdout
    )  # the new database held nothing: no copy of it is named
    rows = int(re.search(r"mit ([\d.]+) Datensätzen", made.stdout)[1].replace(".", ""))
    assert f"Wiederhergestellt: {rows} Datensätze" in restored.stdout
    database = open_database(empty_postgres_url)
    try:
        services = Services.create(database, "Frau Neu")
        council = services.settings.councils()[0]
        before = services.meetings.list(council.id)
        start = datetime(2027, 6, 1, 16)
        draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="R")
        added = services.meetings.get(services.meetings.create(council.id, draft))
        assert added.id > max(m.id for m in before)
        assert added.number == max(m.number or 0 for m in before) + 1
    finally:
        database.close()


def test_retention_names_the_safety_copies_and_deletes_those_due(demo_file):
    """The safety copies' rule on the command line, as Datei → Aufbewahrung applies it:
    the newest 3 stay, the others older than --copy-days (90) go with --delete-copies."""
    stem = demo_file.with_suffix("").name
    old = [
        demo_file.with_name(f"{stem}-vor-wiederherstellung-2025-0{m}-01-120000.db")
        for m in (1, 2, 3, 4)
    ]
    for copy in old:
        copy.write_bytes(b"alt")

    listed = run("--database", str(demo_file), "retention")

    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1] == (
        "4 Sicherheitskopien vor Wiederherstellungen oder Aktualisierungen, die älteste vom "
        "01.01.2025; 1 älter als 90 Tage: löschen mit --delete-copies."
    )
    assert all(copy.exists() for copy in old)
    deleted = run("--database", str(demo_file), "retention", "--delete-copies")
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.splitlines()[-2:] == [
        "1 Sicherheitskopie gelöscht (älter als 90 Tage; die neuesten 3 bleiben).",
        "3 Sicherheitskopien vor Wiederherstellungen oder Aktualisierungen, die älteste vom "
        "01.02.2025; die neuesten 3 bleiben.",
    ]
    assert [copy.exists() for copy in old] == [False, True, True, True]


def test_retention_kept_for_one_day_says_1_tag(demo_file):
    """--copy-days 1: "älter als 1 Tag", not "1 Tage" (found by a tester)."""
    stem = demo_file.with_suffix("").name
    for month in (1, 2, 3, 4):
        demo_file.with_name(f"{stem}-vor-wiederherstellung-2025-0{month}-01-120000.db").touch()

    listed = run("--database", str(demo_file), "retention", "--copy-days", "1")
    deleted = run("--database", str(demo_file), "retention", "--copy-days", "1", "--delete-copies")

    assert listed.stdout.splitlines()[-1].endswith(
        "1 älter als 1 Tag: löschen mit --delete-copies."
    )
    assert "1 Sicherheitskopie gelöscht (älter als 1 Tag; die neuesten 3 bleiben)." in (
        deleted.stdout
    )


def test_retention_names_a_safety_copy_it_could_not_delete(sqlite_database, monkeypatch):
    """A copy open in another program stays: the command said "0 Sicherheitskopien
    gelöscht" and then "löschen mit --delete-copies" as if it had not been asked (found
    by a tester)."""
    path = sqlite_file(sqlite_database.url)
    old = path.with_name(f"{path.stem}-vor-wiederherstellung-2025-01-02-120000.db")
    for copy in (
        old,
        *(
            old.with_name(f"{path.stem}-vor-wiederherstellung-2026-11-0{d}-120000.db")
            for d in (1, 2, 3)
        ),
    ):
        copy.write_bytes(b"alt")
    unlink = Path.unlink

    def locked(file: Path, missing_ok: bool = False) -> None:
        if file == old:
            raise PermissionError(13, "Zugriff verweigert", str(file))
        unlink(file, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", locked)
    args = argparse.Namespace(copy_days=90, delete_copies=True)

    lines = _safety_copies(Services.create(sqlite_database, "t"), args, date(2026, 12, 3))

    assert lines == [
        "0 Sicherheitskopien gelöscht (älter als 90 Tage; die neuesten 3 bleiben).",
        "1 Sicherheitskopie konnte nicht gelöscht werden und bleibt erhalten: vielleicht in "
        "einem anderen Programm geöffnet, oder es fehlt die Berechtigung für den Ordner.",
    ]
    assert old.exists()


def test_a_missing_backup_is_refused_before_the_question(demo_file, tmp_path):
    """A mistyped backup name was asked about first ("Alle Daten … durch „fehlt.zip“
    ersetzen?", without a terminal "Ohne Rückfrage geht das nur mit --yes") and named as
    missing only after "Ja" (found by a tester)."""
    missing = tmp_path / "fehlt.zip"

    result = run("--database", str(demo_file), "restore", str(missing))

    assert result.returncode == 1
    assert result.stderr.startswith(
        f"expertenrat: Fehler: „{missing}“ kann nicht gelesen werden: Der Ordner oder die "
        "Datei existiert nicht."
    ), result.stderr
    assert "--yes" not in result.stderr


def test_ctrl_c_while_the_restored_database_closes_is_no_abgebrochen(
    demo_file, tmp_path, monkeypatch, capsys
):
    """(found by a tester) Closing a large file after the restore writes its journal back,
    seconds in which Ctrl+C said "Abgebrochen." (the work rolled back, exit code 130) of a
    restore that had gone through."""
    from expertenrat.store.database import Database

    target = tmp_path / "sicherung.zip"
    assert run_main(capsys, "--database", str(demo_file), "backup", "--out", str(target))[0] == 0
    close = Database.close

    def pressed_while_closing(self) -> None:
        close(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(Database, "close", pressed_while_closing)

    code, out, err = run_main(capsys, "--database", str(demo_file), "restore", str(target), "--yes")

    assert (code, err) == (0, "")
    assert out.startswith("Wiederhergestellt: ")


# The command as "pythonw" or a closed standard input and output leave it: no console
# streams at all (sys.stdin and sys.stdout are None), as a scheduled task may start it.
WITHOUT_CONSOLE = ["sh", "-c", 'exec "$@" <&- >&-', "sh"]


@pytest.mark.skipif(sys.platform == "win32", reason="closes the streams with a POSIX shell")
def test_a_backup_without_a_console_succeeds_with_exit_code_0(demo_file, tmp_path):
    """(found by a tester) The backup was written, then flushing the missing output ended
    the command with a traceback and exit code 1: the scheduled task reported a failure."""
    backup = tmp_path / "sicherung.zip"

    made = run("--database", str(demo_file), "backup", "--out", str(backup), prefix=WITHOUT_CONSOLE)

    assert (made.returncode, made.stderr) == (0, "")
    assert backup.is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="closes the streams with a POSIX shell")
def test_the_restore_question_without_a_console_is_refused_in_one_line(demo_file, tmp_path):
    """(found by a tester) Asking where there is no standard input at all ended with an
    AttributeError's traceback; now it is refused as where no terminal can answer."""
    backup = tmp_path / "sicherung.zip"
    assert run("--database", str(demo_file), "backup", "--out", str(backup)).returncode == 0

    refused = run("--database", str(demo_file), "restore", str(backup), prefix=WITHOUT_CONSOLE)

    assert_one_line_error(refused, "Ohne Rückfrage geht das nur mit --yes")
