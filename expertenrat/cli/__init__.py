"""The command line: the same services as the window, German messages, clear exit codes.

Exit code 0 on success, 1 with a one-line message on stderr for anything the user can
fix (a bad argument, a file that cannot be read, a database that cannot be opened).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from expertenrat import __version__
from expertenrat.cli import data_safety, open_data, recommendations, settings
from expertenrat.cli.support import (
    UserError,
    cancelled_at_prompt,
    chosen_council,
    council_option,
    positive,
    write_pdf,
)
from expertenrat.domain.errors import ExpertenratError, PasswordNeededError, os_error_text
from expertenrat.domain.wording import counted
from expertenrat.services.files import write_file

if TYPE_CHECKING:
    from expertenrat.domain.member_import import ImportRow
    from expertenrat.services.context import Services

DATABASE_ENV = "EXPERTENRAT_DATABASE_URL"

_ARGPARSE_GERMAN = {
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Wahl: %(value)r "
    "(möglich: %(choices)s)",
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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, f"{self.prog}: Fehler: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="expertenrat",
        description="Expertenrat – Geschäftsstelle eines Smart-City-Expert*innenrats. "
        "Ohne Befehl startet das Programmfenster.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Expertenrat {__version__}",
        help="Programmversion zeigen und beenden",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        default=os.environ.get(DATABASE_ENV),
        help="Datenbankdatei oder URL (postgresql://…); Vorgabe: "
        f"${DATABASE_ENV}, der mit „move-to-server“ gespeicherte Server oder die Datei im "
        "Benutzerordner",
    )
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_Parser)
    demo = commands.add_parser("demo", help="eine leere Datenbank mit Demodaten füllen")
    demo.add_argument(
        "--councils",
        type=positive,
        default=1,
        help="Anzahl der Gremien mit Sitzungen (dazu kommt der Lübecker Beirat, "
        "angelegt aus einer Einstellungsdatei)",
    )
    demo.add_argument("--years", type=positive, default=2, help="Jahre an Sitzungen")
    demo.set_defaults(handler=_demo, opening="create")

    export = commands.add_parser("export", help="Dokumente und Daten ausgeben")
    exports = export.add_subparsers(dest="what", metavar="WAS", required=True, parser_class=_Parser)
    roster = exports.add_parser("roster", help="Mitgliederliste als PDF")
    roster.add_argument("--out", required=True, metavar="DATEI.pdf", help="Zieldatei")
    roster.add_argument(
        "--public", action="store_true", help="öffentliche Fassung (nur mit Einwilligung)"
    )
    roster.add_argument(
        "--alphabetical", action="store_true", help="alphabetisch statt nach Handlungsfeld"
    )
    council_option(roster)
    roster.set_defaults(handler=_export_roster, opening="read")
    members = exports.add_parser(
        "members", help="Mitglieder als Excel-Arbeitsmappe (.xlsx) oder CSV-Datei (.csv)"
    )
    members.add_argument(
        "--out",
        required=True,
        metavar="DATEI.xlsx|.csv",
        help="Zieldatei; die Endung wählt das Format",
    )
    council_option(members)
    members.set_defaults(handler=_export_members, opening="read")
    invitation = _meeting_pdf_command(
        exports,
        "invitation",
        "Einladung zu einer Sitzung (oder den Ablaufplan) als PDF",
        _export_invitation,
    )
    which_letter = invitation.add_mutually_exclusive_group()
    which_letter.add_argument(
        "--run-sheet",
        action="store_true",
        help="den internen Ablaufplan für die Sitzungsleitung statt der Einladung",
    )
    which_letter.add_argument(
        "--per-member",
        action="store_true",
        help="je Mitglied ein an sie oder ihn adressierter Brief (Serienbrief, eine Datei)",
    )
    minutes = _meeting_pdf_command(
        exports,
        "minutes",
        "Protokoll einer durchgeführten Sitzung als PDF (genehmigt: die gespeicherte Datei)",
        _export_minutes,
    )
    minutes.add_argument(
        "--public",
        action="store_true",
        help="öffentliche Fassung (ohne nichtöffentliche Tagesordnungspunkte)",
    )
    _meeting_pdf_command(
        exports,
        "dossier",
        "Sitzungsmappe: Einladung, Protokoll und Anlagen in einer PDF-Datei",
        _export_dossier,
    )
    recommendations.add_exports(exports)
    open_data.add_exports(exports)
    settings.add_export(exports)
    ics = exports.add_parser("ics", help="Sitzungen als Kalenderdatei (.ics)")
    which = ics.add_mutually_exclusive_group(required=True)
    _meeting_option(which, required=False)
    which.add_argument("--all", action="store_true", help="alle Sitzungen des Gremiums")
    ics.add_argument("--out", required=True, metavar="DATEI.ics", help="Zieldatei")
    council_option(ics)
    ics.set_defaults(handler=_export_ics, opening="read")

    meetings = commands.add_parser(
        "meetings", help="Sitzungen auflisten: Nummer, Datum, Status, Protokoll"
    )
    council_option(meetings)
    meetings.set_defaults(handler=_meetings, opening="read")

    recommendations.add_listing(commands)

    import_ = commands.add_parser("import", help="Daten aus Dateien übernehmen")
    imports = import_.add_subparsers(
        dest="what", metavar="WAS", required=True, parser_class=_Parser
    )
    members = imports.add_parser(
        "members", help="Mitglieder aus einer Excel-Arbeitsmappe (.xlsx) oder CSV-Datei (.csv)"
    )
    members.add_argument("file", metavar="DATEI.xlsx|.csv", help="die Datei")
    members.add_argument(
        "--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern"
    )
    members.add_argument(
        "--accept-consent-changes",
        action="store_true",
        help="Einwilligungen zur Veröffentlichung, die die Datei erteilt oder widerruft, "
        "übernehmen (ohne diese Angabe wird eine solche Datei nicht importiert)",
    )
    council_option(members)
    members.set_defaults(handler=_import_members, opening="change")
    settings.add_import(imports)

    data_safety.add_commands(commands)
    return parser


def _meeting_pdf_command(
    exports: argparse._SubParsersAction,
    name: str,
    help_text: str,
    handler: Callable[[Services, argparse.Namespace], str],
) -> argparse.ArgumentParser:
    """An ``export`` command that writes a PDF of one meeting: --meeting, --out, --council."""
    parser = exports.add_parser(name, help=help_text)
    _meeting_option(parser, required=True)
    parser.add_argument("--out", required=True, metavar="DATEI.pdf", help="Zieldatei")
    council_option(parser)
    parser.set_defaults(handler=handler, opening="read")
    return parser


def _meeting_option(parser: argparse._ActionsContainer, *, required: bool) -> None:
    parser.add_argument(
        "--meeting",
        type=positive,
        required=required,
        metavar="N",
        help="laufende Nummer der Sitzung im Gremium („5“ für die 5. Sitzung)",
    )


def open_services(args: argparse.Namespace) -> Services:
    """Open the database as the command needs it: only ``demo``, ``restore`` and ``import
    settings --new`` create one (not in a dry run); exports read.

    A command that finds no database (or an empty file) creates nothing, not even folders.
    """
    # The data stack (SQLAlchemy, ~0.25 s to import) is loaded only when a command runs,
    # so that starting the window, which parses these arguments too, stays quick.
    from expertenrat.services.audit import default_actor
    from expertenrat.services.context import Services
    from expertenrat.store.database import Create, open_database
    from expertenrat.store.database_location import chosen_url

    url = chosen_url(args.database)

    dry_run = getattr(args, "dry_run", False)

    def opened(url):
        return open_database(
            url,
            create=Create.NOW if args.opening == "create" and not dry_run else Create.NEVER,
            read_only=args.opening == "read" or dry_run,
        )

    try:
        database = opened(url)
    except PasswordNeededError as error:
        if not sys.stdin.isatty():
            raise UserError(
                f"{error.message} Geben Sie es in der Umgebungsvariablen PGPASSWORD oder in "
                "der Adresse an."
            ) from None
        with cancelled_at_prompt():
            password = getpass.getpass(f"{error.message} Passwort: ")
        database = opened(url.set(password=password))
    return Services.create(database, default_actor())


def _demo(services: Services, args: argparse.Namespace) -> str:
    summary = services.demo.load(date.today(), councils=args.councils, years=args.years)
    return (
        f"Demodaten geladen: {counted(summary.councils, 'Gremium', 'Gremien')}, "
        f"{summary.members} Mitglieder, "
        f"{summary.meetings} Sitzungen, {summary.recommendations} Empfehlungen."
    )


def _export_roster(services: Services, args: argparse.Namespace) -> str:
    from expertenrat.domain.roster import RosterGrouping

    rendered = services.members.roster_pdf(
        chosen_council(services, args),
        public=args.public,
        grouping=RosterGrouping.ALPHABETICAL if args.alphabetical else RosterGrouping.BY_FIELD,
        today=date.today(),
    )
    path = Path(args.out)
    write_pdf(path, rendered)
    kind = "öffentliche" if args.public else "interne"
    return f"{kind.capitalize()} Mitgliederliste mit {rendered.records} Mitgliedern: {path}"


def _meetings(services: Services, args: argparse.Namespace) -> str:
    lines = services.meetings.list(chosen_council(services, args))
    if not lines:
        return "Das Gremium hat noch keine Sitzungen."
    return "\n".join(
        f"{f'{m.number}.' if m.number else '–':>4} Sitzung  {m.starts_at:%d.%m.%Y %H:%M}  "
        f"{m.state.label:<12}  Protokoll: {m.minutes_state.label if m.minutes_state else '–'}"
        for m in lines
    )


def _export_invitation(services: Services, args: argparse.Namespace) -> str:
    documents = services.meeting_documents
    meeting_id = documents.meeting_id(chosen_council(services, args), args.meeting)
    if args.run_sheet:
        rendered, what = documents.run_sheet_pdf(meeting_id), "Ablaufplan der"
    elif args.per_member:
        rendered = documents.invitation_letters_pdf(meeting_id)
        path = Path(args.out)
        write_pdf(path, rendered)
        letters = "1 Brief" if rendered.records == 1 else f"{rendered.records} Briefe"
        return f"Einladungen zur {args.meeting}. Sitzung je Mitglied ({letters}): {path}"
    else:
        rendered, what = documents.invitation_pdf(meeting_id), "Einladung zur"
    path = Path(args.out)
    write_pdf(path, rendered)
    items = (
        "1 Tagesordnungspunkt"
        if rendered.records == 1
        else f"{rendered.records} Tagesordnungspunkten"
    )
    return f"{what} {args.meeting}. Sitzung mit {items}: {path}"


def _export_minutes(services: Services, args: argparse.Namespace) -> str:
    """Approved minutes: the stored PDF byte for byte; otherwise a fresh draft. The line
    names the minutes' state as the "Genehmigung" tab does (draft, circulated, approved)."""
    meeting_id = services.meeting_documents.meeting_id(chosen_council(services, args), args.meeting)
    result = services.minutes_documents.minutes(meeting_id, public=args.public)
    path = Path(args.out)
    write_pdf(path, result.rendered)
    kind = "Öffentliches Protokoll" if args.public else "Protokoll"
    state = services.minutes_approval.status(meeting_id).summary()
    if result.approved:
        state += f", SHA-256 {result.sha256}"
    return f"{kind} der {args.meeting}. Sitzung ({state}): {path}"


def _export_dossier(services: Services, args: argparse.Namespace) -> str:
    meeting_id = services.meeting_documents.meeting_id(chosen_council(services, args), args.meeting)
    rendered = services.minutes_documents.dossier_pdf(meeting_id)
    path = Path(args.out)
    write_pdf(path, rendered)
    annexes = rendered.records - 2
    count = "1 Anlage" if annexes == 1 else f"{annexes} Anlagen"
    return f"Sitzungsmappe der {args.meeting}. Sitzung (Einladung, Protokoll, {count}): {path}"


def _export_ics(services: Services, args: argparse.Namespace) -> str:
    documents = services.meeting_documents
    council_id = chosen_council(services, args)
    if args.all:
        count = len(services.meetings.list(council_id))
        if not count:
            raise UserError("Das Gremium hat noch keine Sitzungen; es wurde nichts geschrieben.")
        data = documents.ics_for_council(council_id)
    else:
        count = 1
        data = documents.ics_for_meetings([documents.meeting_id(council_id, args.meeting)])
    path = Path(args.out)
    write_file(path, data)
    return f"Kalenderdatei mit {count} Sitzung{'en' if count != 1 else ''}: {path}"


def _export_members(services: Services, args: argparse.Namespace) -> str:
    from expertenrat.services.member_exchange import MemberFileFormat

    path = Path(args.out)
    file_format = MemberFileFormat.of(path)
    council_id = chosen_council(services, args)
    write_file(path, services.member_exchange.export(council_id, file_format))
    kind = "Excel-Arbeitsmappe" if file_format is MemberFileFormat.XLSX else "CSV-Datei"
    return f"{len(services.members.members(council_id))} Mitglieder als {kind}: {path}"


def _import_members(services: Services, args: argparse.Namespace) -> str:
    """Report every row; save only if no row has an error (and not with --dry-run)."""
    from expertenrat.services.member_exchange import MemberFileFormat

    council_id = chosen_council(services, args)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"„{path}“ kann nicht gelesen werden: {os_error_text(error)}") from None
    file_format = MemberFileFormat.of(path)
    today = date.today()
    preview = services.member_exchange.preview_import(council_id, data, today, file_format)
    report = [line for row in preview.rows for line in _import_lines(row)]
    if preview.ignored_columns:
        report.append(f"Nicht verwendete Spalten: {', '.join(preview.ignored_columns)}")
    counts = preview.counts
    if counts.error:
        print("\n".join(report))
        raise UserError(f"{preview.errors_text}; es wurde nichts importiert.")
    if not preview.rows:
        raise UserError(f"„{path}“ enthält keine Mitglieder.")
    consent_lines = ", ".join(str(row.line) for row in preview.consent_rows)
    if args.dry_run:
        report.append(
            f"Probelauf: {counts.new} neu, {counts.update} zu ändern, "
            f"{counts.unchanged} unverändert. Es wurde nichts gespeichert."
        )
        if consent_lines:
            report.append(
                f"Einwilligungsänderungen in Zeile {consent_lines}: der Import braucht "
                "--accept-consent-changes."
            )
        return "\n".join(report)
    if consent_lines and not args.accept_consent_changes:
        print("\n".join(report))
        raise UserError(
            f"Die Datei ändert Einwilligungen zur Veröffentlichung (Zeile {consent_lines}); "
            "es wurde nichts importiert. Prüfen Sie die Änderungen und bestätigen Sie sie "
            "mit --accept-consent-changes."
        )
    result = services.member_exchange.apply_import(
        council_id, preview, today, accept_consent_changes=args.accept_consent_changes
    )
    report.append(
        f"Importiert: {len(result.created)} neu angelegt, {len(result.updated)} geändert, "
        f"{result.unchanged} unverändert."
    )
    return "\n".join(report)


def _import_lines(row: ImportRow) -> list[str]:
    """The row's result in one line, then each consent change in a line of its own."""
    from expertenrat.domain.member_import import ImportStatus

    reasons = " ".join(row.reasons)
    if row.status is ImportStatus.ERROR:
        who = f"{row.label}: " if row.label else ""
        return [f"Zeile {row.line}: {row.status.label} – {who}{reasons}"]
    line = f"Zeile {row.line}: {row.status.label} – {row.label}" + (
        f" ({reasons})" if reasons else ""
    )
    return [line] + [
        f"Zeile {row.line}: Einwilligung – {change.text}" for change in row.consent_changes
    ]


def run_command(args: argparse.Namespace) -> int:
    try:
        code = _run(args)
        sys.stdout.flush()
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
        services = open_services(args)
        try:
            message = handler(services, args)
        finally:
            services.database.close()
    except ExpertenratError as error:
        print(f"expertenrat: Fehler: {' '.join(error.message.split())}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except OSError as error:
        print(f"expertenrat: Fehler: {error.filename}: {os_error_text(error)}", file=sys.stderr)
        return 1
    if message:
        print(message)
    return 0
