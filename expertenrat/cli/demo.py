"""``demo``: an empty database filled with demo data."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from expertenrat.cli.support import at_most
from expertenrat.domain.wording import counted

if TYPE_CHECKING:
    from expertenrat.services.context import Services

DEMO_COUNCILS = 20  # more would only make a large database, which a test makes better
DEMO_YEARS = 50


def add_command(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="eine leere Datenbank mit Demodaten füllen")
    demo.add_argument(
        "--councils",
        type=at_most(DEMO_COUNCILS),
        default=1,
        metavar="N",
        help=f"Anzahl der Gremien mit Sitzungen (Vorgabe: 1, höchstens {DEMO_COUNCILS}; dazu "
        "kommt der Lübecker Beirat, angelegt aus einer Einstellungsdatei)",
    )
    demo.add_argument(
        "--years",
        type=at_most(DEMO_YEARS),
        default=2,
        metavar="N",
        help=f"Jahre an Sitzungen (Vorgabe: 2, höchstens {DEMO_YEARS})",
    )
    demo.set_defaults(handler=_demo, opening="fill")


def _demo(services: Services, args: argparse.Namespace) -> str:
    # The demo's day is today as its councils count it, not the PC's date (another zone).
    summary = services.demo.load(councils=args.councils, years=args.years)
    return (
        f"Demodaten geladen: {counted(summary.councils, 'Gremium', 'Gremien')}, "
        f"{summary.members} Mitglieder, "
        f"{summary.meetings} Sitzungen, {summary.recommendations} Empfehlungen."
    )
