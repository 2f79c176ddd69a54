"""The command line's argument parser in German: argparse's own messages and help words
translated, and its refusals worded as a user reads them."""

from __future__ import annotations

import argparse

_ARGPARSE_GERMAN = {
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "expected one argument": "erwartet einen Wert",
    "one of the arguments %s is required": "eine dieser Angaben fehlt: %s",
    "not allowed with argument %s": "nicht zusammen mit %s möglich",
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
}


def _german(message: str) -> str:
    return _ARGPARSE_GERMAN.get(message, message)


argparse._ = _german  # argparse looks its messages up through this module-level name
argparse.ngettext = lambda singular, plural, n: _german(singular if n == 1 else plural)


_MISSING = _ARGPARSE_GERMAN["the following arguments are required: %s"].removesuffix("%s")
_ONE_OF = _ARGPARSE_GERMAN["one of the arguments %s is required"].removesuffix("%s")
_UNKNOWN = _ARGPARSE_GERMAN["unrecognized arguments: %s"].removesuffix("%s")


class GermanParser(argparse.ArgumentParser):
    """Its ``epilog`` may also be a function that makes it, called when the help is shown:
    a command's long help (and the modules it needs) then costs nothing to every other
    command, which builds this parser too."""

    def format_help(self) -> str:
        if callable(self.epilog):
            self.epilog = self.epilog()
        return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        if message.startswith(_MISSING) and ", " not in message:  # argparse joins by ", "
            message = f"diese Angabe fehlt: {message.removeprefix(_MISSING)}"
        elif message.startswith(_ONE_OF):  # argparse joins by " ": "--meeting --all"
            message = f"{_ONE_OF}{' oder '.join(message.removeprefix(_ONE_OF).split())}"
        elif message.startswith(_UNKNOWN):
            message += self._before_the_command(message.removeprefix(_UNKNOWN))
        self.exit(1, f"{self.prog}: Fehler: {message}\n")

    def _before_the_command(self, unknown: str) -> str:
        """Where an option of this parser (``--database``) came after the command, which
        only takes its own, what to write instead: a script's "expertenrat backup --out
        x.zip --database y.db" was told "unbekannte Angaben: --database y.db" of an option
        the help names (found by a tester)."""
        words = (word.split("=", 1)[0] for word in unknown.split())
        misplaced = [w for w in dict.fromkeys(words) if w in self._option_string_actions]
        if not misplaced:
            return ""
        options = " und ".join(misplaced)
        verb = "gehört" if len(misplaced) == 1 else "gehören"
        return f" ({options} {verb} vor den Befehl: {self.prog} {misplaced[0]} … BEFEHL …)"

    def _check_value(self, action: argparse.Action, value: object) -> None:
        """An unknown command in German quotes ("„zaubern“ gibt es nicht; möglich: demo,
        export …"), not argparse's "invalid choice: 'zaubern' (choose from 'demo', …)"
        (found by a tester)."""
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(str, action.choices))
            raise argparse.ArgumentError(action, f"„{value}“ gibt es nicht; möglich: {choices}")
