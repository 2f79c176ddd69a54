"""What the command modules share: the user's error, argument types, today of the whole
database, and writing a PDF with its warnings."""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from expertenrat.domain.councils import new_council_today
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.errors import ExpertenratError, PasswordNeededError
from expertenrat.domain.german_dates import copied_date, date_doubt
from expertenrat.services.files import write_file

if TYPE_CHECKING:
    from expertenrat.services.context import Services


class UserError(ExpertenratError):
    pass


# Control characters (but line feed and tab), the marks that reorder the text after them, and
# lone surrogates (a file name's bytes that are no UTF-8, a cell escaped as "_xD800_"), which a
# UTF-8 terminal's output refuses with an error.
_NOT_FOR_TERMINALS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_LINE_BREAKS = re.compile("[\t\n]")  # what a line of its own may not hold either


def terminal_text(text: str) -> str:
    """``text`` (which may quote the user's data) as a terminal should show it: a control
    character or a reordering mark is written as its code ("<U+001B>") instead of acting
    (colouring, moving the cursor, turning the rest of the line around), as is a lone
    surrogate ("<U+DCFC>"), which no terminal can be sent."""
    return _NOT_FOR_TERMINALS.sub(_code, text)


def _code(found: re.Match[str]) -> str:
    return f"<U+{ord(found.group()):04X}>"


LARGEST_NUMBER = 2**31 - 1  # the largest number a record's column holds on every database


def positive(text: str) -> int:
    """A whole number from 1 to :data:`LARGEST_NUMBER` (a record's number, a count)."""
    return _whole(text, LARGEST_NUMBER)


def at_most(largest: int) -> Callable[[str], int]:
    """The argument type of a whole number from 1 to ``largest``."""
    return lambda text: _whole(text, largest)


def _whole(text: str, largest: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl") from None
    if value < 1:
        raise argparse.ArgumentTypeError("muss mindestens 1 sein")
    if value > largest:
        raise argparse.ArgumentTypeError(f"darf höchstens {largest} sein")
    return value


def given(asked: str) -> Callable[[str], str]:
    """The argument type of a text a command needs (an input file, a server's address):
    never empty (a script's unset variable), which a restore or an import read as the
    current folder, ``move-to-server`` as the default database (found by a tester)."""

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"ist leer; bitte {asked} angeben")
        return text

    return check


def database_argument(text: str) -> str:
    """``--database``: never an empty text (a script's unset variable), which would name
    the default database in the user folder, or a file called " "."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "ist leer; bitte eine Datenbankdatei oder eine Adresse (postgresql://…) angeben "
            "oder --database weglassen"
        )
    return text


def target_path(text: str) -> Path:
    """The folder a command writes into (``--out``), never an empty text (a file:
    :func:`target_file_path`). "." and "…/.." name the folder they stand for."""
    _refuse_empty(text, "einen Zielordner")
    return _target(text)


def _refuse_empty(text: str, what: str) -> None:
    """An empty ``--out`` (a script's unset variable) asks for ``what`` the command writes
    ("eine Zieldatei": the backup's was asked for a file or a folder, found by a tester)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"ist leer; bitte {what} angeben")


# What cmd.exe hands over for --out "E:\" (a drive's root, a USB stick): E:"
_DRIVE_AND_QUOTE = re.compile(r'[A-Za-z]:"')


def _target(text: str) -> Path:
    if '"' in text and ("\\" in text or _DRIVE_AND_QUOTE.match(text)):  # no name holds '"'
        # cmd.exe (and Windows PowerShell) hand --out "D:\Web\" --force to the program as
        # one argument, D:\Web" --force: the backslash made the closing quotation mark part
        # of the name, one Windows refuses for its '"', and the --force after it was lost
        # unsaid (found by a tester). A drive's root, "E:\", loses its one backslash so:
        # E:" (found by review).
        raise argparse.ArgumentTypeError(
            f'„{text}“ enthält ein Anführungszeichen: Unter Windows gilt \\" (ein \\ vor '
            "dem schließenden Anführungszeichen) als Anführungszeichen im Namen, und was "
            "danach folgt, gehört mit dazu. Bitte ohne \\ am Ende angeben, etwa "
            '"D:\\Daten" statt "D:\\Daten\\", ein ganzes Laufwerk ohne Anführungszeichen, '
            "etwa E:\\"
        )
    try:
        path = Path(os.path.abspath(os.path.expanduser(text)))
    except FileNotFoundError:  # a relative name, and the current folder was deleted
        raise argparse.ArgumentTypeError(
            f"„{text}“: der aktuelle Ordner existiert nicht mehr; bitte wechseln Sie in einen "
            "vorhandenen Ordner oder geben Sie den vollständigen Pfad an"
        ) from None
    if not path.name:
        raise argparse.ArgumentTypeError(f"„{text}“ kann nicht das Ziel sein")
    return path


def target_file_path(text: str) -> Path:
    """``--out`` of a command that writes a file: as :func:`target_path`, but a path that
    ends in a separator, "." or ".." names a folder and is refused ("x.pdf/" would write
    "x.pdf", which the user did not name)."""
    _refuse_empty(text, "eine Zieldatei")
    path = _target(text)
    last = text
    for separator in filter(None, (os.sep, os.altsep)):
        last = last.rsplit(separator, 1)[-1]
    if last in ("", ".", ".."):
        hint = f" (ein Pfad, der auf „{text[-1]}“ endet, meint einen Ordner)" if not last else ""
        raise argparse.ArgumentTypeError(
            f"„{text}“ nennt einen Ordner, keine Datei{hint}; bitte geben Sie den Namen der "
            "Zieldatei an"
        )
    return path


def target_file(ending: str) -> Callable[[str], Path]:
    """``--out`` of a command that writes one kind of file: a name ending in ``ending``
    (".pdf"), so that the file opens with its program; any other name is refused."""

    def check(text: str) -> Path:
        path = target_file_path(text)
        if path.suffix.casefold() != ending and not path.is_dir():  # a folder: said on writing
            raise argparse.ArgumentTypeError(
                f"„{text}“: der Dateiname muss auf {ending} enden (etwa „Datei{ending}“)"
            )
        return path

    return check


def day_argument(text: str) -> date:
    """A day as the date fields take it typed or copied ("05.12.2026", "5.12.26",
    "2026-12-05"; :func:`~expertenrat.domain.german_dates.copied_date`); "3/1/2026", which
    reads as two days, or "Dienstag, 14.01.2027", a Thursday, is refused saying so
    (:func:`~expertenrat.domain.german_dates.date_doubt`)."""
    day = copied_date(text)
    if day is None and (doubt := date_doubt(text)) is not None:
        raise argparse.ArgumentTypeError(doubt)
    if day is None:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum (TT.MM.JJJJ)")
    return day


def year_argument(text: str) -> int:
    """A year of four digits between 1900 and 2100."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Jahreszahl") from None
    if not 1900 <= value <= 2100:
        raise argparse.ArgumentTypeError("das Jahr muss zwischen 1900 und 2100 liegen")
    return value


def status_names() -> str:
    """The statuses ``--status`` takes, for its help: "Entwurf (draft), beschlossen …"."""
    return ", ".join(f"{s.label} ({s.value})" for s in RecommendationStatus)


def status_argument(text: str) -> RecommendationStatus:
    """A status by its value ("sent") or German label ("übermittelt")."""
    found = RecommendationStatus.from_label(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"einen Status „{text}“ gibt es nicht; möglich: {status_names()}"
        )
    return RecommendationStatus(found)


def database_today(services: Services) -> date:
    """Today for a command about the whole database (not one council): as the first
    council counts it in its time zone, the way the window counts it for the council it
    shows; a new council's today where there is none yet. Never the PC's date, which is a
    day off on a PC set to another zone."""
    councils = services.settings.councils()
    if not councils:
        return new_council_today()
    return services.settings.clock(councils[0].id).today()


def write_pdf(path: Path, rendered: RenderedPdf, *, private: bool = False) -> None:
    write_document(path, rendered.pdf, rendered.warnings, private=private)


def write_document(
    path: Path, data: bytes, warnings: tuple[str, ...], *, private: bool = False
) -> None:
    """Write a document and print its ``warnings``; ``private``: personal data, for the
    owner's eyes alone (:func:`~expertenrat.services.files.writing_file`)."""
    write_file(path, data, private=private)
    print_warnings(warnings)


def print_warnings(warnings: Iterable[str]) -> None:
    """Warnings about files written completely, which the user should still know."""
    for warning in warnings:
        print(f"expertenrat: Warnung: {terminal_text(warning)}", file=sys.stderr)


def print_note(note: str) -> None:
    """A note beside the command's output ("expertenrat: Hinweis: …" on stderr): a script
    that reads the output, such as a list, does not take it for data."""
    print(terminal_text(f"expertenrat: Hinweis: {note}"), file=sys.stderr)


def ask(prompt: str, *, secret: bool = False) -> str:
    """The user's answer to ``prompt`` on the terminal; ``secret``: not shown as typed (a
    password). Every question of the command line goes through here: the prompt, which may
    quote a path or an address, is shown as :func:`terminal_text` on one line (a line feed
    or tab in it as its code too). Ctrl+D or Ctrl+C stops the command, nothing changed."""
    shown = _LINE_BREAKS.sub(_code, terminal_text(prompt))
    try:
        return getpass.getpass(shown) if secret else input(shown)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # the prompt leaves the cursor behind it
        raise UserError("Abgebrochen; es wurde nichts verändert.") from None


def someone_can_answer() -> bool:
    """Whether a question can be answered: standard input is a terminal. There is none at
    all (``None``) where it is closed or the program runs without a console (``pythonw``,
    as a scheduled task may start it): asking ended with an AttributeError's traceback
    (found by a tester)."""
    return sys.stdin is not None and sys.stdin.isatty()


def server_password(error: PasswordNeededError) -> str:
    """The password a server asks for (``error``), typed on the terminal. Where no one can
    type it, a ``UserError`` that names the ways libpq takes it without the address: a
    password in the address stands in the shell's history and, while the command runs, in
    the process list every user of the PC can read (``ps``)."""
    if not someone_can_answer():
        raise UserError(
            f"{error.message} Geben Sie es in der Umgebungsvariablen PGPASSWORD oder in der "
            "Passwortdatei von PostgreSQL an (.pgpass, unter Windows "
            "%APPDATA%\\postgresql\\pgpass.conf)."
        ) from None
    return ask(f"{error.message} Passwort: ", secret=True)


def confirm(yes: bool, without_asking: str, question: str) -> None:
    """Go on if ``yes`` (``--yes``) or the user answers "Ja" to ``question`` on a terminal;
    else stop with a ``UserError`` (``without_asking`` explains it where no one can answer).
    Either way nothing has been changed yet."""
    if yes:
        return
    if not someone_can_answer():
        raise UserError(
            f"{without_asking} Ohne Rückfrage geht das nur mit --yes; es wurde nichts verändert."
        )
    answer = ask(f"{question} (Ja/Nein) ")
    if answer.strip().casefold() not in ("ja", "j"):
        raise UserError("Abgebrochen; es wurde nichts verändert.")
