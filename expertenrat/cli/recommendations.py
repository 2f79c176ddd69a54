"""The recommendations register on the command line: the list, the report and register
exports, and the reminders to projects."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.support import (
    UserError,
    print_note,
    print_warnings,
    status_argument,
    status_names,
    target_file_path,
    target_path,
    write_document,
    year_argument,
)
from expertenrat.domain.errors import ExpertenratError, os_error_detail, os_error_text
from expertenrat.domain.file_formats import RegisterFileFormat
from expertenrat.domain.reminders import RECENTLY_REMINDED_DAYS
from expertenrat.domain.wording import overdue_since, with_counted
from expertenrat.services.files import refuse_folder

if TYPE_CHECKING:
    from collections.abc import Iterable

    from expertenrat.domain.enums import RecommendationStatus
    from expertenrat.domain.recommendation_filter import RecommendationFilter
    from expertenrat.domain.recommendation_views import RecommendationRow
    from expertenrat.services.context import Services

_FORMATS = {
    "pdf": "Bericht (PDF)",
    "csv": "CSV-Datei",
    "xlsx": "Excel-Arbeitsmappe",
}


def add_listing(commands: argparse._SubParsersAction) -> None:
    recommendations = commands.add_parser(
        "recommendations", help="Empfehlungen auflisten: Kennung, Status, Frist, Titel"
    )
    recommendations.add_argument(
        "--status",
        type=status_argument,
        action="append",
        metavar="S",
        help=f"nur Empfehlungen in diesem Status (mehrfach möglich): {status_names()}",
    )
    _overdue_option(recommendations)
    _closable_option(recommendations)
    council_option(recommendations)
    recommendations.set_defaults(handler=_recommendations, opening="read")


def _overdue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--overdue",
        action="store_true",
        help="nur die überfälligen: Frist der Stellungnahme oder Termin der geplanten Umsetzung "
        "überschritten",
    )


def _closable_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--closable",
        action="store_true",
        help="nur die, deren Abschluss möglich ist (im Fenster „Abschluss möglich“): "
        "beantwortet, die geltende Stellungnahme jedes Projekts abschließend; nicht zusammen "
        "mit --status oder --overdue",
    )


def _chosen(
    args: argparse.Namespace, statuses: Iterable[RecommendationStatus]
) -> RecommendationFilter:
    """The filter of ``--status`` (``statuses``), ``--overdue``, ``--closable`` and, for
    the exports, ``--year``. "Abschluss möglich" is one choice of the window's status
    filter, beside none of the others; with a status or "überfällig" it would find nothing."""
    from expertenrat.domain.recommendation_filter import RecommendationFilter
    from expertenrat.domain.recommendations import AWAITING_OUTCOME

    chosen = frozenset(statuses)
    if args.closable and (chosen or args.overdue):
        raise UserError(
            "--closable ist nicht zusammen mit --status oder --overdue möglich: "
            "„Abschluss möglich“ sind beantwortete Empfehlungen, bei denen nichts mehr "
            "aussteht, also auch nichts überfällig ist."
        )
    return RecommendationFilter(
        statuses=AWAITING_OUTCOME if args.closable else chosen,  # settled: while answered
        year=getattr(args, "year", None),
        overdue=args.overdue,
        settled=args.closable,
    )


def add_exports(exports: argparse._SubParsersAction) -> None:
    report = exports.add_parser(
        "recommendations",
        help="Bericht zu den Empfehlungen (.pdf) oder das Register als CSV-Datei (.csv) "
        "oder Excel-Arbeitsmappe (.xlsx)",
    )
    report.add_argument(
        "--out",
        required=True,
        type=target_file_path,
        metavar="DATEI.pdf|.csv|.xlsx",
        help="Zieldatei; die Endung wählt das Format",
    )
    report.add_argument(
        "--year", type=year_argument, metavar="JJJJ", help="nur Empfehlungen dieses Jahres"
    )
    report.add_argument(
        "--status",
        type=status_argument,
        action="append",
        metavar="S",
        help="nur Empfehlungen in diesem Status (mehrfach möglich; wie bei „expertenrat "
        "recommendations“); der Bericht zeigt sonst alle außer Entwürfen",
    )
    _overdue_option(report)
    _closable_option(report)
    council_option(report)
    report.set_defaults(handler=_export_recommendations, opening="read")
    reminders = exports.add_parser(
        "reminders",
        help="je Projekt mit fälligen Stellungnahmen oder überfälliger geplanter Umsetzung ein "
        "Erinnerungsschreiben (PDF und .eml)",
    )
    reminders.add_argument(
        "--out", required=True, type=target_path, metavar="ORDNER", help="Zielordner"
    )
    reminders.add_argument(
        "--force", action="store_true", help="Schreiben gleichen Namens im Zielordner ersetzen"
    )
    reminders.add_argument(
        "--include-ended",
        action="store_true",
        help="auch abgeschlossene Projekte erinnern (sonst nur genannt, wie im Fenster)",
    )
    reminders.add_argument(
        "--include-recent",
        action="store_true",
        help=f"auch Projekte erinnern, die in den letzten {RECENTLY_REMINDED_DAYS} Tagen "
        "erinnert wurden (sonst nur genannt, wie im Fenster)",
    )
    council_option(reminders, changes=True)
    reminders.set_defaults(handler=_export_reminders, opening="change")


def _recommendations(services: Services, args: argparse.Namespace) -> str:
    wanted = _chosen(args, args.status or ())
    rows = services.recommendations.list(chosen_council(services, args), wanted)
    if not rows:
        print_note("Keine Empfehlungen in dieser Auswahl.")
        return ""
    lines = [(r.code, r.status_text, _awaited(r), _late(r.most_overdue), r.title) for r in rows]
    # Each column as wide as its longest entry (at least as wide as usual), so that the
    # titles start in one column also beside "Umsetzung seit 3 Monaten überfällig" or a
    # long prefix.
    widths = [max(least, *(len(line[n]) for line in lines)) for n, least in enumerate(_WIDTHS)]
    return "\n".join(
        f"{code:<{widths[0]}} {status:<{widths[1]}} {awaited:<{widths[2]}}  "
        f"{late:<{widths[3]}}  {title}"
        for code, status, awaited, late, title in lines
    )


_WIDTHS = (11, 19, 22, 28)  # code, status, due date, how late


def _awaited(row: RecommendationRow) -> str:
    """ "Frist 31.03.2020" (of the response), or for an interim plan "geplant bis …"."""
    on = f"{row.awaited_on:%d.%m.%Y}" if row.awaited_on else "–"
    return f"geplant bis {on}" if row.awaits_plan else f"Frist {on}"


def _late(row: RecommendationRow) -> str:
    """ "seit 12 Tagen überfällig", "Umsetzung seit über einem Jahr überfällig" (as the
    window and the documents word it: :func:`~expertenrat.domain.wording.overdue_since`);
    of a row's part overdue longest (``most_overdue``), as the register's column: also a
    plan passed beside a response not yet due, which ``--overdue`` lists."""
    if not row.overdue:
        return ""
    late = overdue_since(row.days_overdue)
    return f"Umsetzung {late}" if row.plan_overdue else late


def _export_recommendations(services: Services, args: argparse.Namespace) -> str:
    path = args.out
    refuse_folder(path)
    file_format = RegisterFileFormat.of(path)
    chosen = _chosen(args, args.status or ())
    exported = services.recommendations_report.export(
        chosen_council(services, args), file_format, chosen
    )
    write_document(path, exported.data, exported.warnings)
    count = with_counted(exported.records, "Empfehlung", "Empfehlungen", "Empfehlungen")
    return f"{_FORMATS[file_format.value]} {count}: {path}"


def _export_reminders(services: Services, args: argparse.Namespace) -> str:
    """Letter and e-mail draft per project; each reminder is then recorded in the history
    (``RecommendationRemindersService.save``, as in the window). Projects marked as finished
    are named, not reminded, unless ``--include-ended``, and so are those reminded in the last
    days, unless ``--include-recent``: the window preselects neither (found by review: a
    command run each week reminded a project every week, two weeks to answer given none)."""
    from expertenrat.services.recommendation_reminders import RemindersExistError

    # It records the reminders in the council's history: not into a guessed council.
    council_id = chosen_council(
        services, args, into="für welches die Erinnerungen geschrieben werden sollen"
    )
    reminders = services.recommendation_reminders
    due = reminders.due(council_id)
    ended = [] if args.include_ended else [p for p in due.projects if p.project.ended]
    today = services.settings.clock(council_id).today()
    recent = [
        p
        for p in due.projects
        if not args.include_recent and p.reminded_recently(today) and not any(p is e for e in ended)
    ]
    left = [*ended, *recent]
    chosen = [p.project.id for p in due.projects if not any(p is e for e in left)]
    made = bool(chosen) and not args.out.exists()  # as `export oparl` and `export opendata` do
    if made:
        _make_folder(args.out)
    try:
        # Nothing to write into a folder not there yet (a new council): no "Den Ordner gibt
        # es nicht", but what is due, which is nothing.
        nothing = not chosen and not args.out.exists()
        saved = (
            []
            if nothing
            else reminders.save(council_id, args.out, project_ids=chosen, replace=args.force)
        )
    except RemindersExistError as error:
        raise UserError(f"{error.message} Mit --force werden sie ersetzt.", error.detail) from None
    except ExpertenratError:
        if made:  # none saved (a full drive): the folder made for them goes again, empty
            with contextlib.suppress(OSError):
                args.out.rmdir()
        raise
    lines = [
        f"{s.project.title}: {', '.join(s.codes)} → {s.files[0].name}, {s.files[1].name}"
        for s in saved
    ]
    if not due.projects:
        print_note(
            "Keine Stellungnahme ist überfällig oder in den nächsten 14 Tagen fällig, und keine "
            "geplante Umsetzung ist überfällig."
        )
    if ended:
        named = ", ".join(
            f"{p.project.title} ({', '.join(r.code for r in p.items)})" for p in ended
        )
        print_note(f"Abgeschlossen, daher ohne Erinnerung (mit --include-ended doch): {named}")
    if recent:
        named = ", ".join(f"{p.project.title} (am {p.last_reminded:%d.%m.%Y})" for p in recent)
        print_note(
            f"In den letzten {RECENTLY_REMINDED_DAYS} Tagen erinnert, daher ohne Erinnerung "
            f"(mit --include-recent doch): {named}"
        )
    print_warnings(dict.fromkeys(w for s in saved for w in s.warnings))  # a logo's: once
    without = due.without_project
    if without:
        print_note("Ohne Projekt, daher ohne Erinnerung: " + ", ".join(r.code for r in without))
    return "\n".join(lines)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise UserError(
            f"Der Ordner „{folder}“ lässt sich nicht anlegen: {os_error_text(error)}",
            os_error_detail(error),
        ) from None
