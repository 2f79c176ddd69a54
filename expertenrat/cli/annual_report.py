"""The year on the command line: the annual activity report (Tätigkeitsbericht) and the
Archivpaket of the year for the Stadtarchiv."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.open_data import folder_summary, force_option, refusing_full_folder
from expertenrat.cli.support import (
    print_warnings,
    target_file,
    target_path,
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
    _year_option(report)
    report.add_argument(
        "--out", required=True, type=target_file(".pdf"), metavar="DATEI.pdf", help="Zieldatei"
    )
    council_option(report)
    report.set_defaults(handler=_export_annual_report, opening="read")
    archive = exports.add_parser(
        "archive",
        help="Archivpaket eines Jahres für das Archiv in einen Ordner: je Sitzung Einladung, "
        "genehmigtes Protokoll mit Inhalt und Prüfsumme, Anlagen, Sitzungsmappe; "
        "Empfehlungsregister, Tätigkeitsbericht, SHA256SUMS.txt, LIESMICH.txt",
    )
    _year_option(archive)
    archive.add_argument(
        "--out", required=True, type=target_path, metavar="ORDNER", help="Zielordner"
    )
    council_option(archive)
    force_option(archive)
    archive.set_defaults(handler=_export_archive, opening="read")


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year",
        required=True,
        type=year_argument,
        metavar="JJJJ",
        help="Berichtsjahr (bis zum laufenden Jahr)",
    )


def _export_annual_report(services: Services, args: argparse.Namespace) -> str:
    path = args.out
    rendered = services.annual_report.report_pdf(chosen_council(services, args), args.year)
    write_pdf(path, rendered)
    return f"Tätigkeitsbericht {args.year}: {path}"


def _export_archive(services: Services, args: argparse.Namespace) -> str:
    council_id = chosen_council(services, args)
    with refusing_full_folder():
        written = services.archive_package.export(args.out, council_id, args.year, force=args.force)
    print_warnings(written.warnings)
    return f"Archivpaket {args.year}: {folder_summary(written)}"
