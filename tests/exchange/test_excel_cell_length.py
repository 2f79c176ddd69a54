"""No cell of a file meant for Excel is longer than an Excel cell holds (32,767 characters;
a longer one breaks the row in Excel): such a text is cut with a marker."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from recommendations_report_sample import ANSWERS, TODAY, S, row

from expertenrat.domain.audit_fields import AuditLine
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendations_report import report_lines
from expertenrat.exchange.audit_csv import HEADER, export_audit_csv
from expertenrat.exchange.excel_text import EXCEL_CELL_LIMIT, excel_cell
from expertenrat.exchange.recommendations_register import HEADERS, register_csv, register_xlsx

BERLIN = ZoneInfo("Europe/Berlin")


def units(text: str) -> int:
    """A text's length as Excel counts it (UTF-16 units)."""
    return len(text.encode("utf-16-le")) // 2


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_a_text_that_fits_is_kept_and_a_longer_one_cut_with_a_marker():
    fits = "ä" * EXCEL_CELL_LIMIT
    assert excel_cell(fits) == fits

    text = "Beratung " * 11_111  # 99,999 characters

    cut = excel_cell(text)

    marker = " … [gekürzt, 99.999 Zeichen]"
    assert cut.endswith(marker) and text.startswith(cut.removesuffix(marker))
    assert EXCEL_CELL_LIMIT - 10 < units(cut) <= EXCEL_CELL_LIMIT  # as much as fits


def test_letters_excel_counts_twice_are_counted_so_and_never_split():
    emoji = "🚲" * 20_000  # 20,000 characters, 40,000 for Excel

    cut = excel_cell(emoji)

    assert units(cut) <= EXCEL_CELL_LIMIT
    assert cut.endswith(" … [gekürzt, 20.000 Zeichen]")
    assert set(cut.removesuffix(" … [gekürzt, 20.000 Zeichen]")) == {"🚲"}  # no half emoji


def test_the_audit_csv_cuts_a_long_discussion_and_keeps_the_row_whole():
    discussion = "Der Rat berät ausführlich.\n" * 4000  # 108,000 characters
    line = AuditLine(
        at=datetime(2026, 3, 12, 17, 30),
        actor="Frau Schulz",
        action=AuditAction.UPDATE,
        entity="minutes_item",
        entity_id=7,
        summary="Protokoll TOP 3 geändert",
        before={"discussion": ""},
        after={"discussion": discussion},
    )

    rows = read_csv(export_audit_csv([line], BERLIN))

    assert rows[0] == list(HEADER) and len(rows) == 2
    after = rows[1][HEADER.index("nachher")]
    assert units(after) <= EXCEL_CELL_LIMIT
    assert after.startswith("Der Rat berät ausführlich.\nDer Rat")
    assert after.endswith(" … [gekürzt, 108.000 Zeichen]")
    assert rows[1][HEADER.index("Beschreibung")] == "Protokoll TOP 3 geändert"


def test_the_register_cuts_the_names_of_very_many_projects_in_both_formats():
    projects = [AddressedProject(n, f"Projekt {n:03d} " + "x" * 280, "Amt") for n in range(150)]
    lines = report_lines([row(1, S.SENT, *projects)], ANSWERS, TODAY)
    whole = "; ".join(p.title for p in projects)
    assert len(whole) == 44_098
    marker = " … [gekürzt, 44.098 Zeichen]"

    cell = read_csv(register_csv(lines))[1][HEADERS.index("Projekte")]
    sheet = load_workbook(io.BytesIO(register_xlsx(lines))).active
    in_workbook = sheet.cell(2, HEADERS.index("Projekte") + 1).value

    for text in (cell, in_workbook):
        assert units(text) <= EXCEL_CELL_LIMIT
        assert text.startswith("Projekt 000 ") and text.endswith(marker)
