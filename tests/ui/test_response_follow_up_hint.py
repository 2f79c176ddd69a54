"""Stellungnahme: an interim "Umsetzung geplant" without a date is followed up by nothing,
which a hint beside the date says while it is so (found by a tester: such a plan was
recorded without a date and then forgotten)."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog


def _choose(dialog: RecommendationResponseDialog, verdict: ResponseVerdict) -> None:
    dialog.verdict_combo.setCurrentIndex(dialog.verdict_combo.findData(verdict.value))


def test_the_hint_shows_only_for_an_interim_plan_without_a_date(qtbot):
    dialog = RecommendationResponseDialog(None, "E-2026-01", date(2026, 12, 2), print)
    qtbot.addWidget(dialog)
    hint = dialog.no_follow_up_hint
    assert hint.text() == "Ohne Datum erinnert das Programm nicht an die Umsetzung."
    assert hint.isHidden()  # "entsprochen" comes first

    _choose(dialog, ResponseVerdict.PLANNED)
    assert not hint.isHidden()

    dialog.measures_due_check.setChecked(True)
    assert hint.isHidden()
    dialog.measures_due_check.setChecked(False)
    dialog.final_check.setChecked(True)  # a final answer ends the wait anyway
    assert hint.isHidden()
    dialog.final_check.setChecked(False)
    assert not hint.isHidden()

    _choose(dialog, ResponseVerdict.COMPLIED)
    assert hint.isHidden()
