"""Projekte → "Abschließen" asks first where the council still awaits answers of the
project (:mod:`expertenrat.ui.project_closing`)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from expertenrat.ui.project_closing import close_after_asking


def _asked(qtbot, dialogs, awaited: list[str]) -> str:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs.answers.append(False)
    close_after_asking(dialogs, parent, "Klimaportal", awaited, close=lambda: None)
    (_kind, _title, text) = dialogs.messages[-1]
    return text


def test_the_question_names_one_recommendation_in_the_singular(qtbot, dialogs):
    """(found by a tester) One code owed read "Von ihm steht noch eine Antwort aus zu
    E-2026-01. Diese Empfehlungen bleiben offen"."""
    assert _asked(qtbot, dialogs, ["E-2026-01"]).startswith(
        "Das Projekt „Klimaportal“ als abgeschlossen markieren? Zur Empfehlung E-2026-01 "
        "steht von ihm noch eine Antwort aus; sie bleibt offen. An ein abgeschlossenes Projekt"
    )


def test_the_question_lists_several_recommendations_in_the_plural(qtbot, dialogs):
    assert (
        "Zu den Empfehlungen E-2026-01, E-2026-02 und E-2026-03 stehen von ihm noch Antworten "
        "aus; sie bleiben offen."
    ) in _asked(qtbot, dialogs, ["E-2026-01", "E-2026-02", "E-2026-03"])
