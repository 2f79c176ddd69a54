"""The command line for the transfer kit: export and import of a council's settings."""

from __future__ import annotations

import base64
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from cli_runs import import_arguments, run_main
from cli_runs import run_script as run
from logo_images import header_only_png, oversized_png

from expertenrat.domain.council_transfer import settings_document
from expertenrat.domain.council_transfer_format import CouncilTemplate
from expertenrat.domain.councils import CouncilSettings

WISMAR = CouncilTemplate(CouncilSettings(id=None, name="Digitalbeirat", city="Wismar"))


def stored(database) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple], int]:
    """Everything an import could change: councils, fields, phrases, agenda templates, the
    audit's length."""
    with sqlite3.connect(database) as connection:
        tables = [
            connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("councils", "action_fields", "text_templates", "agenda_templates")
        ]
        audit = connection.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
    connection.close()
    return (*tables, audit)


@pytest.fixture
def exported(demo_file, tmp_path):
    path = tmp_path / "rostock.json"
    result = run("--database", str(demo_file), "export", "settings", "--out", str(path))
    assert result.returncode == 0, result.stderr
    assert "(ohne Mitgliederdaten, aber mit der Geschäftsstelle und ihrer E-Mail-Adresse)" in (
        result.stdout
    )
    return path


def test_export_help_says_the_file_carries_the_secretariat(capsys):
    code, out, _err = run_main(capsys, "export", "--help")

    assert code == 0
    assert "ohne Mitgliederdaten, aber mit der Geschäftsstelle und ihrer E-Mail-Adresse" in (
        " ".join(out.split())
    )
    assert "personenbezogen" not in out


def test_a_changed_file_is_shown_in_a_dry_run_and_then_applied(demo_file, exported, tmp_path):
    document = json.loads(exported.read_text("utf-8"))
    document["council"]["noticePeriodDays"] = 12
    changed = tmp_path / "rostock-neu.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    before = stored(demo_file)

    dry = run(*import_arguments(demo_file, "settings", changed, "--dry-run"))
    assert dry.returncode == 0, dry.stderr
    assert stored(demo_file) == before
    applied = run(*import_arguments(demo_file, "settings", changed))

    assert "Ladungsfrist: 14 Tage -> 12 Tage" in dry.stdout
    assert "Probelauf: Es wurde nichts gespeichert." in dry.stdout
    assert "bleiben, wie sie sind" not in dry.stdout  # the council's own city's file
    assert applied.returncode == 0, applied.stderr
    assert "Übernommen: 1 Änderung in „Smart City Expert*innenrat“." in applied.stdout
    assert _council(demo_file, "notice_period_days") == (12,)


def _council(database, *columns: str) -> tuple:
    with sqlite3.connect(database) as connection:
        row = connection.execute(f"SELECT {', '.join(columns)} FROM councils WHERE id = 1")
        values = row.fetchone()
    connection.close()
    return values


def test_another_citys_own_settings_are_left_as_they_are_unless_all(demo_file, exported, tmp_path):
    """(found by a tester) The window proposes another city's name, city, website, mailbox
    and action fields no more; the command line took them all, and Leipzig's council took
    Rostock's name, website and mailbox. Now it takes what the window proposes, the rest
    with --all."""
    document = json.loads(exported.read_text("utf-8"))
    document["council"].update(
        name="Digitalbeirat Lübeck", city="Lübeck & <Travemünde>", website="https://luebeck.de",
        secretariatEmail="digital@luebeck.de", noticePeriodDays=12,
    )  # fmt: skip
    document["actionFields"][0]["colour"] = "#123456"
    changed = tmp_path / "luebeck.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    columns = ("name", "city", "website", "secretariat_email", "notice_period_days")
    own = _council(demo_file, *columns)[:4]
    fields = stored(demo_file)[1]

    dry = run(*import_arguments(demo_file, "settings", changed, "--dry-run"))
    applied = run(*import_arguments(demo_file, "settings", changed))

    assert dry.returncode == 0, dry.stderr
    assert "Ladungsfrist: 14 Tage -> 12 Tage" in dry.stdout
    assert "Stadt: Rostock ->" not in dry.stdout
    assert (
        "Die Datei stammt aus Lübeck & <Travemünde>, das Gremium „Smart City "
        "Expert*innenrat“ aus Rostock; diese Einstellungen bleiben, wie sie sind "
        "(übernehmen mit --all):"
    ) in dry.stdout
    assert "  Stadt: Rostock (in der Datei: Lübeck & <Travemünde>)" in dry.stdout
    assert "  Handlungsfelder: " in dry.stdout
    assert applied.returncode == 0, applied.stderr
    assert "Übernommen: 1 Änderung in „Smart City Expert*innenrat“." in applied.stdout
    assert _council(demo_file, *columns) == (*own, 12)
    assert stored(demo_file)[1] == fields

    everything = run(*import_arguments(demo_file, "settings", changed, "--all"))

    assert everything.returncode == 0, everything.stderr
    assert "bleiben, wie sie sind" not in everything.stdout
    assert "Stadt: Rostock -> Lübeck & <Travemünde>" in everything.stdout
    assert _council(demo_file, *columns) == (
        "Digitalbeirat Lübeck", "Lübeck & <Travemünde>", "https://luebeck.de",
        "digital@luebeck.de", 12,
    )  # fmt: skip


def test_a_renamed_council_is_named_as_it_is_called_now(demo_file, exported, tmp_path):
    """(found by a tester) Taking over Wismar's name said "Übernommen: 1 Änderung(en) in
    „Smart City Expert*innenrat“", the name the council no longer has."""
    document = json.loads(exported.read_text("utf-8"))
    document["council"]["name"] = "Digitalbeirat der Hansestadt Wismar"
    changed = tmp_path / "wismar.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    applied = run(*import_arguments(demo_file, "settings", changed))

    assert applied.returncode == 0, applied.stderr
    assert applied.stdout.splitlines()[-1] == (
        "Übernommen: 1 Änderung in „Digitalbeirat der Hansestadt Wismar“ "
        "(bisher „Smart City Expert*innenrat“)."
    )


def test_new_makes_a_council_from_the_file(demo_file, exported):
    councils = len(stored(demo_file)[0])

    result = run("--database", str(demo_file), "import", "settings", str(exported), "--new")

    assert result.returncode == 0, result.stderr
    assert f"Gremium Nr. {councils + 1} „Smart City Expert*innenrat“" in result.stdout
    councils, _fields, _phrases, agenda, _audit = stored(demo_file)
    titles = {n: [row[3:7] for row in agenda if row[1] == n] for n in (1, len(councils))}
    assert titles[1] and titles[len(councils)] == titles[1]  # the file's agenda templates


def test_a_new_city_starts_from_the_file_in_a_new_database(exported, tmp_path):
    fresh = tmp_path / "neu" / "wismar.db"

    dry = run("--database", str(fresh), "import", "settings", str(exported), "--new", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.strip() == (
        f"Probelauf: Die Datei ist gültig; sie würde die Datenbank „{fresh}“ und darin das "
        "Gremium „Smart City Expert*innenrat“ (Rostock) mit 4 Handlungsfeldern, "
        "10 Textbausteinen und 5 Vorlagen für Tagesordnungspunkte anlegen. Es wurde nichts "
        "gespeichert."
    )
    assert not fresh.parent.exists()  # a dry run creates nothing, not even the folder

    result = run("--database", str(fresh), "import", "settings", str(exported), "--new")

    assert result.returncode == 0, result.stderr
    assert "Gremium Nr. 1 „Smart City Expert*innenrat“" in result.stdout
    assert "Warnung" not in result.stderr
    councils, fields, _phrases, agenda, _audit = stored(fresh)
    assert len(councils) == 1 and fields and agenda


def test_new_warns_of_a_council_of_that_name_and_city_and_still_creates_it(exported, tmp_path):
    """(found by a tester) Run twice, --new made two councils alike without a word."""
    fresh = tmp_path / "wismar.db"
    run("--database", str(fresh), "import", "settings", str(exported), "--new")
    warning = (
        "expertenrat: Warnung: Ein Gremium „Smart City Expert*innenrat“ (Rostock) gibt es in "
        "der Datenbank bereits (Nr. 1); --new legt ein weiteres an.\n"
        # (found by a tester) both then issued "E-2026-01"
        "expertenrat: Warnung: Das Kürzel „E“ gilt auch für „Smart City Expert*innenrat“ "
        "(Rostock): Empfehlungen verschiedener Gremien bekämen so dieselben Kennungen („E-…“)."
    )

    dry = run("--database", str(fresh), "import", "settings", str(exported), "--new", "--dry-run")
    again = run("--database", str(fresh), "import", "settings", str(exported), "--new")

    assert dry.returncode == 0 and dry.stderr.strip() == warning
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip() == warning
    assert "Gremium Nr. 2 „Smart City Expert*innenrat“" in again.stdout
    assert len(stored(fresh)[0]) == 2


@pytest.mark.parametrize("options", [("--new", "--all"), ("--all", "--new", "--dry-run")])
def test_all_beside_new_is_refused_and_creates_nothing(capsys, exported, tmp_path, options):
    """--all was taken beside --new and did nothing: a new council takes the file's own
    settings anyway (but the e-mail address). Now it is refused, in either order."""
    fresh = tmp_path / "neu" / "wismar.db"

    code, out, err = run_main(
        capsys, "--database", str(fresh), "import", "settings", str(exported), *options
    )

    assert (code, out) == (1, "")
    assert err == (
        "expertenrat import settings: Fehler: --all gilt nur beim Übernehmen in ein "
        "bestehendes Gremium, nicht mit --new: ein neues Gremium übernimmt ohnehin alles aus "
        "der Datei außer der E-Mail-Adresse der Geschäftsstelle. Es wurde nichts verändert.\n"
    )
    assert not fresh.parent.exists()
    _code, help_text, _err = run_main(capsys, "import", "settings", "--help")
    assert "bestehendes Gremium, nicht mit --new" in " ".join(help_text.split())


def test_a_dry_run_without_a_database_still_refuses_a_bad_file(tmp_path):
    fresh = tmp_path / "neu" / "wismar.db"
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"format": "expertenrat-council-settings", ', encoding="utf-8")

    dry = run("--database", str(fresh), "import", "settings", str(broken), "--new", "--dry-run")

    assert dry.returncode == 1 and "kein gültiges JSON" in dry.stderr
    assert not fresh.parent.exists()


def test_without_new_a_dry_run_on_no_database_is_still_refused(exported, tmp_path):
    """Only --new creates a database: a dry run into an existing council needs one."""
    fresh = tmp_path / "neu" / "wismar.db"

    dry = run("--database", str(fresh), "import", "settings", str(exported), "--dry-run")

    assert dry.returncode == 1 and "gibt es noch nicht oder sie ist leer" in dry.stderr
    assert not fresh.parent.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "expertenrat-council-settings", ', "kein gültiges JSON"),
        ("NEWER", "Format 7 einer neueren Programmversion"),
        ("SCHEMA", "entspricht nicht dem Format: „Mindestzahl Mitglieder“"),
        ("HOSTILE", "Der Name des Gremiums enthält ein unsichtbares Steuerzeichen"),
        ("AGENDA", "Vorlage für Tagesordnungspunkte 1: Der Titel des Punkts enthält ein unsi"),
    ],
)
def test_refused_files_change_nothing(demo_file, tmp_path, content, message):
    document = json.loads(settings_document(WISMAR, datetime.now(UTC), "test"))
    if content == "NEWER":
        document["formatVersion"] = 7
    elif content == "SCHEMA":
        document["council"]["minMembers"] = -1
    elif content == "HOSTILE":
        document["council"]["name"] = "Rat\u202e<script>"
    elif content == "AGENDA":
        document["agendaTemplates"] = [
            {"title": "Bericht\u202e<b>", "kind": "report", "public": True, "plannedMinutes": 5}
        ]
    path = tmp_path / "bad.json"
    text = content if content.startswith("{") else json.dumps(document, ensure_ascii=False)
    path.write_text(text, "utf-8")
    before = stored(demo_file)

    result = run(*import_arguments(demo_file, "settings", path))

    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert stored(demo_file) == before


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (header_only_png(), "Das Logo in der Einstellungsdatei ist kein lesbares PNG-Bild"),
        (oversized_png(), "Das Logo in der Einstellungsdatei ist mit 20.000 × 20.000 Pixeln zu"),
    ],
    ids=["cut after its header", "20000 px"],
)
def test_a_logo_that_cannot_be_drawn_is_refused_and_changes_nothing(
    demo_file, exported, tmp_path, logo, message
):
    document = json.loads(exported.read_text("utf-8"))
    document["council"]["logoPng"] = base64.b64encode(logo).decode("ascii")
    path = tmp_path / "logo.json"
    path.write_text(json.dumps(document), "utf-8")
    before = stored(demo_file)

    result = run("--database", str(demo_file), "import", "settings", str(path), "--council", "1")

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"expertenrat: Fehler: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert stored(demo_file) == before


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (("invitation", "--meeting", "7", "--per-member"), "Einladung.pdf"),
        (("dossier", "--meeting", "6"), "Sitzungsmappe.pdf"),
        (("roster",), "Mitglieder.pdf"),
        (("reminders",), "Erinnerungen"),
    ],
    ids=["invitation letters", "dossier", "roster", "reminder letters"],
)
def test_a_stored_logo_that_cannot_be_drawn_is_left_out_with_one_warning(
    demo_file, tmp_path, command, target
):
    with sqlite3.connect(demo_file) as connection:  # stored before logos were checked
        connection.execute("UPDATE councils SET logo_png = ? WHERE id = 1", (header_only_png(),))
    connection.close()
    out = tmp_path / target
    if command == ("reminders",):
        out.mkdir()

    result = run(
        "--database", str(demo_file), "export", *command, "--out", str(out), "--council", "1"
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert [p.suffix for p in out.iterdir()] if out.is_dir() else out.is_file()
    assert result.stderr.strip().splitlines() == [  # once, not once per letter
        "expertenrat: Warnung: Das Logo in den Einstellungen ist kein lesbares PNG-Bild "
        "(beschädigt oder unvollständig) und fehlt im Dokument; bitte unter Einstellungen ein "
        "neues Logo wählen."
    ]


def test_a_stored_logo_that_cannot_be_drawn_is_left_out_of_the_settings_file(demo_file, tmp_path):
    """The file was written with the logo, and no Expertenrat read it then: "Das Logo in
    der Einstellungsdatei ist kein lesbares PNG-Bild" refused it whole."""
    with sqlite3.connect(demo_file) as connection:  # stored before logos were checked
        connection.execute("UPDATE councils SET logo_png = ? WHERE id = 1", (header_only_png(),))
    connection.close()
    out = tmp_path / "rostock.json"

    result = run(
        "--database", str(demo_file), "export", "settings", "--out", str(out), "--council", "1"
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (
        "expertenrat: Warnung: Das Logo in den Einstellungen ist kein lesbares PNG-Bild "
        "(beschädigt oder unvollständig) und fehlt in der Datei; bitte unter Einstellungen ein "
        "neues Logo wählen."
    )
    assert json.loads(out.read_text("utf-8"))["council"]["logoPng"] is None
    again = run("--database", str(demo_file), "import", "settings", str(out), "--new")
    assert again.returncode == 0, again.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="limits memory with setrlimit")
def test_a_huge_file_is_refused_by_its_size_without_reading_it_whole(demo_file, tmp_path):
    """A file of 2 GB chosen by mistake was read whole before its size was checked: with
    less memory than that, a MemoryError traceback (and on any PC seconds and gigabytes)."""
    import resource

    huge = tmp_path / "riesig.json"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: no disk space taken
    limit = 1536 * 1024**2

    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(demo_file),
         "import", "settings", "--council", "1", str(huge), "--dry-run"],
        capture_output=True, text=True, timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
    )  # fmt: skip

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "expertenrat: Fehler: Die Datei ist mit 2048 MB zu groß für eine Einstellungsdatei "
        "(höchstens 8 MB)."
    )


@pytest.mark.parametrize("name", ["rostock", "rostock.txt"])
def test_a_settings_file_name_without_json_is_refused(demo_file, tmp_path, name):
    """`export settings --out rostock` wrote the file without its ending, which the window's
    "Neues Gremium aus Vorlage …" and "Einstellungen übernehmen …" (*.json) do not even
    list, as the other exports refuse a name without theirs (found by a tester)."""
    target = tmp_path / name

    result = run("--database", str(demo_file), "export", "settings", "--out", str(target))

    assert result.returncode == 1 and result.stdout == ""
    assert "der Dateiname muss auf .json enden" in result.stderr
    assert not target.exists()


def test_another_citys_action_fields_are_named_as_the_file_holds_them(
    demo_file, exported, tmp_path
):
    """(found by a tester) "Handlungsfelder: … (in der Datei: Moderne Verwaltung, …, Hafen)"
    named the council's fields beside the file's, as taking them would leave them (those in
    use stay): the file holds only its own."""
    document = json.loads(exported.read_text("utf-8"))
    document["council"].update(name="Digitalbeirat Lübeck", city="Lübeck")
    document["actionFields"] = [{"name": "Hafen & <Welterbe>", "colour": "#123456"}]
    changed = tmp_path / "luebeck.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    dry = run(*import_arguments(demo_file, "settings", changed, "--dry-run"))

    assert dry.returncode == 0, dry.stderr
    (line,) = [line for line in dry.stdout.splitlines() if "  Handlungsfelder: " in line]
    assert line.endswith(" (in der Datei: Hafen & <Welterbe>)")
    assert line.startswith("  Handlungsfelder: Moderne Verwaltung, ")


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_with_two_councils_the_council_to_take_a_file_must_be_named(demo_file, exported, dry_run):
    """The demo holds the Rostock council and the Lübeck Beirat: without --council, the
    Beirat's file went into the first council, the Expert*innenrat, unasked (found by a
    tester)."""
    before = stored(demo_file)

    result = run(
        "--database", str(demo_file), "import", "settings", str(exported), *["--dry-run"] * dry_run
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "expertenrat: Fehler: Die Datenbank enthält 2 Gremien: 1 (Smart City "
        "Expert*innenrat), 2 (Beirat Digitale Stadt Lübeck). Bitte mit --council NR angeben, "
        "in welches die Einstellungen übernommen werden sollen; es wurde nichts geändert.\n"
    )
    assert stored(demo_file) == before


def test_a_prefix_taken_from_the_file_is_warned_of_where_another_council_uses_it(
    capsys, demo_file, exported, tmp_path
):
    """(found by a tester) Two councils with one prefix both issue "E-2026-01"."""
    document = json.loads(exported.read_text("utf-8"))
    document["council"]["recommendationPrefix"] = "LB"
    changed = tmp_path / "lb.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    database = ["--database", str(demo_file), "import", "settings", str(changed)]

    code, _out, first = run_main(capsys, *database, "--council", "2")
    code_again, _out, second = run_main(capsys, *database, "--council", "1", "--dry-run")

    assert code == 0 and "Kürzel" not in first  # no other council has "LB"
    assert code_again == 0
    assert "expertenrat: Warnung: Das Kürzel „LB“ gilt auch für „" in second
    assert "(Hansestadt Lübeck): Empfehlungen verschiedener Gremien" in second
