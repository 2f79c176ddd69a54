"""The database a command works on, opened as the command needs it: to read, to change, to
note (the Auskunft), or to fill (a new one created with the first change); the notes of
an upgrade, a file on a network drive or another PC that has it open on stderr."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from expertenrat.cli.support import UserError, print_warnings, server_password
from expertenrat.domain.errors import (
    DatabaseMissingError,
    OthersConnectedError,
    PasswordNeededError,
    WriteRefusedError,
)

if TYPE_CHECKING:
    from expertenrat.services.context import Services

DATABASE_ENV = "EXPERTENRAT_DATABASE_URL"

# A database that is not there where the command named none: it opened the one of the
# window of the user it runs as, which a scheduled task run as another user (SYSTEM, root,
# a service account) does not have; "laden Sie die Demodaten" alone misled (found by a
# tester).
_NAMED_NONE = (
    f"Angegeben war keine Datenbank (weder --database noch ${DATABASE_ENV}), daher wurde "
    "die geöffnet, die das Programmfenster dieses Benutzers auf diesem PC verwendet. Läuft "
    "der Befehl unter einem anderen Benutzer (etwa als geplante Aufgabe), geben Sie die "
    "Datenbank mit --database an."
)


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
    that fails leaves no new file behind (:func:`expertenrat.cli.run_command`), nor a
    schema on a server (it is made in the transaction of that change); exports read.
    "note": to change, or to read where the database may only be read here (a read-only
    file or folder): the Auskunft, which notes itself in the audit trail, but must go out
    all the same.

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
    notes = [
        database_choice.unreadable_choice_note(args.database, advice),
        database_choice.earlier_choice_note(args.database),
    ]
    print_warnings(filter(None, notes))
    database_choice.refuse_missing_stored_file(
        args.database,
        "Geben Sie die Datenbank mit --database an oder wählen Sie sie im Programmfenster.",
    )
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
        except DatabaseMissingError as error:
            if args.database is not None:
                raise
            raise DatabaseMissingError(f"{error.message} {_NAMED_NONE}", error.location) from None
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
