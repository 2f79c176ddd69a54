"""The data-safety commands: backup, restore, move-to-server and check (``retention`` is
:mod:`expertenrat.cli.retention`)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from expertenrat.cli.opening import DATABASE_ENV
from expertenrat.cli.support import (
    UserError,
    confirm,
    given,
    print_note,
    print_warnings,
    server_password,
    target_file,
    terminal_text,
)
from expertenrat.domain.errors import (
    DatabaseMissingError,
    ExpertenratError,
    PasswordNeededError,
)
from expertenrat.domain.wording import (
    backup_made,
    file_size,
    restore_scope,
    whole_number,
)

if TYPE_CHECKING:
    from expertenrat.domain.errors import DatabaseDamagedError
    from expertenrat.services.context import Services


def add_commands(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="alle Daten in eine Sicherungsdatei (.zip)")
    backup.add_argument(
        "--out", required=True, type=target_file(".zip"), metavar="DATEI.zip", help="Zieldatei"
    )
    backup.set_defaults(handler=_backup, opening="read")
    restore = commands.add_parser(
        "restore",
        help="alle Daten durch die einer Sicherungsdatei (.zip) oder einer täglichen "
        "Sicherung (.db) ersetzen",
    )
    restore.add_argument(
        "file",
        type=given("die Sicherung"),
        metavar="DATEI.zip|.db",
        help="die Sicherung oder eine Kopie der Datenbankdatei (z. B. die tägliche Sicherung)",
    )
    restore.add_argument("--yes", action="store_true", help="ohne Rückfrage ersetzen")
    restore.set_defaults(handler=_restore, opening="fill", over_damaged=_restore_over_damaged)
    move = commands.add_parser(
        "move-to-server",
        help="alle Daten in eine leere PostgreSQL-Datenbank kopieren und künftig diese verwenden",
    )
    move.add_argument(
        "url",
        type=given("die Adresse der leeren Datenbank (postgresql://…)"),
        metavar="URL",
        help="die leere Datenbank, postgresql://benutzer@server/datenbank",
    )
    move.add_argument("--yes", action="store_true", help="ohne Rückfrage umziehen")
    move.set_defaults(handler=_move_to_server, opening="read")
    check = commands.add_parser("check", help="die Datenbank auf Fehler prüfen")
    check.set_defaults(handler=_check, opening="read")


def _backup(services: Services, args: argparse.Namespace) -> str:
    path = args.out
    summary = services.backup.backup(path)
    return (
        f"Sicherung mit {whole_number(summary.rows)} Datensätzen in {summary.tables} Tabellen "
        f"({file_size(summary.size)}): {path}"
    )


def _restore(services: Services, args: argparse.Namespace) -> str:
    from expertenrat.paths import user_data_dir
    from expertenrat.services.backup_file import backup_made_utc, refuse_no_file

    path = Path(args.file)
    refuse_no_file(path)  # before the question
    # When the backup was made, and that what was changed since goes too: a clerk who
    # picked last month's daily copy by mistake was not warned (found by a tester).
    made = backup_made(backup_made_utc(path))
    where = services.database.location
    try:  # every council of the database goes, not only one
        scope = restore_scope(len(services.settings.councils()), shown=False)
    except DatabaseMissingError:
        scope = ""  # nothing there yet
    except ExpertenratError:
        scope = restore_scope(None, shown=False)
    within = f"„{where}“ {scope}".rstrip()
    confirm(
        args.yes,
        f"Die Wiederherstellung ersetzt alle Daten in {within} durch die Sicherung{made}, "
        "auch alles, was seitdem geändert oder neu erfasst wurde.",
        f"Alle Daten in {within} durch „{path}“{made} ersetzen, auch alles, was seitdem "
        "geändert oder neu erfasst wurde (eine Kopie der bisherigen Daten wird vorher "
        "angelegt)?",
    )
    summary = services.backup.restore(path, user_data_dir() / "Sicherungen")
    kept = f" Die bisherigen Daten liegen in „{summary.kept_copy}“." if summary.kept_copy else ""
    rows = whole_number(summary.rows)
    return f"Wiederhergestellt: {rows} Datensätze aus „{path}“.{kept}"


def _restore_over_damaged(error: DatabaseDamagedError, args: argparse.Namespace) -> str:
    """A damaged SQLite file cannot be opened: it is set aside, the backup goes into a new one."""
    from expertenrat.services.backup_file import backup_made_utc, refuse_no_file
    from expertenrat.services.damaged_restore import restore_over_damaged

    path, source = Path(error.path), Path(args.file)
    refuse_no_file(source)  # before the question
    made = backup_made(backup_made_utc(source))  # as the restore asks (found by a tester)
    confirm(
        args.yes,
        f"Die Datenbank „{path}“ ist beschädigt; die Wiederherstellung legt sie beiseite und "
        f"spielt die Sicherung{made} in eine neue Datei ein.",
        f"Die Datenbank „{path}“ ist beschädigt. Beiseitelegen und durch „{source}“{made} "
        "ersetzen?",
    )
    summary = restore_over_damaged(path, source)
    return (
        f"Wiederhergestellt: {whole_number(summary.rows)} Datensätze aus „{source}“. Die "
        f"beschädigte Datei liegt in „{summary.kept_copy}“."
    )


def _move_to_server(services: Services, args: argparse.Namespace) -> str:
    from expertenrat.paths import user_data_dir
    from expertenrat.services import database_choice
    from expertenrat.services.server_move import move_to_server, target_address

    target = target_address(args.url)
    where = services.database.location
    confirm(
        args.yes,
        f"Der Umzug kopiert alle Daten aus „{where}“ auf den Server.",
        f"Alle Daten aus „{where}“ auf den Server kopieren?",
    )
    keep = user_data_dir() / "Sicherungen"
    try:
        summary = move_to_server(services.database, target, keep)
    except PasswordNeededError as error:  # asked, as every command asks for its own server
        target = target.set(password=server_password(error))
        summary = move_to_server(services.database, target, keep)
    asks_password = database_choice.remember(target, keep_password=True)
    if asks_password:
        print_note(
            "Das Passwort wurde nicht gespeichert (kein Schlüsselbund des Systems verfügbar); "
            "das Programm fragt beim Start danach."
        )
    moved = (
        f"Umgezogen: {whole_number(summary.rows)} Datensätze in {summary.tables} Tabellen nach "
        f"„{summary.target}“; alle Tabellen vollständig."
    )
    if not os.environ.get(DATABASE_ENV):
        return f"{moved} Expertenrat verwendet auf diesem PC ab jetzt den Server."
    # Set by the IT for every user: it wins over the address just stored, at every start of
    # the window and every command, which would work on in the old file (found by a tester).
    print_warnings(
        [
            f"Die Umgebungsvariable {DATABASE_ENV} gibt aber eine Datenbank vor; sie gilt "
            "vor der Einstellung dieses PCs, im Programmfenster wie bei jedem Befehl, die "
            "also weiter mit der alten Datenbank arbeiten. Setzen Sie sie auf die Adresse "
            "des Servers (ohne Passwort) oder entfernen Sie sie."
        ]
    )
    return moved


def _upgrade_note(services: Services) -> str:
    """What ``check`` says of an older file: it was checked in an upgraded copy and is
    still at its revision (a database upgraded in place as it was opened, as a server's
    is, is told of by every command: ``open_services``)."""
    database = services.database
    if not database.older_revision:
        return ""
    return (
        f"Die Datenbank hat noch den Schemastand {database.older_revision} einer älteren "
        "Programmversion; geprüft wurde eine auf den aktuellen Stand gebrachte Kopie. Sie "
        "selbst wird aktualisiert, sobald das Programm sie zum Ändern öffnet (zuvor wird "
        "daneben eine Kopie des alten Stands angelegt)."
    )


def _check(services: Services, args: argparse.Namespace) -> str:
    findings = services.integrity.check()
    upgrade = _upgrade_note(services)
    if findings:
        print(terminal_text("\n".join(f"- {finding.text}" for finding in findings)))
        if upgrade:
            print(upgrade)
        count = "1 Problem" if len(findings) == 1 else f"{len(findings)} Probleme"
        raise UserError(f"Die Prüfung hat {count} gefunden.")
    return "\n".join(filter(None, ["Die Datenbank ist in Ordnung.", upgrade]))
