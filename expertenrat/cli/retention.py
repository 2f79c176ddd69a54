"""``retention``: the former members due for anonymisation after the retention period,
or one at their request before it ends (Art. 17 DSGVO, ``--person N``), and the safety
copies of the database made before restores and updates."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from expertenrat.cli.support import UserError, at_most, database_today, positive
from expertenrat.domain.backup_rotation import (
    MAX_SAFETY_COPY_DAYS,
    SAFETY_COPIES_KEPT,
    SAFETY_COPY_DAYS,
)
from expertenrat.domain.wording import counted, years_ago

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_commands(commands: argparse._SubParsersAction) -> None:
    retention = commands.add_parser(
        "retention",
        help="ehemalige Mitglieder nach Ablauf der Aufbewahrungsfrist auflisten und "
        "anonymisieren; Sicherheitskopien der Datenbank nennen und fällige löschen",
    )
    retention.add_argument(
        "--years",
        type=at_most(100),
        default=2,
        metavar="N",
        help="Frist in Jahren (Vorgabe: 2, höchstens 100)",
    )
    retention.add_argument(
        "--copy-days",
        type=at_most(MAX_SAFETY_COPY_DAYS),
        default=SAFETY_COPY_DAYS,
        metavar="N",
        help=f"Sicherheitskopien (vor Wiederherstellungen und Aktualisierungen) gelten nach N "
        f"Tagen als fällig (Vorgabe: {SAFETY_COPY_DAYS}); die neuesten {SAFETY_COPIES_KEPT} "
        "bleiben immer",
    )
    retention.add_argument(
        "--delete-copies",
        action="store_true",
        help="die fälligen Sicherheitskopien löschen",
    )
    retention.add_argument(
        "--person",
        type=positive,
        metavar="N",
        help="nur die Person N (siehe „expertenrat persons“), auf ihren Antrag auch vor "
        "Ablauf der Frist (Art. 17 DSGVO)",
    )
    retention.add_argument(
        "--anonymise",
        action=_Anonymise,
        help="die aufgelisteten Personen anonymisieren (Name bleibt; Kontaktdaten, Notizen "
        "und Einwilligungen werden entfernt)",
    )
    retention.set_defaults(handler=_retention, opening="read")


class _Anonymise(argparse.Action):
    """``retention --anonymise``: the one retention run that changes the database; the
    listing alone reads it, so it also works without write permission, as the exports do."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=False, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        namespace.anonymise = True
        namespace.opening = "change"


def _retention(services: Services, args: argparse.Namespace) -> str:
    today = database_today(services)  # the councils' day, as the window's Aufbewahrung
    return "\n".join(_persons_due(services, args, today) + _safety_copies(services, args, today))


def _persons_due(services: Services, args: argparse.Namespace, today: date) -> list[str]:
    from expertenrat.domain.retention import COPIES_STILL_HOLD, candidate_line

    if args.person is not None:
        return _on_request(services, args, today)
    due = services.retention.due(today, args.years)
    if not due:
        years = years_ago(args.years)  # the window's wording
        return [f"Niemand ist vor mehr als {years} ausgeschieden und noch nicht anonymisiert."]
    lines = [candidate_line(c) for c in due]
    if not args.anonymise:
        lines.append(
            f"{counted(len(due), 'Person', 'Personen')} fällig; anonymisieren mit --anonymise."
        )
        return lines
    count = services.retention.anonymise([c.person_id for c in due], today, args.years)
    lines.append(
        f"{counted(count, 'Person', 'Personen')} anonymisiert; im Änderungsprotokoll vermerkt. "
        + COPIES_STILL_HOLD
    )
    return lines


def _on_request(services: Services, args: argparse.Namespace, today: date) -> list[str]:
    """``--person N``: the one former member who asked for the deletion (Art. 17 DSGVO)."""
    from expertenrat.domain.retention import COPIES_STILL_HOLD, candidate_line

    due = [c for c in services.retention.due(today, 0) if c.person_id == args.person]
    if not due:
        raise UserError(
            f"Person Nr. {args.person} ist kein ehemaliges Mitglied mit gespeicherten "
            "Kontaktdaten, Notizen oder Einwilligungen (eine Amtszeit, die heute noch läuft, "
            "endet zuerst; die Nummern nennt „expertenrat persons“)."
        )
    (person,) = due
    line = candidate_line(person)
    if not args.anonymise:
        return [line, "Auf Antrag anonymisieren mit --anonymise."]
    services.retention.anonymise([person.person_id], today, args.years, on_request=True)
    return [
        line,
        f"Person Nr. {person.person_id} auf Antrag anonymisiert; im Änderungsprotokoll "
        f"vermerkt. {COPIES_STILL_HOLD}",
    ]


def _safety_copies(services: Services, args: argparse.Namespace, today: date) -> list[str]:
    """The safety copies made before restores and updates, when there are any: how many,
    the oldest, what is due; with ``--delete-copies`` the due ones deleted first."""
    days, lines = args.copy_days, []
    if args.delete_copies:
        deleted = services.safety_copies.rotate(today, days)
        lines.append(
            f"{counted(deleted, 'Sicherheitskopie', 'Sicherheitskopien')} gelöscht (älter "
            f"als {counted(days, 'Tag', 'Tage')}; die neuesten {SAFETY_COPIES_KEPT} bleiben)."
        )
    copies = services.safety_copies.summary(today, days)
    if args.delete_copies and copies.due:  # open elsewhere, or the folder is not ours
        one = copies.due == 1
        lines.append(
            f"{counted(copies.due, 'Sicherheitskopie', 'Sicherheitskopien')} "
            f"{'konnte' if one else 'konnten'} nicht gelöscht werden und "
            f"{'bleibt' if one else 'bleiben'} erhalten: vielleicht in einem anderen "
            "Programm geöffnet, oder es fehlt die Berechtigung für den Ordner."
        )
        return lines
    if not copies.count:
        return lines
    text = (
        f"{counted(copies.count, 'Sicherheitskopie', 'Sicherheitskopien')} vor "
        f"Wiederherstellungen oder Aktualisierungen, die älteste vom {copies.oldest:%d.%m.%Y}; "
    )
    if copies.due:
        text += (
            f"{copies.due} älter als {counted(days, 'Tag', 'Tage')}: löschen mit --delete-copies."
        )
    elif copies.next_deletion is not None:
        text += f"die nächste ist ab dem {copies.next_deletion:%d.%m.%Y} fällig."
    else:
        text += f"die neuesten {SAFETY_COPIES_KEPT} bleiben."
    return [*lines, text]
