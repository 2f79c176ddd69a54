"""The README's list of commands and the command line's own help agree: every option the
README shows exists, every option the program has is shown, and the help names the value
an option takes in German ("N", "DATEI.pdf"), not argparse's English default taken from
the option's name ("COUNCILS") (found by a tester)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from expertenrat.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_synopsis() -> dict[tuple[str, ...], set[str]]:
    """The lines of the README's code block under "## Command line", as the command's
    words ("export", "minutes") and the options the line shows."""
    text = README.read_text(encoding="utf-8").split("## Command line", 1)[1]
    block = text.split("```", 2)[1]
    lines: dict[tuple[str, ...], set[str]] = {}
    for line in block.strip().splitlines():
        words = line.removeprefix("expertenrat").replace("[--database URL]", "").split()
        command = tuple(w for w in words[:2] if re.fullmatch(r"[a-z][a-z-]*", w))
        if command[1:] and command[0] not in ("export", "import"):
            command = command[:1]
        lines[command] = set(re.findall(r"--[a-z][a-z-]*", " ".join(words)))
    return lines


def _parsers() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command's parser by its words, the program's own as ()."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        found[words] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*words, name))

    walk(build_parser(), ())
    return found


def _commands() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """The parsers that run something (not "export" alone, which only chooses)."""
    return {
        words: parser
        for words, parser in _parsers().items()
        if words and not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    }


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


def test_the_readme_lists_every_command_with_the_options_it_has():
    synopsis = _readme_synopsis()
    commands = _commands()

    assert set(synopsis) - {("--version",), ()} == set(commands)
    for words, parser in commands.items():
        assert synopsis[words] == _options(parser), " ".join(words)


def test_export_help_lists_its_kinds_by_use_in_the_readmes_order():
    """`export --help` listed `ics` and `person` last, after the open data, apart from the
    other exports of a meeting and of members."""
    readme = [words[1] for words in _readme_synopsis() if words[:1] == ("export",)]
    helped = [words[1] for words in _parsers() if len(words) == 2 and words[0] == "export"]

    assert helped == readme
    assert helped.index("ics") == helped.index("invitation-mail") + 1


@pytest.mark.parametrize("words", sorted(_commands()), ids=" ".join)
def test_every_option_names_its_value_in_german(words):
    parser = _commands()[words]
    for action in parser._actions:
        if action.option_strings and action.nargs != 0:
            assert action.metavar is not None, f"{' '.join(words)} {action.option_strings[0]}"


@pytest.mark.parametrize("words", [("recommendations",), ("export", "recommendations")])
def test_the_status_option_names_the_statuses_it_takes(words):
    """The README says `--status` takes the value or the German word; the help said only
    "nur Empfehlungen in diesem Status" (found by a tester)."""
    help_text = " ".join(_commands()[words].format_help().split())
    if words == ("recommendations",):
        assert "übermittelt (sent)" in help_text and "zurückgezogen (withdrawn)" in help_text
    else:
        assert "wie bei „expertenrat recommendations“" in help_text


def test_the_council_option_says_where_the_numbers_are_found():
    """Nothing listed the councils' numbers, and the help said only "Nummer des Gremiums":
    `councils` lists them (found by a tester)."""
    help_text = " ".join(_commands()[("meetings",)].format_help().split())
    assert "Nummer des Gremiums, wie „expertenrat councils“ sie nennt" in help_text


def test_the_database_option_names_a_database_chosen_in_the_window_too():
    """The window's choice (start page, Einstellungen → Datenbank) is stored for the
    command line as well (README, "Where the data lives"); the help named only the server
    of "move-to-server" (found by a tester)."""
    help_text = " ".join(build_parser().format_help().split())
    assert "eine im Programmfenster gewählte Datei oder Server" in help_text


def test_the_help_names_the_exit_codes_as_the_readme_does():
    """A scheduled task's script checks the exit code; only the README named the codes, not
    the help an administrator reads on the server (found by a tester)."""
    help_text = " ".join(build_parser().format_help().split())
    readme = " ".join(README.read_text(encoding="utf-8").split())

    assert "0, wenn der Befehl gelungen ist; 1 bei einem Fehler" in help_text
    assert "130 nach Strg+C" in help_text
    assert "0 on success, 1 with a one-line message" in readme and "130 after Ctrl+C" in readme
