"""The search across a council's records on the command line (the window's Suche)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.support import given, print_note
from expertenrat.domain.text_characters import pasted_line

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_listing(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser(
        "search",
        help="in Sitzungen, Tagesordnungen und Protokollen, Empfehlungen mit ihren "
        "Stellungnahmen und Projekten suchen",
    )
    search.add_argument(
        "words",
        nargs="+",
        metavar="WORT",
        type=given("ein Suchwort"),
        help="gefunden wird, was jedes Wort enthält; Groß- und Kleinschreibung und Akzente "
        "zählen nicht, „ue“ findet „ü“",
    )
    council_option(search)
    search.set_defaults(handler=_search, opening="read")


def _search(services: Services, args: argparse.Namespace) -> str:
    # Cleaned as a paste into the window's Suche is: a word copied from a PDF into the
    # terminal brings its soft hyphen or ligature along (found by a tester).
    text = " ".join(pasted_line(" ".join(args.words)).split())
    hits = services.council_search.find(chosen_council(services, args), text)
    if not hits:
        print_note(f"Nichts gefunden für „{text}“.")
        return ""
    width = max(len(hit.kind.label) for hit in hits)
    lines = [f"{len(hits)} Treffer für „{text}“:"]
    for hit in hits:
        day = f"{hit.day:%d.%m.%Y}" if hit.day else "–".center(10)
        lines.append(f"{hit.kind.label:<{width}}  {day}  {hit.what} ({hit.where})")
        if hit.excerpt:
            lines.append(f"{'':<{width}}  {'':10}  {hit.excerpt}")
    return "\n".join(lines)
