"""A listing that finds nothing prints nothing on stdout and says so on stderr: a script
that counts or mails the lines (``expertenrat recommendations --overdue | wc -l``) took
"Keine Empfehlungen in dieser Auswahl." for one overdue recommendation (found by a tester)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runs import run_main as run

SETTINGS = Path(__file__).resolve().parents[1] / "resources/demo/luebeck_settings.json"


@pytest.fixture
def new_council(capsys, tmp_path) -> str:
    """A database of one council made from a settings file: no meetings, no persons."""
    database = str(tmp_path / "wismar.db")
    assert run(capsys, "--database", database, "import", "settings", str(SETTINGS), "--new")[0] == 0
    return database


@pytest.mark.parametrize(
    ("command", "note"),
    [
        (("meetings",), "Das Gremium hat noch keine Sitzungen."),
        (("persons",), "Die Datenbank enthält noch keine Personen."),
        (("recommendations", "--overdue"), "Keine Empfehlungen in dieser Auswahl."),
        (("search", "Parkraum"), "Nichts gefunden für „Parkraum“."),
    ],
    ids=lambda value: value[0] if isinstance(value, tuple) else None,
)
def test_a_listing_of_nothing_leaves_stdout_empty(capsys, new_council, command, note):
    code, out, err = run(capsys, "--database", new_council, *command)

    assert (code, out, err) == (0, "", f"expertenrat: Hinweis: {note}\n")
