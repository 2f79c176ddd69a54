"""Which council a command is about: `councils` lists them with their numbers, a command
without `--council` says which one it took where there are several, and a command that
writes into a council does not guess (found by a tester)."""

from __future__ import annotations

from cli_runs import run_main as run

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.settings import SettingsService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

NOTE = (
    "expertenrat: Hinweis: Die Datenbank enthält 2 Gremien; es gilt Nr. 1 (Smart City "
    "Expert*innenrat). Andere mit --council NR, Liste: expertenrat councils.\n"
)


def test_councils_lists_number_name_city_and_prefix(capsys, demo_file):
    code, out, err = run(capsys, "--database", str(demo_file), "councils")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "    1  Smart City Expert*innenrat  (Rostock; Empfehlungen E-…)",
        "    2  Beirat Digitale Stadt Lübeck  (Hansestadt Lübeck; Empfehlungen BDSL-…)",
    ]


def test_councils_of_an_empty_database_says_how_to_make_one(capsys, migrated_file):
    """(found by a tester) On stderr, as the other listings of nothing: a script counting
    the councils (`expertenrat councils | wc -l`) counted the sentence as one."""
    code, out, err = run(capsys, "--database", str(migrated_file), "councils")

    assert (code, out) == (0, "")
    assert err.startswith("expertenrat: Hinweis: Die Datenbank enthält noch kein Gremium.")


def test_a_read_without_council_names_the_council_it_took_where_there_are_several(
    capsys, demo_file
):
    """The Beirat's secretariat got the Expert*innenrat's meetings without a word."""
    code, out, err = run(capsys, "--database", str(demo_file), "meetings")

    assert (code, err) == (0, NOTE)
    assert "1. Sitzung" in out
    code, out, err = run(capsys, "--database", str(demo_file), "meetings", "--council", "2")
    assert (code, err) == (0, "expertenrat: Hinweis: Das Gremium hat noch keine Sitzungen.\n")


def test_a_read_in_a_database_of_one_council_says_nothing_of_councils(capsys, migrated_file):
    db = open_database(database_url(str(migrated_file)))
    try:
        SettingsService(db, "Test").create_council(CouncilSettings(None, "Rat", "Rostock"))
    finally:
        db.close()

    code, out, err = run(capsys, "--database", str(migrated_file), "search", "Parkraum")

    assert (code, out) == (0, "")
    assert err == "expertenrat: Hinweis: Nichts gefunden für „Parkraum“.\n"


def test_reminders_without_council_are_refused_where_there_are_several(capsys, demo_file, tmp_path):
    """`export reminders` records the reminders in the council's history: a guessed council
    got the entries and the letters."""
    folder = tmp_path / "Erinnerungen"

    code, out, err = run(
        capsys, "--database", str(demo_file), "export", "reminders", "--out", str(folder)
    )

    assert (code, out) == (1, "")
    assert err.startswith("expertenrat: Fehler: Die Datenbank enthält 2 Gremien: 1 (Smart City")
    assert "Bitte mit --council NR angeben, für welches die Erinnerungen geschrieben" in err
    assert not folder.exists()
    code, out, err = run(
        capsys, "--database", str(demo_file), "export", "reminders", "--out", str(folder),
        "--council", "1",
    )  # fmt: skip
    assert code == 0, err
