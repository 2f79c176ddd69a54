"""The command line: the same services as the window, German messages, clear exit codes.

Exit code 0 on success, 1 with a one-line message on stderr for anything the user can
fix (a bad argument, a file that cannot be read, a database that cannot be opened).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from expertenrat import __version__
from expertenrat.cli import (
    annual_report,
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
from expertenrat.cli.support import (
    UserError,
    database_argument,
    print_warnings,
    server_password,
    terminal_text,
)
from expertenrat.domain.errors import (
    DatabaseDamagedError,
    DatabaseMissingError,
    ExpertenratError,
    OthersConnectedError,
    PasswordNeededError,
    WriteRefusedError,
    os_error_detail,
    os_error_text,
)
from expertenrat.services.schema_revision import schema_revision

if TYPE_CHECKING:
    from expertenrat.services.context import Services

DATABASE_ENV = "EXPERTENRAT_DATABASE_URL"


class _VersionAction(argparse.Action):
    """``--version``: the version and the schema revision ("Expertenrat 0.1.0 (Schemastand
    0021)"), which tells two PCs' programs apart where the version number does not."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(self, parser, namespace, values, option_string=None) -> None:
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


def load_data_stack() -> None:
    """Import what :func:`open_services` needs (SQLAlchemy, the models, the store); the
    program's own run does it at start, while it loads its modules (``__main__``)."""
    import expertenrat.services.audit
    import expertenrat.services.context
    import expertenrat.services.database_choice  # noqa: F401


def open_services(args: argparse.Namespace) -> Services:
    """Open the database as the command needs it (``args.opening``): only ``demo``,
    ``import settings --new`` and ``restore`` may create one ("fill", not in a dry run),
    with their first change (nothing is created before restore's question), and a command
    that fails leaves no new file behind (:func:`_run`), nor a schema on a server (it is
    made in the transaction of that change); exports read. "note": to change, or to read
    where the database may only be read here (a read-only file or folder): the Auskunft,
    which notes itself in the audit trail, but must go out all the same.

    A command that finds no database (or an empty file) creates nothing, not even folders.
    """
    # The data stack (SQLAlchemy, ~0.25 s to import) is loaded only when a command runs,
    # so that starting the window, which parses these arguments too, stays quick.
    from expertenrat.services import database_choice
    from expertenrat.services.audit import default_actor
    from expertenrat.services.context import Services

    url = database_choice.address_of(args.database)
    advice = (
        "Wählen Sie die Datenbank im Programmfenster neu (Einstellungen → Datenbank) oder "
        "geben Sie sie mit --database an."
    )
    print_warnings(filter(None, [database_choice.unreadable_choice_note(args.database, advice)]))
    dry_run = getattr(args, "dry_run", False)
    # The schema of a new database: with the first change of a command that may create one.
    fills = args.opening == "fill" and not dry_run

    def opened(url):
        try:
            return database_choice.open_chosen(
                url,
                may_create=fills,
                read_only=args.opening == "read" or dry_run,
                upgrade_anyway=args.upgrade_anyway,
            )
        except OthersConnectedError as error:
            raise UserError(
                f"{error.message} Um trotzdem zu aktualisieren, geben Sie vor dem Befehl "
                "--upgrade-anyway an (expertenrat --upgrade-anyway BEFEHL …)."
            ) from None

    try:
        database = opened(url)
    except WriteRefusedError:
        if args.opening != "note":
            raise
        args.opening = "read"
        database = opened(url)
    except PasswordNeededError as error:
        database = opened(url.set(password=server_password(error)))
    # Not for the move to a server itself: it is what the note advises.
    shared = args.command != "move-to-server" and database_choice.network_note(
        database, "expertenrat move-to-server postgresql://benutzer@server/datenbank"
    )
    held = database_choice.held_elsewhere_note(database)
    print_warnings(filter(None, [database_choice.upgrade_note(database), shared, held]))
    return Services.create(database, default_actor())


def run_command(args: argparse.Namespace) -> int:
    try:
        code = _run(args)
        sys.stdout.flush()
    except KeyboardInterrupt:  # Ctrl+C: the work's transaction has been rolled back
        print("\nexpertenrat: Abgebrochen.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`… | head -1`): stop quietly. Python would complain once
        # more when it flushes stdout at exit, so stdout now points to nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


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
        print(
            f"expertenrat: Fehler: {terminal_text(str(error.filename))}: {os_error_text(error)}",
            file=sys.stderr,
        )
        if detail := os_error_detail(error):
            print(f"expertenrat: Einzelheiten: {terminal_text(detail)}", file=sys.stderr)
        return 1
    if message:
        print(terminal_text(message))
    return 0


def _close_after_the_work(services: Services) -> None:
    """Close the database of ``services`` once the command's work is done and committed.
    Ctrl+C now changes nothing of it, so it is not "Abgebrochen." (which says the work was
    rolled back): the closing of a large SQLite file writes its journal back into it,
    seconds in which a Ctrl+C said so of a restore that had gone through (found by a
    tester). SQLite finishes that at the next opening."""
    with contextlib.suppress(KeyboardInterrupt):
        services.database.close()


def _one_line(text: str) -> str:
    return terminal_text(" ".join(text.split()))
