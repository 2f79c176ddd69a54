"""Register rows and responses for the report's tests: a known data set, built by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.recommendations_report import (
    RecommendationsReport,
    ResponseSummary,
    recommendations_report,
)
from expertenrat.domain.recommendations_scope import scope_text

S = RecommendationStatus
TODAY = date(2026, 6, 1)
HOSTILE = """<b>Daten & „Zitate“</b> 'O'Neil' "quoted" 😀 Ünïcödé"""
KLIMA = AddressedProject(1, "Klimaportal", "Umweltamt")
DATEN = AddressedProject(2, "Datenplattform", "Hauptamt")
HOSTILE_PROJECT = AddressedProject(3, HOSTILE, "<Amt & Co>")
FIELDS = ("Moderne Verwaltung", "Umwelt", "Stadtdaten")
LETTERHEAD = Letterhead("Smart City Expert*innenrat", "Rostock")


def row(
    number: int,
    status: RecommendationStatus,
    *projects: AddressedProject,
    field: str = "Umwelt",
    year: int = 2025,
    sent: date | None = None,
    due: date | None = None,
    title: str = "",
) -> RecommendationRow:
    adopted = None if status is S.DRAFT else date(year, 3, 1)
    return RecommendationRow(
        id=number, code=f"E-{year}-{number:02d}", kind=RecommendationKind.RECOMMENDATION,
        title=title or f"Empfehlung {number}", action_field_id=None, action_field=field,
        projects=projects, origin=Origin(), adopted_on=adopted, sent_on=sent, due_on=due,
        status=status, days_overdue=days_overdue(status, due, TODAY), version=1,
    )  # fmt: skip


def answer(first: date, verdict: ResponseVerdict, latest: date | None = None) -> ResponseSummary:
    return ResponseSummary(first, verdict, latest or first)


ROWS = [
    # 2025: sent, answered in time, implemented
    row(1, S.IMPLEMENTED, KLIMA, sent=date(2025, 3, 5), due=date(2025, 5, 5)),
    # 2025: answered late, still answered
    row(2, S.ANSWERED, KLIMA, DATEN, field="Stadtdaten", sent=date(2025, 3, 5),
        due=date(2025, 5, 5)),
    # 2025: overdue, no answer
    row(3, S.SENT, DATEN, field="Moderne Verwaltung", sent=date(2025, 4, 1),
        due=date(2025, 6, 1)),
    # 2026: sent, still within its deadline: not counted for "in time"
    row(1, S.SENT, KLIMA, year=2026, sent=date(2026, 5, 1), due=date(2026, 7, 1)),
    # adopted, not sent; without a field and a project
    row(2, S.ADOPTED, field="", year=2026),
    # withdrawn without an answer after its deadline: not counted
    row(3, S.WITHDRAWN, KLIMA, year=2026, sent=date(2026, 1, 5), due=date(2026, 3, 5)),
    row(4, S.NOT_IMPLEMENTED, HOSTILE_PROJECT, field="Umwelt", year=2026, title=HOSTILE,
        sent=date(2026, 1, 5), due=date(2026, 3, 5)),
]  # fmt: skip
ROWS = [replace(r, id=index) for index, r in enumerate(ROWS, start=1)]
ANSWERS = {
    1: answer(date(2025, 4, 1), ResponseVerdict.COMPLIED),
    2: answer(date(2025, 6, 1), ResponseVerdict.PLANNED, date(2025, 9, 1)),
    7: answer(date(2026, 3, 5), ResponseVerdict.NOT_COMPLIED),
}


def report(rows=None, answers=None) -> RecommendationsReport:
    chosen = ROWS if rows is None else rows
    return recommendations_report(
        LETTERHEAD, chosen, ANSWERS if answers is None else answers, FIELDS, TODAY,
        scope_text(RecommendationFilter()),
    )  # fmt: skip
