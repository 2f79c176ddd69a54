"""The recommendations register as a CSV file for Excel and as an Excel workbook (.xlsx),
with the same columns.

CSV: ``;`` as separator, UTF-8 with BOM, CRLF line ends, dates as TT.MM.JJJJ, values that
Excel would run as a formula guarded with an apostrophe (:mod:`excel_text`). Workbook: one
sheet "Empfehlungen" (:func:`table_xlsx`: a bold frozen header row with an autofilter,
dates as date cells, numbers as number cells, every text as a text cell, never a formula).
In both a text longer than an Excel cell holds (the names of very many projects) is cut
with a marker (:func:`excel_cell`). The column "Beratung" says "nichtöffentlich" of a recommendation
adopted in a non-public agenda item; a workbook holding one is "Empfehlungen – intern".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import AWAITING_OUTCOME, AWAITING_RESPONSE
from expertenrat.domain.recommendations_report import ReportLine
from expertenrat.exchange.excel_text import excel_cell, excel_csv, excel_safe
from expertenrat.exchange.excel_workbook import table_xlsx

Value = str | date | int | None

SHEET_TITLE = "Empfehlungen"
INTERNAL_SHEET_TITLE = "Empfehlungen – intern"
INTERNAL_FILE = (
    "Die Datei enthält Empfehlungen aus nichtöffentlicher Beratung (Spalte „Beratung“) und "
    "ist nur für den internen Gebrauch."
)


COLUMNS: tuple[tuple[str, Callable[[ReportLine], Value]], ...] = (
    ("Kennung", lambda line: line.row.code),
    ("Art", lambda line: line.row.kind.label),
    ("Titel", lambda line: line.row.title),
    ("Handlungsfeld", lambda line: line.row.action_field),
    ("Projekte", lambda line: line.row.project_names),
    ("Federführung", lambda line: line.row.lead_units),
    ("Herkunft", lambda line: line.row.origin.label),
    # "nichtöffentlich": not for the public, as the report holding it is marked internal.
    ("Beratung", lambda line: _consultation(line)),
    ("Beschlossen am", lambda line: line.row.adopted_on),
    ("Übermittelt am", lambda line: line.row.sent_on),
    ("Frist", lambda line: _due_on(line.row)),
    ("Status", lambda line: line.row.status_text),  # "übermittelt (1 von 2 geantwortet)"
    # The projects the council still waits for: their response, or a passed plan's outcome
    # ("Klimaportal (Umsetzung geplant bis 30.06.2026, seit 3 Tagen überfällig)").
    ("Ausstehend von", lambda line: line.row.outstanding_text),
    ("Tage überfällig", lambda line: line.row.most_overdue.days_overdue or None),
    # Of several projects, the latest answer's project: "Klimaportal: entsprochen".
    ("Stellungnahme", lambda line: _answer(line)),
    ("Stellungnahme vom", lambda line: line.answer.latest_received_on if line.answer else None),
    # While an interim "Umsetzung geplant" waits for its outcome: its date, from which the
    # days overdue count (not from the Frist of the response).
    # (also of a plan passed beside responses still awaited: the part overdue longest's).
    ("Umsetzung geplant bis", lambda line: _planned_by(line.row.most_overdue)),
    ("Tage offen", lambda line: line.days_open),
)
HEADERS = tuple(header for header, _ in COLUMNS)


def _consultation(line: ReportLine) -> str:
    """ "öffentlich" or "nichtöffentlich", as the agenda item that adopted it was;
    "öffentlich" for one adopted between meetings (in writing or otherwise), as the open
    data publish it (``domain.oparl_public``: no non-public item adopted it); empty for one
    never adopted."""
    if line.non_public:
        return "nichtöffentlich"
    return "" if line.row.adopted_on is None else "öffentlich"


def _due_on(row: RecommendationRow) -> date | None:
    """The Frist of the response while the recommendation is followed up (sent, answered);
    none once it is closed (or withdrawn) or can be ("Abschluss möglich": every answer is
    final), as in the window and the report."""
    followed = row.status in AWAITING_RESPONSE | AWAITING_OUTCOME and not row.settled
    return row.due_on if followed else None


def _planned_by(row: RecommendationRow) -> date | None:
    return row.planned_by if row.awaits_plan else None


def _answer(line: ReportLine) -> str:
    if line.answer is None:
        return ""
    verdict = line.answer.latest_verdict.label
    return f"{line.latest_answer_from}: {verdict}" if line.latest_answer_from else verdict


def export_row(line: ReportLine) -> list[Value]:
    return [value(line) for _, value in COLUMNS]


def register_csv(lines: Sequence[ReportLine]) -> bytes:
    """The register as a CSV file German Excel opens directly."""
    return excel_csv(HEADERS, ([_csv_text(value) for value in export_row(line)] for line in lines))


def _csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, int):
        return str(value)
    return excel_cell(excel_safe(value))


def register_xlsx(lines: Sequence[ReportLine]) -> bytes:
    """The register as an Excel workbook; one holding a recommendation adopted in a
    non-public agenda item is marked internal in its sheet's name, title and keywords."""
    internal = any(line.non_public for line in lines)
    return table_xlsx(
        HEADERS,
        (export_row(line) for line in lines),
        INTERNAL_SHEET_TITLE if internal else SHEET_TITLE,
        "Empfehlungen, intern" if internal else "Empfehlungen",
    )
