"""The audit trail as an Excel workbook (.xlsx), with the columns and rows of the CSV file
(:func:`~expertenrat.exchange.audit_csv.audit_rows`) on one sheet "Änderungsprotokoll":
for an Excel that does not split a ";" CSV file into columns (one set to an English
region; found by a tester). Times are date cells (TT.MM.JJJJ HH:MM in the council's time
zone), every other value a text cell, never a formula (:func:`table_xlsx`).
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from expertenrat.domain.audit_fields import AuditLine, Names
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.exchange.audit_csv import HEADER, audit_rows
from expertenrat.exchange.excel_workbook import table_xlsx

SHEET_TITLE = "Änderungsprotokoll"


def export_audit_xlsx(
    lines: Iterable[AuditLine],
    zone: ZoneInfo,
    names: Names | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> bytes:
    """Write ``lines`` as a workbook (see :func:`audit_rows`)."""
    return table_xlsx(HEADER, audit_rows(lines, zone, names, titles), SHEET_TITLE, SHEET_TITLE)
