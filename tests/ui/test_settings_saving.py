"""Einstellungen, "Speichern", without the window."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.settings_saving import SettingsSaving


def test_a_prefix_another_council_uses_is_saved_with_a_warning_beside_it(qtbot, services):
    """Two councils both issued "E-2026-01", with no word when saving (found by a tester)."""
    settings = services.settings
    settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    second = settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Görlitz", recommendation_prefix="DB")
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    form = QFormLayout(parent)
    errors = FormErrors(form)
    errors.add_row("Kürzel der Empfehlungen", "recommendation_prefix", QLineEdit())
    saved: list[CouncilSettings] = []
    saving = SettingsSaving(
        parent,
        settings,
        errors,
        QPushButton(),
        lambda: second,
        lambda: replace(second, recommendation_prefix="E"),
        saved.append,
        lambda theirs, chosen: None,
    )

    saving.save()

    assert [s.recommendation_prefix for s in saved] == ["E"]
    assert errors.message("recommendation_prefix").startswith(
        "Das Kürzel „E“ gilt auch für „Rat“ (Rostock)"
    )
    assert not errors.has_error("recommendation_prefix")  # a warning, not an error
