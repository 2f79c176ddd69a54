"""The register files: formulas never run, hostile and multi-line text round-trips, dates
and numbers typed in the workbook, the same columns in both formats."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from recommendations_report_sample import ANSWERS, DATEN, HOSTILE, KLIMA, TODAY, S, row

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.recommendation_links import Origin
from expertenrat.domain.recommendations_report import report_lines
from expertenrat.domain.response_summaries import response_summary
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
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:R{len(TITLES) + 1}"


def test_a_passed_plan_gives_its_date_beside_the_days_overdue():
    """The days of a passed interim plan count from its date, not from the Frist."""
    planned = replace(
        row(1, S.ANSWERED, sent=date(2025, 3, 5), due=date(2025, 5, 5)),
        planned_by=date(2026, 5, 20),
        days_overdue=12,
    )
    lines = report_lines([planned, row(2, S.SENT, due=date(2026, 5, 1))], ANSWERS, TODAY)

    found = list(csv.reader(io.StringIO(register_csv(lines).decode("utf-8-sig")), delimiter=";"))
    column = HEADERS.index("Umsetzung geplant bis")
    assert found[1][HEADERS.index("Frist")] == "05.05.2025"
    assert found[1][HEADERS.index("Tage überfällig")] == "12"
    assert found[1][column] == "20.05.2026"
    assert found[2][column] == ""
    sheet = load_workbook(io.BytesIO(register_xlsx(lines))).active
    assert sheet.cell(2, column + 1).value == datetime(2026, 5, 20)


@pytest.mark.parametrize("status", [S.IMPLEMENTED, S.NOT_IMPLEMENTED, S.WITHDRAWN])
def test_a_closed_recommendation_has_no_frist(status):
    """The file kept a closed recommendation's Frist, which the window and the report no
    longer show: nothing is owed by it any more."""
    rows = [row(1, status, due=date(2025, 5, 5)), row(2, S.SENT, due=date(2026, 5, 1))]
    lines = report_lines(rows, ANSWERS, TODAY)

    found = list(csv.reader(io.StringIO(register_csv(lines).decode("utf-8-sig")), delimiter=";"))
    frist = HEADERS.index("Frist")
    assert [r[frist] for r in found[1:]] == ["", "01.05.2026"]
    sheet = load_workbook(io.BytesIO(register_xlsx(lines))).active
    assert [sheet.cell(r, frist + 1).value for r in (2, 3)] == [None, datetime(2026, 5, 1)]
    assert [line.awaited_label for line in lines] == ["", "Frist 01.05.2026"]  # as the report


def test_an_empty_register_has_the_header_only(lines):
    assert register_csv([]).decode("utf-8-sig").splitlines() == [";".join(HEADERS)]
    assert load_workbook(io.BytesIO(register_xlsx([]))).active.max_row == 1


def test_the_answer_of_one_of_several_projects_names_that_project():
    """(found by review) The answer of one of two projects read as everyone's; the report's
    open items already named the project."""
    sent = row(9, S.SENT, KLIMA, DATEN, sent=date(2026, 3, 2), due=date(2026, 5, 4))
    sent = replace(sent, answered=frozenset({KLIMA.id}))
    answers = {9: response_summary([(KLIMA.id, date(2026, 4, 20), ResponseVerdict.COMPLIED)])}
    (line,) = report_lines([sent], answers, TODAY)

    found = list(csv.reader(io.StringIO(register_csv([line]).decode("utf-8-sig")), delimiter=";"))
    assert found[1][HEADERS.index("Stellungnahme")] == "Klimaportal: entsprochen"
    assert found[1][HEADERS.index("Stellungnahme vom")] == "20.04.2026"
    assert found[1][HEADERS.index("Ausstehend von")] == "Datenplattform"


def test_a_recommendation_of_a_non_public_item_is_marked_and_the_workbook_internal():
    """(found by a tester) The files held recommendations adopted in non-public items with
    nothing marking them, where the report of the same selection is marked internal."""
    meeting = Origin(meeting_id=1, meeting_label="5. Sitzung am 12.03.2026", item_id=7)
    secret = replace(row(1, S.SENT), origin=replace(meeting, item_number="7"))
    public = replace(row(2, S.SENT), origin=replace(meeting, item_id=3, item_number="3"))
    between = row(3, S.SENT)  # adopted between meetings: public, as the open data say
    draft = row(4, S.DRAFT)  # never adopted: not consulted at all
    lines = report_lines([secret, public, between, draft], ANSWERS, TODAY)
    lines[0] = replace(lines[0], non_public=True)

    found = list(csv.reader(io.StringIO(register_csv(lines).decode("utf-8-sig")), delimiter=";"))
    column = HEADERS.index("Beratung")
    assert column == HEADERS.index("Herkunft") + 1
    assert [r[column] for r in found[1:]] == ["nichtöffentlich", "öffentlich", "öffentlich", ""]
    workbook = load_workbook(io.BytesIO(register_xlsx(lines)))
    assert workbook.active.title == workbook.properties.title == "Empfehlungen – intern"
    assert "intern" in workbook.properties.keywords.split(", ")
    assert workbook.active.cell(2, column + 1).value == "nichtöffentlich"
    plain = load_workbook(io.BytesIO(register_xlsx(lines[1:])))
    assert plain.active.title == "Empfehlungen" and "intern" not in plain.properties.keywords
