"""The annual activity report (Tätigkeitsbericht) on the command line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from expertenrat.cli.support import (
    chosen_council,
    council_option,
    target_file,
    write_pdf,
    year_argument,
)

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_export(exports: argparse._SubParsersAction) -> None:
    report = exports.add_parser(
        "annual-report",
        help="Tätigkeitsbericht eines Jahres als PDF (Gremium, Sitzungen, Beratungen, "
        "Empfehlungen; öffentliche Fassung)",
    )
    report.add_argument(
        "--year",
        required=True,
        type=year_argument,
        metavar="JJJJ",
        help="Berichtsjahr (bis zum laufenden Jahr)",
    )
    report.add_argument(
        "--out", required=True, type=target_file(".pdf"), metavar="DATEI.pdf", help="Zieldatei"
    )
    council_option(report)
    report.set_defaults(handler=_export_annual_report, opening="read")


def _export_annual_report(services: Services, args: argparse.Namespace) -> str:
    path = args.out
    rendered = services.annual_report.report_pdf(chosen_council(services, args), args.year)
    write_pdf(path, rendered)
    return f"Tätigkeitsbericht {args.year}: {path}"
