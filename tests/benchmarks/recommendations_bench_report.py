"""A report of 2,000 recommendations over four action fields and twelve projects, and the
same text and tables as a bare reportlab build (SimpleDocTemplate, Paragraph cells)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.recommendations_report import (
    RecommendationsReport,
    ReportLine,
    ResponseSummary,
    recommendations_report,
)
from expertenrat.domain.recommendations_scope import scope_text

COUNT = 2000
TODAY = date(2026, 11, 27)
FIELDS = ("Moderne Verwaltung", "Soziale Stadt", "Stadtdaten", "Umwelt")
PROJECTS = tuple(
    AddressedProject(n, f"Projekt {n}: Urbane Datenplattform", f"Amt {n}") for n in range(1, 13)
)
STATUSES = tuple(s for s in RecommendationStatus if s is not RecommendationStatus.DRAFT)


def report() -> RecommendationsReport:
    rows, answers = [], {}
    for n in range(1, COUNT + 1):
        status = STATUSES[n % len(STATUSES)]
        year = 2020 + n % 7
        sent = date(year, 1 + n % 12, 1 + n % 27)
        due = sent + timedelta(days=61)
        rows.append(
            RecommendationRow(
                id=n, code=f"E-{year}-{n:02d}", kind=RecommendationKind.RECOMMENDATION,
                title=f"Die Daten des Projekts sollen offen veröffentlicht werden ({n})",
                action_field_id=None, action_field=FIELDS[n % 4],
                projects=(PROJECTS[n % 12],), origin=Origin(1, "5. Sitzung am 12.03.2026",
                1, "3"), adopted_on=sent - timedelta(days=7), sent_on=sent, due_on=due,
                status=status, days_overdue=days_overdue(status, due, TODAY), version=1,
            )
        )  # fmt: skip
        if status not in (RecommendationStatus.ADOPTED, RecommendationStatus.SENT):
            answers[n] = ResponseSummary(
                due - timedelta(days=n % 90), ResponseVerdict.COMPLIED, due
            )
    head = Letterhead("Smart City Expert*innenrat", "Hanse- und Universitätsstadt Rostock")
    return recommendations_report(
        head, rows, answers, FIELDS, TODAY, scope_text(RecommendationFilter())
    )


def _cells(line: ReportLine) -> list[str]:
    row = line.row
    return [
        f"{row.code}\n{row.kind.label}",
        f"{row.title}\n{row.origin.label}",
        line.answer_label,
        f"{line.state_label}\nFrist {row.due_on:%d.%m.%Y}",
        line.days_open_label,
    ]


def bare_build(doc: RecommendationsReport, regular: str, bold: str) -> bytes:
    """The same headings and table cells in a plain SimpleDocTemplate, nothing else."""
    pdfmetrics.registerFont(TTFont("Bench", regular))
    pdfmetrics.registerFont(TTFont("Bench-Bold", bold))
    body = ParagraphStyle("body", fontName="Bench", fontSize=9, leading=11.5)
    heading = ParagraphStyle("heading", body, fontName="Bench-Bold", fontSize=12, leading=15)
    widths = [w * 495 for w in (0.13, 0.39, 0.2, 0.19, 0.09)]

    def table(lines) -> Table:
        head = ["Kennung", "Empfehlung", "Stellungnahme", "Stand", "Tage offen"]
        cells = [[Paragraph(h, body) for h in head]]
        for line in lines:
            cells.append([Paragraph(escape(c).replace("\n", "<br/>"), body) for c in _cells(line)])
        return Table(cells, colWidths=widths, repeatRows=1)

    story = [Paragraph("Bericht zu den Empfehlungen", heading)]
    for field in doc.fields:
        story.append(Paragraph(escape(field.name), heading))
        for project in field.projects:
            story += [Paragraph(escape(project.title), heading), table(project.lines)]
    story += [Paragraph("Offene und überfällige Empfehlungen", heading), table(doc.open_items)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def font_files() -> tuple[str, str]:
    from expertenrat.paths import resource_path

    return str(resource_path("fonts", "DejaVuSans.ttf")), str(
        resource_path("fonts", "DejaVuSans-Bold.ttf")
    )
