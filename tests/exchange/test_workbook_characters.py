"""What no .xlsx cell can hold (a noncharacter, a lone surrogate, a control character), in
a value stored before the text rule refused it: the workbooks still open (found by review:
the Änderungsprotokoll keeps such a value for good, and its workbook was not well-formed)."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from expertenrat.domain.audit_fields import AuditLine
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member
from expertenrat.exchange.audit_xlsx import export_audit_xlsx
from expertenrat.exchange.members_xlsx import export_members_xlsx

STORED = "Anna\ufffe Berg\uffff\udc80\x1b"


def test_the_audit_workbook_leaves_out_what_no_cell_holds_and_opens():
    line = AuditLine(
        at=datetime(2026, 3, 12, 17, 30),
        actor="Frau Schulz",
        action=AuditAction.UPDATE,
        entity="project",
        entity_id=7,
        summary=f"Projekt „{STORED}“ geändert",
        before={"title": STORED},
        after={"title": "Anna Berg"},
    )

    data = export_audit_xlsx([line], ZoneInfo("Europe/Berlin"))

    sheet = load_workbook(io.BytesIO(data)).active
    values = [cell.value for cell in sheet[2]]
    assert "Projekt „Anna Berg“ geändert" in values
    assert values[-2:] == ["Anna Berg", "Anna Berg"]


def test_the_members_workbook_names_the_member_and_column_of_a_noncharacter():
    member = Member(
        id=1,
        given_name="Jan",
        family_name="Brandt",
        notes="Notiz \ufffe",
        term_start=date(2024, 1, 1),
        primary_field_id=1,
    )

    said = r"„Notizen“ von Jan Brandt \(Zelle U2\) enthält ein unzulässiges Zeichen \(U\+FFFE\)"
    with pytest.raises(DataEntryError, match=said):
        export_members_xlsx([member], {1: "Stadtdaten"})
