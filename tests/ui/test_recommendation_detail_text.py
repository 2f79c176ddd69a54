"""The detail beside the register as text: a response's measures planned by a date without
words keep their date, and text typed on several lines stays under its heading."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from expertenrat.domain.enums import (
    HistoryKind,
    RecommendationKind,
    RecommendationStatus,
    ResponseVerdict,
)
from expertenrat.domain.recommendation_history import HistoryEntry, Response
from expertenrat.domain.recommendation_links import Origin
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.ui.recommendation_detail_text import detail_text

ROW = RecommendationRow(
    id=1, code="E-2026-08", kind=RecommendationKind.RECOMMENDATION, title="Offene Daten",
    action_field_id=None, action_field="", projects=(), origin=Origin(),
    adopted_on=date(2026, 4, 16), sent_on=date(2026, 5, 2), due_on=date(2026, 7, 2),
    status=RecommendationStatus.ANSWERED, days_overdue=0, version=1,
)  # fmt: skip


def test_a_planned_date_without_measures_is_shown_and_reasons_stay_indented():
    response = Response(
        id=1, received_on=date(2026, 6, 1), verdict=ResponseVerdict.PLANNED, responder="",
        reasons="Erstens: Budget\nZweitens: Personal", measures="",
        measures_due_on=date(2027, 6, 30), final=False, version=1,
    )  # fmt: skip

    text = detail_text(RecommendationDetail(ROW, "Text", (response,), ()))

    assert "    Maßnahmen: – (bis 30.06.2027)" in text.splitlines()
    assert "    Begründung: Erstens: Budget\n      Zweitens: Personal" in text


def test_a_reminder_in_the_history_names_its_step_once():
    """(found by a tester) it read "Erinnerung – Erinnerung an „Klimaportal“"."""
    at = datetime(2026, 6, 2, 8)
    history = (
        HistoryEntry(HistoryKind.REMINDER, date(2026, 6, 2), None, None,
                     "Erinnerung an „Klimaportal“", "Frau Schulz", at),
        HistoryEntry(HistoryKind.REMINDER, date(2026, 6, 3), None, None,
                     "telefonisch & <nachgefragt>", "Frau Schulz", at),
        HistoryEntry(HistoryKind.STATUS, date(2026, 6, 4), RecommendationStatus.SENT,
                     RecommendationStatus.ANSWERED, "", "", at),
    )  # fmt: skip

    text = detail_text(RecommendationDetail(ROW, "Text", (), history))

    assert text.splitlines()[-3:] == [
        "  02.06.2026 Erinnerung an „Klimaportal“ (Frau Schulz)",
        "  03.06.2026 Erinnerung – telefonisch & <nachgefragt> (Frau Schulz)",
        "  04.06.2026 Statuswechsel: beantwortet",
    ]


def test_answers_of_several_projects_name_their_project_and_who_is_missing():
    from dataclasses import replace

    from expertenrat.domain.recommendation_links import AddressedProject

    row = replace(
        ROW, status=RecommendationStatus.SENT, answered=frozenset({1}),
        projects=(AddressedProject(1, "Klimaportal"), AddressedProject(2, "Parkhaus")),
    )  # fmt: skip

    def answer(key: int, project_id: int | None, title: str) -> Response:
        return Response(
            id=key, received_on=date(2026, 6, key), verdict=ResponseVerdict.COMPLIED,
            responder="", reasons="", measures="", measures_due_on=None, final=True,
            version=1, project_id=project_id, project_title=title,
        )  # fmt: skip

    responses = (answer(1, 1, "Klimaportal"), answer(2, 7, "Hafen"), answer(3, None, ""))
    lines = detail_text(RecommendationDetail(row, "", responses, ())).splitlines()

    assert "Antworten: 1 von 2 Projekten hat geantwortet; es fehlt noch „Parkhaus“" in lines
    assert "  01.06.2026 von „Klimaportal“: entsprochen (abschließend)" in lines
    assert "  02.06.2026 von „Hafen“ (nicht mehr adressiert): entsprochen (abschließend)" in lines
    assert (
        "  03.06.2026 gemeinsam für alle adressierten Projekte: entsprochen (abschließend)" in lines
    )


def test_a_final_recommendation_names_no_due_answer():
    """Closed, it awaits nothing: no "Antwort fällig" (as the report and the register's
    Frist column; found by a helper)."""
    withdrawn = replace(ROW, status=RecommendationStatus.WITHDRAWN)

    text = detail_text(RecommendationDetail(withdrawn, "", (), ()))

    assert "übermittelt: 02.05.2026" in text and "fällig" not in text
    assert withdrawn.awaited_on is None  # the register's Frist column: empty
    assert "Antwort fällig: 02.07.2026" in detail_text(RecommendationDetail(ROW, "", (), ()))
