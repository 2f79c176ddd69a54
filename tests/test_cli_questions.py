"""The command line's questions show paths and addresses as text: a control character, a
reordering mark or a line break in them is shown as its code, never acted on."""

from __future__ import annotations

import getpass

import pytest
from cli_runs import run_on_terminal

from expertenrat.cli.support import UserError, ask


def test_the_restore_question_shows_an_escape_in_a_path_as_its_code(tmp_path):
    backup = tmp_path / "sicherung\x1b[31m\u202eRot.zip"
    backup.write_bytes(b"x")  # "Nein" never reads it; an empty file is refused before asking
    database = tmp_path / "Rat\nneu.db"

    code, output = run_on_terminal(
        "--database", str(database), "restore", str(backup), answer=b"Nein\n", at=b"(Ja/Nein) "
    )

    assert code == 1 and "Abgebrochen; es wurde nichts verändert." in output
    assert (
        f"Alle Daten in „{tmp_path}/Rat<U+000A>neu.db“ durch "
        f"„{tmp_path}/sicherung<U+001B>[31m<U+202E>Rot.zip“ ersetzen, auch alles, was "
    ) in output
    assert "\x1b[31m" not in output and "\u202e" not in output
    assert not database.exists()


def test_a_password_prompt_shows_control_characters_as_their_codes(monkeypatch):
    prompts = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or "geheim")

    answer = ask("Der Server „db\x1b]0;Titel\x07.stadt.de“ verlangt ein Passwort. ", secret=True)

    assert answer == "geheim"
    assert prompts == ["Der Server „db<U+001B>]0;Titel<U+0007>.stadt.de“ verlangt ein Passwort. "]


@pytest.mark.parametrize("pressed", [EOFError, KeyboardInterrupt])
def test_ctrl_d_or_ctrl_c_at_a_question_stops_with_nothing_changed(monkeypatch, pressed):
    def interrupted(prompt: str) -> str:
        raise pressed

    monkeypatch.setattr("builtins.input", interrupted)

    with pytest.raises(UserError, match=r"Abgebrochen; es wurde nichts verändert\."):
        ask("Weiter? (Ja/Nein) ")
