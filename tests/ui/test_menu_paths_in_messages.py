"""A message that sends the user to the Datei menu ("… (Datei → Datenbank prüfen, …)")
names an entry the menu has, in the menu's words and with the arrow the other messages
and the README use: two messages said "Datei › Datenbank prüfen" (found by a tester)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import expertenrat
from expertenrat.domain.councils import CouncilSettings

_SOURCES = Path(expertenrat.__file__).parent
_PATH = re.compile(r"Datei\s*(?:→|›|>)\s*([^,.;()“]+…?)")


def _messages() -> list[str]:
    """The program's string constants (implicitly joined pieces as one), not its docstrings
    and comments, which may name a menu path loosely."""
    found = []
    for source in _SOURCES.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ]
    return found


def test_every_datei_menu_path_in_a_message_is_an_entry_of_the_menu(make_window, services):
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    entries = {a.text().replace("&", "") for a in window.menus.file_menu.actions()}
    named = [
        (message, match.group(0), match.group(1).strip())
        for message in _messages()
        for match in _PATH.finditer(" ".join(message.split()))
    ]

    assert len(named) >= 3  # the messages are found at all (Aufbewahrung, Datenbank prüfen)
    for message, path, entry in named:
        assert path.startswith("Datei → "), message
        assert entry in entries, message
