"""Filtering the recommendations register per keystroke with 20,000 rows. Aim: under 16 ms.

Run with ``pytest tests/benchmarks --benchmark-only``; nothing is asserted about time.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import cycle

import pytest
from PySide6.QtCore import QPersistentModelIndex

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.ui.recommendations_filter import RegisterFilter
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel

TITLES = [
    "Offene Schnittstellen für die Mobilitätsplattform",
    "Barrierefreiheit nach BITV 2.0 von Anfang an",
    "Quartiersbewohner*innen früh beteiligen",
    "Datenschutz-Folgenabschätzung vor dem Start",
    "Ergebnisse mit Partnerstädten in Mecklenburg-Vorpommern teilen",
]
PROJECTS = [
    AddressedProject(1, "Open-Data-Portal 2.0", "Hauptamt"),
    AddressedProject(2, "Smarte Quartiersarbeit Groß Klein", "Amt für Jugend"),
    AddressedProject(3, "Klimadashboard Rostock", "Umweltamt"),
]
FIELDS = ["Moderne Verwaltung", "Soziale Stadt", "Stadtdaten", "Umwelt"]


def _rows(count: int) -> list[RecommendationRow]:
    statuses = list(RecommendationStatus)
    return [
        RecommendationRow(
            id=n,
            code=f"E-{2020 + n % 7}-{n:05d}",
            kind=RecommendationKind.RECOMMENDATION,
            title=f"{TITLES[n % len(TITLES)]} ({n})",
            action_field_id=n % 4 + 1,
            action_field=FIELDS[n % 4],
            projects=(PROJECTS[n % 3],),
            origin=Origin(n % 50 + 1, f"{n % 50 + 1}. Sitzung am 12.03.2026", n, "3"),
            adopted_on=date(2020 + n % 7, 3, 12),
            sent_on=date(2020 + n % 7, 3, 19),
            due_on=date(2020 + n % 7, 3, 19) + timedelta(days=61),
            status=statuses[n % len(statuses)],
            days_overdue=n % 40,
            version=1,
        )
        for n in range(count)
    ]


@pytest.fixture
def model(qapp) -> RecommendationsTableModel:
    model = RecommendationsTableModel()
    model.set_recommendations(_rows(20_000))
    return model


@pytest.mark.parametrize("column", [-1, RecommendationsTableModel.COLUMN_DUE])
def test_one_keystroke_in_the_register_search(benchmark, model, column):
    """Unsorted, and sorted by the due date (as the view sorts it) with a selected row."""
    register_filter = RegisterFilter(model.refilter)
    model.set_filter(register_filter.accepts)
    model.sort(column)
    selected = QPersistentModelIndex(model.index(5, 0))
    keystrokes = cycle(["k", "kl", "kli", "klim", "klima", "klim", "kli", "kl", "k", ""])

    def type_one() -> int:
        register_filter.set_search(next(keystrokes))
        return model.rowCount()

    assert benchmark(type_one) > 0
    assert selected.isValid() or model.rowCount() < model.total()
