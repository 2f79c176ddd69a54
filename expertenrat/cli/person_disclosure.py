"""The Auskunft nach Art. 15 DSGVO on the command line: ``persons`` lists every person
with the number ``export person --id`` takes; ``export person`` writes the Auskunft PDF,
``export guest`` the one about a guest of meetings who is no member (found by name). Each
Auskunft written is noted in the audit trail; where the database may only be read here,
the Auskunft is written all the same, and a warning says that it is not noted."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from expertenrat.cli.support import (
    database_today,
    given,
    positive,
    print_note,
    print_warnings,
    target_file,
    write_pdf,
)
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.wording import counted

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_listing(commands: argparse._SubParsersAction) -> None:
    persons = commands.add_parser(
        "persons",
        help="alle Personen aller Gremien mit ihrer Nummer auflisten (für „export person --id“)",
    )
    persons.set_defaults(handler=_persons, opening="read")


def add_export(exports: argparse._SubParsersAction) -> None:
    person = exports.add_parser(
        "person",
        help="Auskunft nach Art. 15 DSGVO: alle Daten über eine Person als PDF",
    )
    person.add_argument(
        "--id",
        required=True,
        type=positive,
        metavar="N",
        help="Nummer der Person (siehe „expertenrat persons“)",
    )
    person.add_argument(
        "--out", required=True, type=target_file(".pdf"), metavar="DATEI.pdf", help="Zieldatei"
    )
    person.set_defaults(handler=_export_person, opening="note")
    guest = exports.add_parser(
        "guest",
        help="Auskunft nach Art. 15 DSGVO über einen Gast von Sitzungen, der kein Mitglied "
        "ist, als PDF",
    )
    guest.add_argument(
        "--name",
        required=True,
        type=given("den Namen des Gastes"),
        metavar="NAME",
        help="Name des Gastes, wie er in der Anwesenheit steht („Merle Steffens“)",
    )
    guest.add_argument(
        "--out", required=True, type=target_file(".pdf"), metavar="DATEI.pdf", help="Zieldatei"
    )
    guest.set_defaults(handler=_export_guest, opening="note")


def _persons(services: Services, args: argparse.Namespace) -> str:
    persons = services.person_disclosure.persons()
    if not persons:
        print_note("Die Datenbank enthält noch keine Personen.")
        return ""
    return "\n".join(
        f"{p.person_id:>5}  {p.name}  ({p.memberships})"
        + ("  – anonymisiert" if p.anonymised else "")
        for p in persons
    )


def _export_person(services: Services, args: argparse.Namespace) -> str:
    rendered = services.person_disclosure.disclosure_pdf(args.id, database_today(services))
    write_pdf(args.out, rendered, private=True)
    _noted(lambda: services.person_disclosure.note_given(args.id))
    return (
        f"Auskunft nach Art. 15 DSGVO über Person Nr. {args.id} "
        f"({counted(rendered.records, 'Eintrag', 'Einträge')}): {args.out}"
    )


def _export_guest(services: Services, args: argparse.Namespace) -> str:
    disclosure = services.person_disclosure
    rendered = disclosure.guest_disclosure_pdf(args.name, database_today(services))
    write_pdf(args.out, rendered, private=True)
    _noted(lambda: disclosure.note_given_to_guest(args.name))
    return (
        f"Auskunft nach Art. 15 DSGVO über den Gast „{args.name.strip()}“ "
        f"({counted(rendered.records, 'Eintrag', 'Einträge')}): {args.out}"
    )


def _noted(note: Callable[[], None]) -> None:
    """Note the Auskunft written in the audit trail; a database that refuses it (opened to
    read only) is a warning: the Auskunft is written, and must be."""
    try:
        note()
    except ExpertenratError as error:
        print_warnings(
            [f"Die Auskunft ist geschrieben, aber nicht im Änderungsprotokoll vermerkt: {error}"]
        )
