"""The Änderungsprotokoll on the command line: ``export audit`` writes a council's audit
trail, or the entries of a period, as the window's "Exportieren …" does (an Excel workbook
or a CSV file by the ending; the owner's alone, as it names who changed what)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.support import UserError, day_argument, print_note, target_file_path
from expertenrat.domain.file_formats import AuditFileFormat
from expertenrat.services.files import refuse_folder, write_file

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_export(exports: argparse._SubParsersAction) -> None:
    audit = exports.add_parser(
        "audit",
        help="Änderungsprotokoll als Excel-Arbeitsmappe (.xlsx) oder CSV-Datei (.csv)",
    )
    audit.add_argument(
        "--out",
        required=True,
        type=target_file_path,
        metavar="DATEI.xlsx|.csv",
        help="Zieldatei; die Endung wählt das Format",
    )
    audit.add_argument(
        "--from",
        dest="first",
        type=day_argument,
        metavar="TT.MM.JJJJ",
        help="nur Einträge ab diesem Tag (in der Zeitzone des Gremiums)",
    )
    audit.add_argument(
        "--to",
        dest="last",
        type=day_argument,
        metavar="TT.MM.JJJJ",
        help="nur Einträge bis zu diesem Tag einschließlich",
    )
    council_option(audit)
    audit.set_defaults(handler=_export_audit, opening="read")


def _export_audit(services: Services, args: argparse.Namespace) -> str:
    from expertenrat.services.audit_reading import AuditFilter

    if args.first and args.last and args.first > args.last:
        raise UserError(
            f"--from {args.first:%d.%m.%Y} liegt nach --to {args.last:%d.%m.%Y}; bitte den "
            "Zeitraum prüfen. Es wurde nichts geschrieben."
        )
    path = args.out
    refuse_folder(path)
    file_format = AuditFileFormat.of(path)
    wanted = AuditFilter(chosen_council(services, args), first=args.first, last=args.last)
    # Personal data (who changed what, members' old and new values): the owner's alone.
    write_file(path, services.audit.export(wanted, file_format), private=True)
    if not services.audit.search(wanted, limit=1).lines:
        print_note("Keine Einträge in dieser Auswahl; die Datei enthält nur die Spaltenköpfe.")
    kind = "Excel-Arbeitsmappe" if file_format is AuditFileFormat.XLSX else "CSV-Datei"
    return f"Änderungsprotokoll{_period(args.first, args.last)} als {kind}: {path}"


def _period(first: date | None, last: date | None) -> str:
    """ " vom 01.01.2026 bis 31.03.2026", " ab …", " bis …", or nothing."""
    if first and last:
        return f" vom {first:%d.%m.%Y} bis {last:%d.%m.%Y}"
    if first:
        return f" ab {first:%d.%m.%Y}"
    return f" bis {last:%d.%m.%Y}" if last else ""
