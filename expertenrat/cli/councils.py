"""Which council a command is about: ``councils`` lists them with the numbers ``--council``
takes; a command without ``--council`` takes the first, says so where there are several,
and a command that writes into a council does not guess at all."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from expertenrat.cli.support import UserError, positive, print_note

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_listing(commands: argparse._SubParsersAction) -> None:
    councils = commands.add_parser(
        "councils", help="alle Gremien der Datenbank mit ihrer Nummer auflisten (für --council)"
    )
    councils.set_defaults(handler=_councils, opening="read")


def council_option(parser: argparse.ArgumentParser, *, changes: bool = False) -> None:
    """``--council NR``; ``changes``: the command writes into the council, so with several
    councils it must be named (see :func:`chosen_council`)."""
    default = "nötig, wenn es mehrere gibt" if changes else "Vorgabe: das erste"
    parser.add_argument(
        "--council",
        type=positive,
        metavar="NR",
        help=f"Nummer des Gremiums, wie „expertenrat councils“ sie nennt ({default})",
    )


def _councils(services: Services, args: argparse.Namespace) -> str:
    councils = services.settings.councils()
    if not councils:
        print_note(_NONE)  # a listing of nothing: stdout empty (found by a tester)
        return ""
    lines = []
    for council in councils:
        prefix = services.settings.settings(council.id).recommendation_prefix
        lines.append(f"{council.id:>5}  {council.name}  ({council.city}; Empfehlungen {prefix}-…)")
    return "\n".join(lines)


_NONE = (
    "Die Datenbank enthält noch kein Gremium. Legen Sie eines im Programm an oder laden "
    "Sie die Demodaten mit „expertenrat demo“."
)


def chosen_council(services: Services, args: argparse.Namespace, *, into: str | None = None) -> int:
    """The council of ``--council``, else the first one, with a note on stderr where the
    database holds several (a Beirat's user got the Expert*innenrat's list without a word;
    found by a tester). ``into``: the clause of what the command writes into the council
    ("in welches die Mitglieder übernommen werden sollen"); without ``--council`` it is
    then refused where the database holds several councils, as the first is a guess that
    puts one council's members or settings into the other (found by a tester)."""
    councils = services.settings.councils()
    if not councils:
        raise UserError(_NONE)
    known = ", ".join(f"{c.id} ({c.name})" for c in councils)
    if args.council is None:
        first = councils[0]
        if len(councils) > 1:
            if into is not None:
                raise UserError(
                    f"Die Datenbank enthält {len(councils)} Gremien: {known}. Bitte mit "
                    f"--council NR angeben, {into}; es wurde nichts geändert."
                )
            print_note(
                f"Die Datenbank enthält {len(councils)} Gremien; es gilt Nr. {first.id} "
                f"({first.name}). Andere mit --council NR, Liste: expertenrat councils."
            )
        return first.id
    if args.council not in {c.id for c in councils}:
        raise UserError(f"Ein Gremium Nr. {args.council} gibt es nicht. Vorhanden: {known}.")
    return args.council
