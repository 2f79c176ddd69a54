"""The register files: formulas never run, hostile and multi-line text round-trips, dates
and numbers typed in the workbook, the same columns in both formats."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook
from recommendations_report_sample import ANSWERS, HOSTILE, TODAY, S, row

from expertenrat.domain.recommendations_report import report_lines
from expertenrat.exchange.excel_text import unguard_formula
from expertenrat.exchange.recommendations_register import HEADERS, register_csv, register_xlsx

TITLES = ["=SUMME(A1)", "+49 381 1234", "@wer", "-1", "'=schon", HOSTILE, "Zeile 1\nZeile 2"]


@pytest.fixture
def lines():
    rows = [row(n, S.SENT, title=t) for n, t in enumerate(TITLES, start=1)]
    return report_lines(rows, ANSWERS, TODAY)


def test_csv_guards_formulas_and_reads_back(lines):
    data = register_csv(lines)

    assert data.startswith(codecs.BOM_UTF8)
    found = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert tuple(found[0]) == HEADERS
    titles = [r[HEADERS.index("Titel")] for r in found[1:]]
    assert titles[0] == "'=SUMME(A1)" and titles[1] == "'+49 381 1234"
    assert [unguard_formula(t) for t in titles] == TITLES
    assert found[1][HEADERS.index("Beschlossen am")] == "01.03.2025"
    assert found[1][HEADERS.index("Stellungnahme")] == "entsprochen"  # the answer to id 1


def test_xlsx_holds_text_cells_never_formulas(lines):
    sheet = load_workbook(io.BytesIO(register_xlsx(lines))).active

    assert [c.value for c in sheet[1]] == list(HEADERS)
    title = HEADERS.index("Titel") + 1
    cells = [sheet.cell(r, title) for r in range(2, len(TITLES) + 2)]
    assert [c.value for c in cells] == TITLES
    assert {c.data_type for c in cells} == {"s"}
    adopted = sheet.cell(2, HEADERS.index("Beschlossen am") + 1).value
    assert isinstance(adopted, datetime) and adopted.date().isoformat() == "2025-03-01"
    days = sheet.cell(2, HEADERS.index("Tage offen") + 1).value
    assert days == (TODAY - adopted.date()).days
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:O{len(TITLES) + 1}"


def test_an_empty_register_has_the_header_only(lines):
    assert register_csv([]).decode("utf-8-sig").splitlines() == [";".join(HEADERS)]
    assert load_workbook(io.BytesIO(register_xlsx([]))).active.max_row == 1
