"""The register's Status column says what each status means and what comes next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel as M


def _row(number: int, status: RecommendationStatus) -> RecommendationRow:
    return RecommendationRow(
        id=number, code=f"E-2026-{number:02}", kind=RecommendationKind.RECOMMENDATION,
        title="Offene Daten", action_field_id=None, action_field="",
        projects=(AddressedProject(3, "Klimaportal"),), origin=Origin(),
        adopted_on=date(2026, 8, 20), sent_on=None, due_on=None, status=status,
        days_overdue=0, version=1,
    )  # fmt: skip


def test_each_status_explains_itself_and_names_the_next_step(qtmodeltester) -> None:
    """(found by a tester) Covering the secretariat, a newcomer could not tell
    "beschlossen" from "übermittelt", nor which button takes a recommendation on."""
    model = M()
    model.set_recommendations([_row(n, s) for n, s in enumerate(RecommendationStatus, 1)])
    qtmodeltester.check(model)

    tips = {
        model.index(row, M.COLUMN_STATUS).data(): model.index(row, M.COLUMN_STATUS).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for row in range(model.rowCount())
    }
    assert tips["beschlossen"] == (
        "Beschlossen: vom Gremium beschlossen, noch nicht an die Projekte übermittelt.\n"
        "Nächster Schritt: „Versenden …“."
    )
    assert "„Beschließen …“" in tips["Entwurf"]
    assert "„Stellungnahme …“" in tips["übermittelt"] and "„Erinnerungen …“" in tips["übermittelt"]
    assert "„Abschließen …“" in tips["beantwortet"]
    assert tips["zurückgezogen"].endswith("nichts mehr zu tun.")
    assert len(tips) == len(RecommendationStatus)
