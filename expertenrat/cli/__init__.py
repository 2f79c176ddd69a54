"""The command line: the same services as the window, German messages, clear exit codes.

Exit code 0 on success, 1 with a one-line message on stderr for anything the user can
fix (a bad argument, a file that cannot be read, a database that cannot be opened).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from expertenrat import __version__
from expertenrat.cli import (
    annual_report,
    audit,
    councils,
    data_safety,
    demo,
    meetings,
    members,
    open_data,
    person_disclosure,
    recommendations,
    retention,
    search,
    settings,
)
from expertenrat.cli.german_parser import GermanParser
from expertenrat.cli.opening import DATABASE_ENV, open_services
from expertenrat.cli.support import database_argument, terminal_text
from expertenrat.domain.errors import (
    DatabaseDamagedError,
    DatabaseMissingError,
    ExpertenratError,
    os_error_detail,
    os_error_text,
)

if TYPE_CHECKING:
    from expertenrat.services.context import Services


class _VersionAction(argparse.Action):
    """``--version``: the version and the schema revision ("Expertenrat 0.1.0 (Schemastand
    0021)"), which tells two PCs' programs apart where the version number does not."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from expertenrat.services.schema_revision import schema_revision

        print(f"Expertenrat {__version__} (Schemastand {schema_revision()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = GermanParser(
        prog="expertenrat",
        description="Expertenrat – die Anwendung der Geschäftsstelle eines Gremiums, etwa "
        "des Expert*innenrats oder Beirats einer Stadt. Ohne Befehl startet das "
        "Programmfenster.",
        epilog="Rückgabewert (für Skripte und geplante Aufgaben): 0, wenn der Befehl gelungen "
        "ist; 1 bei einem Fehler, mit einer Zeile „expertenrat: Fehler: …“ (bei „check“: "
        "wenn die Prüfung Probleme findet); 130 nach Strg+C. Ergebnisse und Listen stehen "
        "in der Standardausgabe, Hinweise, Warnungen und Fehler in der Standardfehlerausgabe. "
        "Ohne Terminal fragt kein Befehl nach: „restore“ und „move-to-server“ brauchen dann "
        "--yes.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="Programmversion zeigen und beenden"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        type=database_argument,
        default=os.environ.get(DATABASE_ENV) or None,  # set but empty: as if not set
        help="Datenbankdatei oder URL (postgresql://…); Vorgabe: "
        f"${DATABASE_ENV}, sonst die auf diesem PC gewählte Datenbank (der Server nach "
        "„move-to-server“ oder eine im Programmfenster gewählte Datei oder Server), sonst "
        "die Datei im Benutzerordner",
    )
    parser.add_argument(
        "--upgrade-anyway",
        action="store_true",
        help="eine ältere Serverdatenbank auch dann aktualisieren, wenn andere PCs mit ihr "
        "verbunden sind (ältere Programmversionen dort arbeiten sonst unbemerkt weiter)",
    )
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=GermanParser)
    demo.add_command(commands)

    export = commands.add_parser("export", help="Dokumente und Daten ausgeben")
    exports = export.add_subparsers(
        dest="what", metavar="WAS", required=True, parser_class=GermanParser
    )
    # By use, in the README's order (members and persons first, the settings last).
    members.add_exports(exports)
    person_disclosure.add_export(exports)
    meetings.add_exports(exports)
    recommendations.add_exports(exports)
    annual_report.add_export(exports)
    open_data.add_exports(exports)
    audit.add_export(exports)
    settings.add_export(exports)

    councils.add_listing(commands)
    meetings.add_listing(commands)
    person_disclosure.add_listing(commands)
    recommendations.add_listing(commands)
    search.add_listing(commands)

    import_ = commands.add_parser("import", help="Daten aus Dateien übernehmen")
    imports = import_.add_subparsers(
        dest="what", metavar="WAS", required=True, parser_class=GermanParser
    )
    members.add_import(imports)
    settings.add_import(imports)

    data_safety.add_commands(commands)
    retention.add_commands(commands)
    return parser


def run_command(args: argparse.Namespace) -> int:
    try:
        code = _run(args)
        if sys.stdout is not None:  # None: closed, or no console (pythonw); found by a tester
            sys.stdout.flush()
    except KeyboardInterrupt:  # Ctrl+C: the work's transaction has been rolled back
        return interrupted()
    except BrokenPipeError:
        return reader_gone()
    except OSError as error:  # the output, on a full disk (a scheduled task's log file)
        return _output_failed(error, "")
    return code


def interrupted() -> int:
    """The exit code after Ctrl+C, said on stderr: nothing was done, or the work's
    transaction has been rolled back."""
    print("\nexpertenrat: Abgebrochen.", file=sys.stderr)
    return 130


def _output_failed(error: OSError, done: str) -> int:
    """The exit code where the output cannot be written (its disk is full), said on stderr
    with what was ``done``: a traceback before (found by a tester)."""
    with contextlib.suppress(OSError):  # stderr may be on the same disk
        print(
            f"expertenrat: Fehler: Die Ausgabe kann nicht geschrieben werden: "
            f"{os_error_text(error)}{done}",
            file=sys.stderr,
        )
    return reader_gone()


def reader_gone() -> int:
    """The exit code where the reader of the output went away (`… | head -1`): stop
    quietly. Python would complain once more when it flushes stdout at exit, so stdout
    now points to nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def _run(args: argparse.Namespace) -> int:
    handler: Callable[[Services, argparse.Namespace], str] = args.handler
    try:
        try:
            services = open_services(args)
        except DatabaseDamagedError as error:
            over_damaged = getattr(args, "over_damaged", None)  # restore: the one way out
            if over_damaged is None:
                raise
            message = over_damaged(error, args)
        except DatabaseMissingError as error:
            # import settings --new --dry-run: checks the file, tells what it would create
            without_database = getattr(args, "without_database", None)
            if without_database is None or not getattr(args, "dry_run", False):
                raise
            message = without_database(error.location, args)
        else:
            try:
                with services.database.created_or_nothing():  # a new file: only if it works
                    message = handler(services, args)
            except BaseException:
                services.database.close()
                raise
            _close_after_the_work(services)
    except ExpertenratError as error:
        print(f"expertenrat: Fehler: {_one_line(error.message)}", file=sys.stderr)
        if error.detail:
            print(f"expertenrat: Einzelheiten: {_one_line(error.detail)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except OSError as error:
        # No file named: the output itself, where the work printed on the way ("None: …")
        named = "" if error.filename is None else f"{terminal_text(str(error.filename))}: "
        print(f"expertenrat: Fehler: {named}{os_error_text(error)}", file=sys.stderr)
        if detail := os_error_detail(error):
            print(f"expertenrat: Einzelheiten: {terminal_text(detail)}", file=sys.stderr)
        return 1
    if message:
        try:
            print(terminal_text(message), flush=True)
        except BrokenPipeError:
            raise
        except OSError as error:
            return _output_failed(error, " Der Befehl selbst wurde ausgeführt.")
    return 0


def _close_after_the_work(services: Services) -> None:
    """Close the database of ``services`` once the command's work is done and committed.
    Ctrl+C now changes nothing of it, so it is not "Abgebrochen." (which says the work was
    rolled back): the closing of a large SQLite file writes its journal back into it,
    seconds in which a Ctrl+C said so of a restore that had gone through (found by a
    tester). SQLite finishes that at the next opening."""
    with contextlib.suppress(KeyboardInterrupt):
        services.database.close()


# A line break and the spaces around it, in a message written for the window's paragraphs.
_LINE_BREAK = re.compile(r"\s*[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]\s*")


def _one_line(text: str) -> str:
    """``text`` on one line: each line break with the spaces around it as one space, a tab
    as its code ("<U+0009>", as :func:`~expertenrat.cli.support.ask` shows one). Other
    spaces stay as they are: a file name the message quotes ("Sicherung  alt.zip", two
    spaces) was named with one, a file that is not there either (found by review)."""
    return terminal_text(_LINE_BREAK.sub(" ", text.strip())).replace("\t", "<U+0009>")
