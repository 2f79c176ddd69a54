"""The transfer kit on the command line: a council's settings to a file, and a file's
settings into a council (or a new one), with what would change shown first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.support import (
    UserError,
    given,
    print_warnings,
    target_file,
)
from expertenrat.domain.council_transfer_format import WHAT_IT_CARRIES
from expertenrat.domain.errors import os_error_detail, os_error_text
from expertenrat.domain.wording import listed
from expertenrat.services.files import write_file

if TYPE_CHECKING:
    from expertenrat.domain.council_transfer_format import CouncilTemplate
    from expertenrat.domain.council_transfer_preview import TransferPreview
    from expertenrat.domain.councils import CouncilChoice
    from expertenrat.services.context import Services


def add_export(exports: argparse._SubParsersAction) -> None:
    export = exports.add_parser(
        "settings",
        help="Einstellungen des Gremiums als Vorlage für eine andere Stadt (.json, "
        f"{WHAT_IT_CARRIES})",
    )
    export.add_argument(
        "--out", required=True, type=target_file(".json"), metavar="DATEI.json", help="Zieldatei"
    )
    council_option(export)
    export.set_defaults(handler=_export_settings, opening="read")


def add_import(imports: argparse._SubParsersAction) -> None:
    settings = imports.add_parser(
        "settings", help="Einstellungen aus einer Einstellungsdatei (.json) übernehmen"
    )
    settings.add_argument(
        "file",
        type=given("die Einstellungsdatei"),
        metavar="DATEI.json",
        help="die Einstellungsdatei",
    )
    target = settings.add_mutually_exclusive_group()
    council_option(target, changes=True)
    target.add_argument(
        "--new",
        action=_NewCouncil,
        help="ein neues Gremium aus der Datei anlegen (auch in einer neuen Datenbank)",
    )
    settings.add_argument(
        "--all",
        action=_TakeAll,
        help="auch Name, Kurzname, Art, Stadt, Bundesland, Logo, Website, Geschäftsstelle, "
        "E-Mail-Adresse und Handlungsfelder aus einer Datei einer anderen Stadt übernehmen; "
        "nur beim Übernehmen in ein bestehendes Gremium, nicht mit --new",
    )
    settings.add_argument(
        "--dry-run", action="store_true", help="nur prüfen und zeigen, was sich ändert"
    )
    settings.set_defaults(handler=_import_settings, opening="change")


_ALL_WITH_NEW = (
    "--all gilt nur beim Übernehmen in ein bestehendes Gremium, nicht mit --new: ein neues "
    "Gremium übernimmt ohnehin alles aus der Datei außer der E-Mail-Adresse der "
    "Geschäftsstelle. Es wurde nichts verändert."
)


class _TakeAll(argparse._StoreTrueAction):
    """``--all``: another city's own settings too, into an existing council only (refused
    beside ``--new`` in either order, before the database is opened)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if namespace.new:
            raise argparse.ArgumentError(None, _ALL_WITH_NEW)
        super().__call__(parser, namespace, values, option_string)


class _NewCouncil(argparse.Action):
    """``--new``: a council from the file, in a new database too (a city starting out)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=False, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if namespace.all:
            raise argparse.ArgumentError(None, _ALL_WITH_NEW)
        setattr(namespace, self.dest, True)
        namespace.opening = "fill"
        namespace.without_database = _dry_run_without_database


def _export_settings(services: Services, args: argparse.Namespace) -> str:
    council_id = chosen_council(services, args)
    path = args.out
    write_file(path, services.council_transfer.export(council_id))
    print_warnings(filter(None, [services.council_transfer.unusable_logo(council_id)]))
    name = services.settings.settings(council_id).name
    return f"Einstellungen von „{name}“ ({WHAT_IT_CARRIES}): {path}"


def _read(path: Path) -> CouncilTemplate:
    from expertenrat.services.council_transfer import CouncilTransferService

    try:
        return CouncilTransferService.read_file(path)
    except OSError as error:
        raise UserError(
            f"„{path}“ kann nicht gelesen werden: {os_error_text(error)}", os_error_detail(error)
        ) from None


def _would_create(incoming: CouncilTemplate, database: str = "") -> str:
    """What ``import settings --new`` would create from the file, for a dry run (in the
    database ``database`` that is still to be made, if named)."""
    agenda = incoming.agenda_templates
    agenda_text = (
        "den Standard-Vorlagen für Tagesordnungspunkte"
        if agenda is None
        else f"{len(agenda)} Vorlagen für Tagesordnungspunkte"
    )
    where = f"die Datenbank „{database}“ und darin " if database else ""
    return (
        f"Probelauf: Die Datei ist gültig; sie würde {where}das Gremium "
        f"„{incoming.settings.name}“ ({incoming.settings.city}) mit "
        f"{len(incoming.action_fields)} Handlungsfeldern, {len(incoming.text_templates)} "
        f"Textbausteinen und {agenda_text} anlegen. Es wurde nichts gespeichert."
    )


def _dry_run_without_database(location: str, args: argparse.Namespace) -> str:
    """``import settings --new --dry-run`` where there is no database yet: the file is
    checked as against one, and the database is named among what would be created (not
    created: a dry run leaves no file or folder)."""
    return _would_create(_read(Path(args.file)), location)


def _import_settings(services: Services, args: argparse.Namespace) -> str:
    path = Path(args.file)
    transfer = services.council_transfer
    incoming = _read(path)
    if args.new:
        name = incoming.settings.name
        print_warnings(_alike(transfer.same_councils(incoming)))
        print_warnings(_shared_prefix(services, None, incoming))
        if args.dry_run:
            return _would_create(incoming)
        council_id = transfer.create_council(incoming)
        return f"Gremium Nr. {council_id} „{name}“ aus „{path}“ angelegt."
    council_id = chosen_council(
        services, args, into="in welches die Einstellungen übernommen werden sollen"
    )
    preview = transfer.preview(council_id, incoming)
    name = preview.current.settings.name
    if not preview.differences:
        return f"Die Einstellungen von „{name}“ entsprechen bereits der Datei; nichts zu tun."
    # as the window proposes: another city's file leaves the council's own settings be
    take = {d.name for d in preview.differences if d.take_theirs or args.all}
    lines = [*preview.lines(take), *_left_as_they_are(preview, take)]
    if "recommendation_prefix" in take:
        print_warnings(_shared_prefix(services, council_id, incoming))
    if args.dry_run:
        return "\n".join([*lines, "Probelauf: Es wurde nichts gespeichert."])
    if not take:
        return "\n".join([*lines, "Es wurde nichts übernommen."])
    transfer.apply(preview, take)
    count = len(take)
    changes = "1 Änderung" if count == 1 else f"{count} Änderungen"
    now = next(c.name for c in services.settings.councils() if c.id == council_id)
    renamed = f" (bisher „{name}“)" if now != name else ""
    return "\n".join([*lines, f"Übernommen: {changes} in „{now}“{renamed}."])


def _alike(councils: list[CouncilChoice]) -> list[str]:
    """The warning that ``--new`` makes a council beside others of its name and city."""
    if not councils:
        return []
    numbers = listed([f"Nr. {c.id}" for c in councils])
    return [
        f"Ein Gremium „{councils[0].name}“ ({councils[0].city}) gibt es in der Datenbank "
        f"bereits ({numbers}); --new legt ein weiteres an."
    ]


def _shared_prefix(
    services: Services, council_id: int | None, incoming: CouncilTemplate
) -> list[str]:
    """The warning that another council than ``council_id`` (``None``: a new one) issues
    recommendation codes of the file's prefix too, as the Einstellungen warn of it."""
    prefix = incoming.settings.recommendation_prefix
    return [p.message for p in services.settings.shared_prefix_warnings(council_id, prefix)]


def _left_as_they_are(preview: TransferPreview, take: set[str]) -> list[str]:
    """The council's own settings a file of another city would change that stay, one line
    each after the reason; none if all are taken (``--all``)."""
    from expertenrat.domain.council_transfer_preview import difference_label, difference_texts

    left = [d for d in preview.differences if d.name not in take]
    if not left:
        return []
    city = preview.incoming.settings.city
    return [
        f"Die Datei stammt aus {city}, das Gremium „{preview.current.settings.name}“ aus "
        f"{preview.current.settings.city}; diese Einstellungen bleiben, wie sie sind "
        "(übernehmen mit --all):",
        *(
            f"  {difference_label(d.name)}: {difference_texts(d)[0]} "
            f"(in der Datei: {preview.in_file(d)})"
            for d in left
        ),
    ]
