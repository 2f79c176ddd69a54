"""Einstellungen, "Weiteres Gremium anlegen …" without the window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.settings_new_council import NewCouncil


def test_a_further_council_gets_a_prefix_no_other_council_uses(qtbot, services, dialogs):
    """Both councils had "E" and issued "E-2026-01" each (found by a tester)."""
    first = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    parent = QWidget()
    qtbot.addWidget(parent)
    created: list[int] = []
    new = NewCouncil(services.settings, dialogs, parent, lambda: first, created.append)

    assert new.create("Jugendforum Digitales") is None
    assert new.create("Jugendforum Daten") is None

    prefixes = [services.settings.settings(c).recommendation_prefix for c in created]
    assert [first.recommendation_prefix, *prefixes] == ["E", "JD", "E2"]
