"""Members on the command line: the roster PDF, the member file export and the member import
(every row reported; saved only if no row has an error and consent changes are accepted)."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.support import (
    UserError,
    day_argument,
    given,
    target_file,
    target_file_path,
    terminal_text,
    write_pdf,
)
from expertenrat.domain.errors import os_error_detail, os_error_text
from expertenrat.domain.file_formats import MEMBER_IMPORT_ENDINGS, MemberFileFormat
from expertenrat.domain.wording import counted, listed, number_ranges, shortened, with_counted
from expertenrat.services.files import refuse_folder, write_file

if TYPE_CHECKING:
    from expertenrat.domain.member_import_preview import ImportRow
    from expertenrat.services.context import Services


_LABEL_LENGTH = 120  # a member's name in the import report (the file may hold more)


def add_exports(exports: argparse._SubParsersAction) -> None:
    roster = exports.add_parser("roster", help="Mitgliederliste als PDF")
    roster.add_argument(
        "--out", required=True, type=target_file(".pdf"), metavar="DATEI.pdf", help="Zieldatei"
    )
    roster.add_argument(
        "--public", action="store_true", help="öffentliche Fassung (nur mit Einwilligung)"
    )
    roster.add_argument(
        "--alphabetical", action="store_true", help="alphabetisch statt nach Handlungsfeld"
    )
    roster.add_argument(
        "--stand",
        type=day_argument,
        metavar="TT.MM.JJJJ",
        help="die Mitglieder dieses Tages, etwa des ersten Tages der nächsten "
        "Berufungsperiode (ohne diese Angabe: heute)",
    )
    council_option(roster)
    roster.set_defaults(handler=_export_roster, opening="read")
    members = exports.add_parser(
        "members", help="Mitglieder als Excel-Arbeitsmappe (.xlsx) oder CSV-Datei (.csv)"
    )
    members.add_argument(
        "--out",
        required=True,
        type=target_file_path,
        metavar="DATEI.xlsx|.csv",
        help="Zieldatei; die Endung wählt das Format",
    )
    council_option(members)
    members.set_defaults(handler=_export_members, opening="read")


def add_import(imports: argparse._SubParsersAction) -> None:
    endings = MEMBER_IMPORT_ENDINGS.items()
    members = imports.add_parser(
        "members",
        help="Mitglieder aus einer Datei: "
        + listed([f"{kind} ({ending})" for ending, kind in endings], last="oder"),
        # The columns before the first error names one (found by a tester).
        epilog=_column_guide,  # made when the help is shown
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    members.add_argument(
        "file",
        type=given("die Datei"),
        metavar="DATEI" + "|".join(MEMBER_IMPORT_ENDINGS),
        help="die Datei",
    )
    members.add_argument(
        "--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern"
    )
    members.add_argument(
        "--accept-consent-changes",
        action="store_true",
        help="Einwilligungen zur Veröffentlichung, die die Datei erteilt oder widerruft, "
        "übernehmen (ohne diese Angabe wird eine solche Datei nicht importiert)",
    )
    council_option(members, changes=True)
    members.set_defaults(handler=_import_members, opening="change")


def _column_guide() -> str:
    """The help's epilog of ``import members``: the columns the file may have."""
    from expertenrat.services.member_column_guide import column_guide

    return "\n\n".join(textwrap.fill(paragraph, 79) for paragraph in column_guide())


def _export_roster(services: Services, args: argparse.Namespace) -> str:
    from expertenrat.domain.roster import RosterGrouping

    council_id = chosen_council(services, args)
    rendered = services.members.roster_pdf(
        council_id,
        public=args.public,
        grouping=RosterGrouping.ALPHABETICAL if args.alphabetical else RosterGrouping.BY_FIELD,
        # the day asked for, else the council's day, as the window's
        today=args.stand or services.settings.clock(council_id).today(),
    )
    path = args.out
    write_pdf(path, rendered, private=not args.public)  # the internal one: contact data
    kind = "öffentliche" if args.public else "interne"
    day = f" zum {args.stand:%d.%m.%Y}" if args.stand else ""
    members = with_counted(rendered.records, "Mitglied", "Mitgliedern", "Mitglieder")
    return f"{kind.capitalize()} Mitgliederliste{day} {members}: {path}"


def _export_members(services: Services, args: argparse.Namespace) -> str:
    path = args.out
    refuse_folder(path)
    file_format = MemberFileFormat.of(path)
    council_id = chosen_council(services, args)
    write_file(path, services.member_exchange.export(council_id, file_format), private=True)
    kind = "Excel-Arbeitsmappe" if file_format is MemberFileFormat.XLSX else "CSV-Datei"
    members = counted(len(services.members.members(council_id)), "Mitglied", "Mitglieder")
    return f"{members} als {kind}: {path}"


def _import_members(services: Services, args: argparse.Namespace) -> str:
    """Report every row; save only if no row has an error (and not with --dry-run)."""
    from expertenrat.services.member_column_guide import unused_columns_text

    path = Path(args.file)
    try:
        data = services.member_exchange.read_file(path)
    except OSError as error:
        raise UserError(
            f"„{path}“ kann nicht gelesen werden: {os_error_text(error)}", os_error_detail(error)
        ) from None
    council_id = chosen_council(
        services, args, into="in welches die Mitglieder übernommen werden sollen"
    )
    file_format = MemberFileFormat.to_import(path)
    today = services.settings.clock(council_id).today()
    preview = services.member_exchange.preview_import(council_id, data, today, file_format)
    report = [line for row in preview.rows for line in _import_lines(row)]
    if preview.read_as:
        report.append(preview.read_as_text)
    report.extend(preview.sheet_notes)
    if preview.ignored_columns:
        report.append(unused_columns_text(preview.ignored_columns))
    counts = preview.counts
    if counts.error:
        print(terminal_text("\n".join(report)))
        raise UserError(f"{preview.errors_text}; es wurde nichts importiert.")
    if not preview.rows:
        raise UserError(f"„{path}“ enthält keine Mitglieder.")
    consent_lines = number_ranges(row.line for row in preview.consent_rows)
    if args.dry_run:
        report.append(
            f"Probelauf: {counts.new} neu, {counts.update} zu ändern, "
            f"{counts.unchanged} unverändert. Es wurde nichts gespeichert."
        )
        if consent_lines:
            report.append(
                f"Einwilligungsänderungen in Zeile {consent_lines}: der Import braucht "
                "--accept-consent-changes."
            )
        return "\n".join(report)
    if consent_lines and not args.accept_consent_changes:
        print(terminal_text("\n".join(report)))
        raise UserError(
            f"Die Datei ändert Einwilligungen zur Veröffentlichung (Zeile {consent_lines}); "
            "es wurde nichts importiert. Prüfen Sie die Änderungen und bestätigen Sie sie "
            "mit --accept-consent-changes."
        )
    result = services.member_exchange.apply_import(
        council_id, preview, today, accept_consent_changes=args.accept_consent_changes
    )
    report.append(
        f"Importiert: {len(result.created)} neu angelegt, {len(result.updated)} geändert, "
        f"{result.unchanged} unverändert."
    )
    return "\n".join(report)


def _import_lines(row: ImportRow) -> list[str]:
    """The row's result in one line, then each consent change in a line of its own."""
    from expertenrat.domain.member_import_preview import ImportStatus

    reasons = " ".join(row.reasons)
    label = shortened(row.label, _LABEL_LENGTH)
    if row.status is ImportStatus.ERROR:
        who = f"{label}: " if label else ""
        return [f"Zeile {row.line}: {row.status.label} – {who}{reasons}"]
    line = f"Zeile {row.line}: {row.status.label} – {label}" + (f" ({reasons})" if reasons else "")
    return [line] + [
        f"Zeile {row.line}: Einwilligung – {change.text}" for change in row.consent_changes
    ]
