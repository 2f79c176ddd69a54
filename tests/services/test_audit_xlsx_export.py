"""The Änderungsprotokoll as an Excel workbook: an Excel set to an English region opened the
";" CSV file with everything in column A (found by a tester)."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from expertenrat.domain.enums import AuditAction
from expertenrat.domain.file_formats import AuditFileFormat
from expertenrat.services import audit
from expertenrat.services.audit_reading import AuditFilter, AuditService

SUMMARIES = ("Mitglied Jörg Müller & <Söhne> geändert", '=HYPERLINK("http://x";"klick")')


@pytest.fixture
def trail(database, council) -> AuditService:
    values = [
        audit.entry(
            "Frau Schulz", AuditAction.UPDATE, "membership", 1, council_id=council.id, summary=text
        )
        for text in SUMMARIES
    ]
    for minute, entry in enumerate(values):
        entry["at"] = datetime(2026, 3, 1, 9, minute)  # UTC: 10:0x in Rostock
    with database.transaction() as session:
        audit.insert_entries(session, values)
    return AuditService(database)


def test_the_workbook_holds_the_csv_columns_and_rows_as_cells(trail, council):
    data = trail.export(AuditFilter(council.id), AuditFileFormat.XLSX)

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Änderungsprotokoll"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Zeitpunkt", "Person", "Änderung", "Bereich", "Beschreibung", "Feld", "vorher", "nachher"
    ]  # fmt: skip
    by_summary = {row[4]: row for row in rows[1:]}
    umlauts = by_summary[SUMMARIES[0]]  # "&" and "<" come back as they were
    assert umlauts[:4] == [datetime(2026, 3, 1, 10, 0), "Frau Schulz", "geändert", "Mitglied"]
    assert sheet.cell(2, 1).number_format == "DD.MM.YYYY HH:MM"
    formula = [cell for cell in sheet["E"] if cell.value == SUMMARIES[1]]
    assert [cell.data_type for cell in formula] == ["s"]  # a text, never run as a formula
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:H{len(rows)}"


def test_the_csv_keeps_its_dialect_and_the_same_rows(trail, council):
    data = trail.export(AuditFilter(council.id), AuditFileFormat.CSV)

    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    summaries = {row[4] for row in rows[1:]}
    assert SUMMARIES[0] in summaries and "'" + SUMMARIES[1] in summaries  # guarded
    assert "01.03.2026 10:00" in {row[0] for row in rows[1:]}
