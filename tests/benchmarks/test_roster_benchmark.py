"""How long the roster PDF takes, next to a bare reportlab table of the same text.

Run with ``pytest tests/benchmarks --benchmark-only``; the aim is at most 1.5 times the bare
table. Nothing is asserted about time.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.domain.roster import RosterDocument, RosterGrouping, build_roster
from expertenrat.reports import fonts, theme
from expertenrat.reports.page_geometry import MARGINS
from expertenrat.reports.roster_pdf import render_roster

TODAY = date(2026, 3, 5)
FIELDS = [
    ActionField(i, name, position=i)
    for i, name in enumerate(("Moderne Verwaltung", "Soziale Stadt", "Stadtdaten", "Umwelt"))
]
COUNCIL = CouncilSettings(1, "Smart City Expert*innenrat", "Hanse- und Universitätsstadt Rostock")


def document(count: int) -> RosterDocument:
    members = [
        Member(
            id=i,
            given_name=f"Vorname{i}",
            family_name=f"Nachname{i:03d}",
            title="Dr." if i % 3 == 0 else "",
            form_of_address="Frau" if i % 2 else "Herr",
            affiliation=f"Institut für Stadtentwicklung {i}",
            position="Wissenschaftliche Mitarbeiterin",
            sector=list(Sector)[i % len(Sector)],
            email=f"vorname{i}@uni-rostock.de",
            phone=f"0381 498-{1000 + i}",
            postal_address=f"Albert-Einstein-Straße {i}\n18059 Rostock",
            role=MemberRole.MEMBER,
            term_start=date(2024, 1, 1),
            term_end=date(2027, 12, 31) if i % 2 else None,
            primary_field_id=i % 4,
            further_field_ids=((i + 1) % 4,),
            publish_name=True,
            publish_contact=True,
        )
        for i in range(count)
    ]
    return build_roster(
        members,
        FIELDS,
        COUNCIL,
        public=False,
        grouping=RosterGrouping.ALPHABETICAL,
        today=TODAY,
    )


def bare_table(doc: RosterDocument) -> bytes:
    """The same text in a plain SimpleDocTemplate + Table, no theme."""
    fonts.register_fonts()
    style = ParagraphStyle("cell", fontName=theme.FONT, fontSize=9, leading=11.5)
    rows = [
        [
            Paragraph(text, style)
            for text in ("Name", "Institution / Funktion", "Handlungsfelder", "Amtszeit", "Kontakt")
        ]
    ]
    for e in doc.entries:
        cells = (
            [e.name, e.form_of_address, e.role],
            [e.affiliation, e.position, e.sector],
            [e.primary_field, *e.further_fields],
            [f"{e.term_start:%d.%m.%Y}"],
            [e.email, e.phone, e.postal_address],
        )
        rows.append([Paragraph("<br/>".join(map(theme.esc, c)), style) for c in cells])
    buffer = io.BytesIO()
    width = landscape(A4)[0] - MARGINS.left - MARGINS.right
    shares = (0.20, 0.22, 0.16, 0.12, 0.30)
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(
        [Table(rows, colWidths=[s * width for s in shares], repeatRows=1)]
    )
    return buffer.getvalue()


@pytest.mark.parametrize("count", [10, 200])
def test_roster_pdf(benchmark: BenchmarkFixture, count: int) -> None:
    doc = document(count)
    benchmark.group = f"roster-{count}"
    pdf = benchmark(render_roster, doc).pdf
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("count", [10, 200])
def test_bare_reportlab_table(benchmark: BenchmarkFixture, count: int) -> None:
    doc = document(count)
    benchmark.group = f"roster-{count}"
    pdf = benchmark(bare_table, doc)
    assert pdf.startswith(b"%PDF-")
